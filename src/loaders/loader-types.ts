/**
 * What the loader's first steps hand on: a note file as read (`read-notes.ts`) and the title
 * index built from them (`index-titles.ts`), which the later steps and the loader's memory
 * between loads (`loader-memory.ts`) hold.
 */
import type { NoteSource } from '../lib/notes/note-source.ts';
import type { IndexedNote, TitleIndex } from '../lib/titles/title-index.ts';
import type { ExtractedFooters, TranslationSource } from '../lib/translation/translation-source.ts';

/** A note's source as read, with its file's modification time. */
export type ReadSource = NoteSource & { modified: Date };

export interface ReadNote {
  source: ReadSource;
  /** The body less its translation footers, and the footers read from it. */
  footers: ExtractedFooters;
  /** What the note is a translation of: footers, overridden by frontmatter. */
  translations: TranslationSource[];
}

export interface IndexedTitles {
  index: TitleIndex;
  /** What the index was built from, in note order: render workers build the same index from it. */
  indexInput: IndexedNote[];
  /** `indexInput` as JSON: equal titles, equal text (the render cache's `titlesKey`). */
  inputJson: string;
}
