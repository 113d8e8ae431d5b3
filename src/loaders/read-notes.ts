/**
 * Step 1 of the loader: every note file read, decoded and parsed into its title, frontmatter
 * and body, with its translation footers cut from the body. Nothing is dropped: a problem
 * with a file is returned with its line, and the note is kept with a fallback.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { listNoteFiles } from '../lib/notes/note-files.ts';
import { parseNoteSource, type SourceProblem } from '../lib/notes/note-source.ts';
import { decodeNoteBytes } from '../lib/notes/note-text.ts';
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
    const footers = extractTranslationFooters(source.body);
    for (const line of footers.unreadableLines) {
      problems.push({
        filePath: source.filePath,
        line: line + source.bodyStartLine - 1,
        message:
          'this looks like a translation footer but its link could not be read; it is shown as text. ' +
          'Write it as: This page is auto-translated from [/project/Original title](https://…) using DeepL.',
      });
    }
    return { source, footers, translations: sourcesWithFrontmatter(source.frontmatter, footers.sources) };
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
        const stamp = fileStamp(await stat(path));
        const known = remembered.get(file);
        if (known?.stamp === stamp) {
          memory.sources.set(file, known);
          return known.source;
        }
        const [bytes, stats] = await Promise.all([readFile(path), stat(path)]);
        const { text, invalidUtf8Line } = decodeNoteBytes(bytes);
        const source = parseNoteSource(file, text);
        if (invalidUtf8Line !== undefined) {
          source.problems.push({
            filePath: source.filePath,
            line: invalidUtf8Line,
            message: 'bytes here are not UTF-8 and show as �; save the file as UTF-8 (Unicode)',
          });
        }
        const read = { ...source, modified: stats.mtime };
        // Stamped as it was before reading: a save while it was read is seen next time.
        memory.sources.set(file, { stamp, source: read });
        return read;
      }),
    ),
  );
}
