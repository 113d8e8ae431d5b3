/** Finding the note files and attachments under the content folder, with names read as bytes. */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeName, escapedName } from './file-names.ts';

/** A file under the content folder. */
export interface ContentFile {
  /**
   * The name the build knows the file by: `/`-separated, relative to the content folder, in
   * Unicode NFC, unique among the folder's files. Its title comes from it when the note has none.
   */
  path: string;
  /** Where to read the file: its absolute path, as bytes where a name on it is not UTF-8. */
  diskPath: string | Buffer;
  /** Set where `path` is not the name as written: why, for the warning that names the file. */
  renamed?: string;
}

/**
 * What is under the content folder but not published, and why: a folder that could not be
 * listed (its files are not published), or a note name that is not a regular file (a symbolic
 * link, which is not followed; a named pipe, socket or device, which reading would block on).
 */
export interface UnlistedFolder {
  path: string;
  kind: 'folder' | 'note';
  reason: string;
}

export interface ContentListing {
  /** The `.md` files, sorted by `path` (code point), so the build order does not depend on the file system. */
  notes: ContentFile[];
  /** Every other file (images, PDFs, …: what `![[embeds]]` may name), sorted the same way. */
  attachments: ContentFile[];
  unlisted: UnlistedFolder[];
}

/**
 * Every file below `folder`, read with names as bytes: a name that is not UTF-8 is decoded
 * (`file-names.ts`) and the file still read by its real bytes; two files whose names read
 * alike (two such names, or one such name and a UTF-8 one, or NFC and NFD spellings) both
 * stay, the one whose name was not as written gets `~` and a hash of its bytes. Hidden
 * folders and files (`.obsidian`, `.git`) and `node_modules` are skipped; symbolic links are
 * not followed, so nothing outside the folder is reached through one.
 */
