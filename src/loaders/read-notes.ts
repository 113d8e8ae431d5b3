/**
 * Step 1 of the loader: every note file read, decoded and parsed into its title, frontmatter
 * and body, with its translation footers cut from the body. Nothing is dropped: a problem
 * with a file is returned with its line, and the note is kept with a fallback. Each of these
 * steps runs under the per-note guard (`lib/notes/note-guard.ts`), so a note that makes one
 * of them throw is published by that step's fallback instead of stopping the build.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { listNoteFiles } from '../lib/notes/note-files.ts';
import { guardNoteStep, guardNoteStepAsync } from '../lib/notes/note-guard.ts';
import { parseNoteSource, titleFromFilePath, type NoteSource, type SourceProblem } from '../lib/notes/note-source.ts';
import { decodeNoteBytes, type NoteText } from '../lib/notes/note-text.ts';
import {
  extractTranslationFooters,
  sourcesWithFrontmatter,
  type ExtractedFooters,
  type TranslationSource,
} from '../lib/translation/translation-source.ts';
import { emptyMemory, fileStamp, type LoaderMemory, type ReadSource } from './loader-memory.ts';

/** Enough to keep the disk busy, far below the usual limit of open files. */
const FILES_OPEN_AT_ONCE = 64;

export interface ReadNote {
  source: ReadSource;
  /** The body less its translation footers, and the footers read from it. */
  footers: ExtractedFooters;
  /** What the note is a translation of: footers, overridden by frontmatter. */
  translations: TranslationSource[];
}

/** `memory`: files unchanged since it last read them are not read again (`astro dev`). */
export async function readNotes(contentDir: string, memory: LoaderMemory = emptyMemory()): Promise<{ notes: ReadNote[]; problems: SourceProblem[] }> {
  const sources = await readSources(contentDir, memory);
  const problems: SourceProblem[] = sources.flatMap((source) => source.problems);
  // Footers first: the titles of the originals are names in the index too.
  const notes = sources.map((source): ReadNote => {
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
  });
  return { notes, problems };
}

/**
 * A bounded number of files open at once: a vault of tens of thousands of notes would
 * otherwise run out of file handles (EMFILE).
 */
async function readSources(contentDir: string, memory: LoaderMemory): Promise<ReadSource[]> {
  const files = await listNoteFiles(contentDir);
  const limit = pLimit(FILES_OPEN_AT_ONCE);
  const remembered = memory.sources;
  memory.sources = new Map();
  return Promise.all(
    files.map((file) =>
      limit(async () => {
        const path = join(contentDir, file);
        const filePath = file.normalize('NFC');
        // A file unchanged since this process read it is not read again (`astro dev`).
        const stats = await stat(path).catch(() => undefined);
        const stamp = stats && fileStamp(stats);
        const known = remembered.get(file);
        if (stamp !== undefined && known?.stamp === stamp) {
          memory.sources.set(file, known);
          return known.source;
        }
        const problems: SourceProblem[] = [];
        const { bytes, modified } = await guardNoteStepAsync(
          { filePath, step: 'reading the file', fallbackText: 'with an empty body' },
          problems,
          async () => {
            const bytes = await readFile(path);
            // Stated before reading: a save in between shows as a new stamp next time.
            return { bytes: bytes as Uint8Array, modified: (stats ?? (await stat(path))).mtime };
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
          () => parseNoteSource(file, text),
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
        if (stamp !== undefined) memory.sources.set(file, { stamp, source: read });
        return read;
      }),
    ),
  );
}
