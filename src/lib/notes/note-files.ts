/** Finding the note files under the content folder. */
import { readdir } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';

/**
 * Every `.md` file below `dir`, as `/`-separated paths relative to it, sorted by code point
 * so the build order (and so "first written" titles) does not depend on the file system.
 * Hidden folders (`.obsidian`, `.git`) and `node_modules` are skipped.
 */
export async function listNoteFiles(folder: string): Promise<string[]> {
  return listFiles(folder, (name) => /\.md$/i.test(name));
}

/**
 * Every other file below `dir` (images, PDFs, …: what `![[embeds]]` may name), by the same
 * rules. Symbolic links are not followed, so no embed reaches outside the folder through one.
 */
export async function listAttachmentFiles(folder: string): Promise<string[]> {
  return listFiles(folder, (name) => !/\.md$/i.test(name));
}

/**
 * Whether a file at this `/`-separated path under the content folder is a note, by the rules
 * of `listNoteFiles` (for a path the dev server's watcher names).
 */
export function isNoteFilePath(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return /\.md$/i.test(name) && isListed(parts, name);
}

/**
 * Whether files in the folder at this `/`-separated path under the content folder are listed
 * by `listNoteFiles` and `listAttachmentFiles`: not hidden, not `node_modules`, nor inside one.
 */
export function isListedFolder(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return isListed(parts, name) && name !== 'node_modules';
}

/** Sorted by code point, as `listNoteFiles` sorts. */
export function sortFilePaths(paths: Iterable<string>): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isListed(parent: readonly string[], name: string): boolean {
  return !name.startsWith('.') && !parent.some((part) => part.startsWith('.') || part === 'node_modules');
}

async function listFiles(folder: string, wanted: (name: string) => boolean): Promise<string[]> {
  const dir = resolve(folder);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !wanted(entry.name)) continue;
    const parent = relative(dir, entry.parentPath).split(sep).filter(Boolean);
    if (!isListed(parent, entry.name)) continue;
    files.push([...parent, entry.name].join('/'));
  }
  return sortFilePaths(files);
}