export async function listContentFiles(folder: string): Promise<ContentListing> {
  const root = resolve(folder);
  const found: FoundFile[] = [];
  const unlisted: UnlistedFolder[] = [];
  await walk(Buffer.from(root), { segments: [], bytes: Buffer.alloc(0) }, found, unlisted);
  const files = uniquePaths(found);
  const byPath = (a: ContentFile, b: ContentFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    notes: files.filter((file) => isNoteName(file.path)).sort(byPath),
    attachments: files.filter((file) => !isNoteName(file.path)).sort(byPath),
    unlisted: unlisted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The paths of the note files below `folder` (`listContentFiles`). */
export async function listNoteFiles(folder: string): Promise<string[]> {
  return (await listContentFiles(folder)).notes.map((file) => file.path);
}

/**
 * Whether a file at this `/`-separated path under the content folder is a note, by the rules
 * of `listContentFiles` (for a path the dev server's watcher names).
 */
export function isNoteFilePath(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return isNoteName(name) && isListed(parts, name);
}

/**
 * Whether files in the folder at this `/`-separated path under the content folder are listed
 * by `listContentFiles`: not hidden, not `node_modules`, nor inside one.
 */
export function isListedFolder(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return isListed(parts, name) && name !== 'node_modules';
}

/** Sorted by code point, as `listContentFiles` sorts. */
export function sortFilePaths(paths: Iterable<string>): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isNoteName(name: string): boolean {
  return /\.md$/i.test(name);
}

function isListed(parent: readonly string[], name: string): boolean {
  return !name.startsWith('.') && !parent.some((part) => part.startsWith('.') || part === 'node_modules');
}

interface FoundFile {
  /** Decoded segments. */
  segments: string[];
  /** The path relative to the folder, as bytes. */
  bytes: Buffer;
  diskPath: Buffer;
  /** Some segment was not UTF-8: how it was read. */
  decoded?: string;
}

const SLASH = Buffer.from('/');

interface FolderFound {
  segments: string[];
  bytes: Buffer;
  /** Some name on the way was not UTF-8: how it was read. */
  decoded?: string;
}

async function walk(dir: Buffer, here: FolderFound, found: FoundFile[], unlisted: UnlistedFolder[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    // The content folder itself must be listable; a folder below it that is not (no
    // permission, a path longer than the system allows) is named, and the rest is published.
    if (here.segments.length === 0) throw error;
    unlisted.push({ path: here.segments.join('/'), kind: 'folder', reason: error instanceof Error && 'code' in error ? String(error.code) : String(error) });
    return;
  }
  const folders: Promise<void>[] = [];
  for (const entry of entries) {
    const nameBytes = entry.name;
    const name = decodeName(nameBytes);
    if (name.text.startsWith('.')) continue;
    const segments = [...here.segments, name.text];
    const bytes = here.segments.length === 0 ? Buffer.from(nameBytes) : Buffer.concat([here.bytes, SLASH, nameBytes]);
    const diskPath = Buffer.concat([dir, SLASH, nameBytes]);
    const reason = name.encoding && `the name "${escapedName(nameBytes)}" is not UTF-8 and was read as ${name.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8 with � for the bytes that are not'}`;
    const decoded = [here.decoded, reason].filter(Boolean).join('; ') || undefined;
    if (entry.isDirectory()) {
      if (name.text === 'node_modules') continue;
      folders.push(walk(diskPath, { segments, bytes, ...(decoded ? { decoded } : {}) }, found, unlisted));
    } else if (entry.isFile()) {
      found.push({ segments, bytes, diskPath, ...(decoded ? { decoded } : {}) });
    } else if (isNoteName(name.text)) {
      unlisted.push({ path: segments.join('/').normalize('NFC'), kind: 'note', reason: entry.isSymbolicLink() ? 'a symbolic link' : 'not a regular file (a named pipe, socket or device)' });
    }
  }
  await Promise.all(folders);
}

/**
 * The decoded, NFC paths made unique. Of the files that read alike, one keeps the path (a
 * file whose path is its name as written first, then by the order of their bytes); each other
 * gets `~` and 8 hex digits of a hash of its bytes before the extension, so the same folder
 * always gives the same names.
 */
function uniquePaths(found: FoundFile[]): ContentFile[] {
  const files = found.map((file) => {
    const path = file.segments.join('/').normalize('NFC');
    return { file, path, asWritten: !file.decoded && file.bytes.equals(Buffer.from(path)) };
  });
  const groups = new Map<string, typeof files>();
  for (const entry of files) groups.set(entry.path, [...(groups.get(entry.path) ?? []), entry]);
  const used = new Set(groups.keys());
  const renamed = new Map<FoundFile, string>();
  for (const [path, group] of groups) {
    if (group.length < 2) continue;
    group.sort((a, b) => Number(b.asWritten) - Number(a.asWritten) || Buffer.compare(a.file.bytes, b.file.bytes));
    for (const { file } of group.slice(1)) {
      let candidate = withSuffix(path, hashOf(file.bytes, 0));
      for (let round = 1; used.has(candidate); round++) candidate = withSuffix(path, hashOf(file.bytes, round));
      used.add(candidate);
      renamed.set(file, candidate);
    }
  }
  return files.map(({ file, path }): ContentFile => {
    const unique = renamed.get(file);
    const reasons = [file.decoded, unique && `another file's name reads the same, so this one is published as "${unique}"`].filter(Boolean);
    return {
      path: unique ?? path,
      diskPath: file.decoded ? file.diskPath : file.diskPath.toString('utf8'),
      ...(reasons.length > 0 ? { renamed: reasons.join('; ') } : {}),
    };
  });
}

function hashOf(bytes: Buffer, round: number): string {
  return createHash('sha256').update(bytes).update(String(round)).digest('hex').slice(0, 8);
}

function withSuffix(path: string, hash: string): string {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${path.slice(0, slash + 1)}${stem}~${hash}${extension}`;
}
