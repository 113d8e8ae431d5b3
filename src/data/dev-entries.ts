/**
 * In `astro dev`, the pages' entries as the loader last made them, handed to the pages in the
 * same process instead of through Astro's content store.
 *
 * Astro's dev server writes its whole store to disk on any change, reads it back as one
 * module and parses it again: at 69,000 pages that was most of the 90 s between saving a note
 * and its page showing it. So in `astro dev` the loader puts the entries here, and the store
 * holds one small entry, the revision, which changes with every load. Writing it is how Astro
 * learns of the change: it clears its cache of `getStaticPaths` and reloads the browser.
 *
 * A build never sets this: its pages read the content store (`pages.ts`).
 */
import type { DisambiguationEntryData, MissingEntryData, NoteEntryData } from '../loaders/entry-schema.ts';

export interface DevEntry {
  id: string;
  collection: 'notes';
  data: NoteEntryData | DisambiguationEntryData | MissingEntryData;
}

export interface DevEntries {
  /** Changes with every load. */
  revision: string;
  entries: readonly DevEntry[];
}

/** The id of the store's one entry in `astro dev` (the only entry there, so no page id can clash). */
export const DEV_REVISION_ID = 'dev:revision';

// One slot per process: the loader and the pages are separate module instances (Astro loads
// the content config and the pages through different module runners), so a module-level
// variable would not be shared.
const SLOT = Symbol.for('wiki-notes-site.dev-entries');
type Slot = { [SLOT]?: DevEntries | undefined };

export function devEntries(): DevEntries | undefined {
  return (globalThis as Slot)[SLOT];
}

/** `undefined` empties the slot (tests do, between loads of their own). */
export function setDevEntries(entries: DevEntries | undefined): void {
  (globalThis as Slot)[SLOT] = entries;
}
