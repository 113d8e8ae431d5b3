/**
 * Step 1 of the loader: every note file read, decoded and parsed into its title, frontmatter
 * and body, with its translation footers cut from the body. Nothing is dropped: a problem
 * with a file is returned with its line, and the note is kept with a fallback. Each of these
 * steps runs under the per-note guard (`lib/notes/note-guard.ts`), so a note that makes one
 * of them throw is published by that step's fallback instead of stopping the build.
 */
import { lstat, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { isNoteFilePath, listContentFiles, type ContentFile, type UnlistedFolder } from '../lib/notes/note-files.ts';
import { guardNoteStep, guardNoteStepAsync } from '../lib/notes/note-guard.ts';
import { parseNoteSource, titleFromFilePath, type NoteSource } from '../lib/notes/note-source.ts';
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import { decodeNoteBytes, type NoteText } from '../lib/notes/note-text.ts';
import {
  extractTranslationFooters,
  sourcesWithFrontmatter,
  type ExtractedFooters,
} from '../lib/translation/translation-source.ts';
import { emptyMemory, fileStamp, type LoaderMemory } from './loader-memory.ts';
import type { ReadNote, ReadSource } from './loader-types.ts';

/** Enough to keep the disk busy, far below the usual limit of open files. */
const FILES_OPEN_AT_ONCE = 64;

/**
 * A note file larger than this is read only this far: a sparse or runaway file of gigabytes
 * would otherwise take the build's memory (a string cannot even hold 1 GB). Notes of more than
 * 4,000,000 characters are already published as plain text (`lib/markdown/plain-note.ts`).
 */
export const MAX_NOTE_BYTES = 16 * 1024 * 1024;

/**
 * `memory`: files unchanged since it last read them are not read again (`astro dev`).
 * `changed`: the files under the content folder (`/`-separated, relative) that changed since
 * the last read with this memory, as the dev server's watcher named them; only those are
 * looked at again. Without it every file is listed and its size and times compared.
 */
export async function readNotes(
  contentDir: string,
  memory: LoaderMemory = emptyMemory(),
  changed?: ReadonlySet<string>,
): Promise<{ notes: ReadNote[]; problems: SourceProblem[]; attachments?: ContentFile[] }> {
  const { sources, attachments, unlisted } = await readSources(contentDir, memory, changed);
  const problems: SourceProblem[] = [
    ...unlisted.map(
      (entry): SourceProblem =>
        entry.kind === 'folder'
          ? {
              filePath: `${entry.path}/`,
              line: undefined,
              message: `this folder cannot be read (${entry.reason}): the notes in it are not published. Shorten its path or give it read permission`,
            }
          : {
              filePath: entry.path,
              line: undefined,
              message: `this is ${entry.reason}, not a note file: it is not read or published (links are not followed, so nothing outside the content folder is read). Put the note file itself here`,
            },
    ),
    ...sources.flatMap((source) => source.problems),
  ];
  // Footers first: the titles of the originals are names in the index too.
  const notes = sources.map((source): ReadNote => {
    // A file not read again (`astro dev`) keeps its footers and their problems too.
    const known = memory.footers.get(source);
    if (known) {
      problems.push(...known.problems);
      return known.note;
    }
    const before = problems.length;
    const note = readFooters(source, problems);
    memory.footers.set(source, { note, problems: problems.slice(before) });
    return note;
  });
  return { notes, problems, ...(attachments ? { attachments } : {}) };
}

/** The note's translation footers and what it is a translation of; problems are added to `problems`. */
function readFooters(source: ReadSource, problems: SourceProblem[]): ReadNote {
  const footers = guardNoteStep(
    { filePath: source.filePath, step: 'reading its translation footers', fallbackText: 'with its footers shown as text' },
    problems,
    () => extractTranslationFooters(source.body),
    (): ExtractedFooters => ({ body: source.body, sources: [], unreadableLines: [] }),
  );
  for (const line of footers.unreadableLines) {
    problems.push({
      filePath: source.filePath,
      line: line + source.bodyStartLine - 1,
      message:
        'this looks like a translation footer but its link could not be read; it is shown as text. ' +
        'Write it as: This page is auto-translated from [/project/Original title](https://…) using DeepL.',
    });
  }
  const translations = guardNoteStep(
    { filePath: source.filePath, step: 'reading what it is translated from', fallbackText: 'as a note with no original' },
    problems,
    () => sourcesWithFrontmatter(source.frontmatter, footers.sources),
    () => [],
  );
  return { source, footers, translations };
}

/**
 * A bounded number of files open at once: a vault of tens of thousands of notes would
 * otherwise run out of file handles (EMFILE).
 */
async function readSources(
  contentDir: string,
  memory: LoaderMemory,
  changed: ReadonlySet<string> | undefined,
): Promise<{ sources: ReadSource[]; attachments?: ContentFile[]; unlisted: UnlistedFolder[] }> {
  const known = changed && memory.files ? await filesAfter(contentDir, memory.files, changed) : undefined;
  const listing = known ? undefined : await listContentFiles(contentDir);
  const files = known ?? listing!.notes;
  memory.files = files;
  const limit = pLimit(FILES_OPEN_AT_ONCE);
  const remembered = memory.sources;
  memory.sources = new Map();
  const sources = await Promise.all(
    files.map((file) => {
      // A file the watcher did not name is as this process last read it.
      const kept = known && !changed!.has(file.path) ? remembered.get(file.path) : undefined;
      if (kept) {
        memory.sources.set(file.path, kept);
        return kept.source;
      }
      return limit(() => readSource(file, memory, remembered));
    }),
  );
  return { sources, unlisted: listing?.unlisted ?? [], ...(listing ? { attachments: listing.attachments } : {}) };
}

async function readSource(file: ContentFile, memory: LoaderMemory, remembered: LoaderMemory['sources']): Promise<ReadSource> {
  const { path: filePath, diskPath } = file;
  // A file unchanged since this process read it is not read again (`astro dev`).
  const stats = await stat(diskPath).catch(() => undefined);
  const stamp = stats && fileStamp(stats);
  const known = remembered.get(filePath);
  if (stamp !== undefined && known?.stamp === stamp) {
    memory.sources.set(filePath, known);
    return known.source;
  }
  const problems: SourceProblem[] = [];
  if (file.renamed) problems.push({ filePath, line: undefined, message: `${file.renamed}. Give the file a UTF-8 name` });
  const { bytes, modified } = await guardNoteStepAsync(
    { filePath, step: 'reading the file', fallbackText: 'with an empty body' },
    problems,
    async () => {
      const bytes = await readAtMost(diskPath, MAX_NOTE_BYTES);
      if (bytes.length === MAX_NOTE_BYTES && (stats?.size ?? 0) > MAX_NOTE_BYTES) {
        problems.push({
          filePath,
          line: undefined,
          message: `the file has ${(stats!.size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_NOTE_BYTES / 1024 / 1024} MB a note may have: only its first ${MAX_NOTE_BYTES / 1024 / 1024} MB are published. Split it into several notes`,
        });
      }
      // Stated before reading: a save in between shows as a new stamp next time.
      return { bytes: bytes as Uint8Array, modified: (stats ?? (await stat(diskPath))).mtime };
    },
    // The start of time rather than now, so the same notes still give the same site.
    () => ({ bytes: new Uint8Array(), modified: new Date(0) }),
  );
  const { text, invalidUtf8Line, encoding } = guardNoteStep(
    { filePath, step: 'decoding its bytes', fallbackText: 'with its bytes read as UTF-8' },
    problems,
    () => decodeNoteBytes(bytes),
    (): NoteText => ({ text: new TextDecoder().decode(bytes), invalidUtf8Line: undefined, encoding: 'utf-8' }),
  );
  const source = guardNoteStep(
    { filePath, step: 'reading its title and frontmatter', fallbackText: 'under its file path, its whole text as the body' },
    problems,
    () => parseNoteSource(filePath, text),
    (): NoteSource => ({ filePath, title: titleFromFilePath(filePath), frontmatter: {}, body: text, bodyStartLine: 1, problems: [] }),
  );
  if (invalidUtf8Line !== undefined) {
    source.problems.push({
      filePath: source.filePath,
      line: invalidUtf8Line,
      message:
        encoding === 'utf-8'
          ? 'bytes here are not UTF-8 and show as �; save the file as UTF-8 (Unicode)'
          : `the file starts with a ${encoding.toUpperCase()} byte order mark but bytes here are not ${encoding.toUpperCase()}; they show as �. Save the file as UTF-8`,
    });
  }
  source.problems.unshift(...problems);
  const read = { ...source, modified };
  // Stamped as it was before reading: a save while it was read is seen next time.
  if (stamp !== undefined) memory.sources.set(filePath, { stamp, source: read });
  return read;
}

/** The file's first `limit` bytes, or all of it. */
async function readAtMost(path: string | Buffer, limit: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    if (size <= limit && size > 0) return await file.readFile();
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await file.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await file.close();
  }
}

/**
 * The note files now: those of the last read, less the named files that are gone, plus those
 * that came; undefined (list the folder again) where a name is not one the listing would
 * give as it is (not NFC, not UTF-8) or the last listing renamed a file.
 */
async function filesAfter(contentDir: string, before: readonly ContentFile[], changed: ReadonlySet<string>): Promise<ContentFile[] | undefined> {
  if (before.some((file) => file.renamed !== undefined)) return undefined;
  const files = new Map(before.map((file) => [file.path, file]));
  for (const path of changed) {
    if (!isNoteFilePath(path)) continue;
    if (path.includes('\uFFFD') || path.normalize('NFC') !== path) return undefined;
    const diskPath = join(contentDir, path);
    // A symbolic link is not a note file, as in `listContentFiles`.
    const isFile = (await lstat(diskPath).catch(() => undefined))?.isFile() ?? false;
    if (isFile) files.set(path, files.get(path) ?? { path, diskPath });
    else files.delete(path);
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
