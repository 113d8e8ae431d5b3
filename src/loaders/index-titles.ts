/**
 * Step 2: every page name known before any note renders (titles, file paths, the titles of
 * the originals a note translates), and a warning for each note whose title another note
 * also has.
 */
import type { SourceProblem } from '../lib/notes/note-source.ts';
import { buildTitleIndex, type IndexedNote, type TitleIndex } from '../lib/titles/title-index.ts';
import type { LoaderMemory } from './loader-memory.ts';
import type { ReadNote } from './read-notes.ts';

export interface IndexedTitles {
  index: TitleIndex;
  /** What the index was built from, in note order: render workers build the same index from it. */
  indexInput: IndexedNote[];
  /** `indexInput` as JSON: equal titles, equal text (the render cache's `titlesKey`). */
  inputJson: string;
}

/**
 * `memory`: in `astro dev`, a load whose titles are those of the last reuses its index (0.3 s
 * at 24,000 notes); the index is built from the titles alone, so it is the same index.
 */
export function indexTitles(notes: readonly ReadNote[], memory?: Pick<LoaderMemory, 'titles'>): IndexedTitles & { problems: SourceProblem[] } {
  const indexInput = notes.map(({ source, translations }) => ({
    title: source.title,
    filePath: source.filePath,
    originalTitles: translations.map((translation) => translation.title),
  }));
  const inputJson = JSON.stringify(indexInput);
  const index = memory?.titles?.inputJson === inputJson ? memory.titles.index : buildTitleIndex(indexInput);
  if (memory) memory.titles = { index, indexInput, inputJson };
  const titleLines = new Map(notes.map(({ source }) => [source.filePath, source.titleLine]));
  const problems = index.ambiguousTitles.flatMap((shared) =>
    shared.notes.map((ref): SourceProblem => {
      const others = shared.notes.filter((other) => other !== ref).map((other) => `${other.filePath} ("${other.title}")`);
      return {
        filePath: ref.filePath,
        line: titleLines.get(ref.filePath),
        message:
          `the title "${ref.title}" is also the title of ${others.join(', ')}: titles match ignoring case, "_" versus space and Unicode form. ` +
          `Both are published, each at its own URL (this one at /notes/${ref.slug}/), and links to the title go to a page listing them. ` +
          'Give one of them another title to make links reach it directly.',
      };
    }),
  );
  return { index, indexInput, inputJson, problems };
}
