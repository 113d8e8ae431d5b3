/**
 * What a loader that stays running (`astro dev`) keeps between loads, so that saving a note
 * costs what changed: each note file as last read (reused while its size and times are the
 * same), the renderings as last written (not read back from disk), and where each HTML is in
 * the notes' HTML file (new HTML is appended, so unchanged entries stay unchanged). A build starts with
 * an empty memory, so it reads everything as before.
 */
import type { Stats } from 'node:fs';
import type { HtmlFileState } from '../lib/cache/note-html-file.ts';
import type { RenderCache } from '../lib/cache/render-cache.ts';
import type { ContentFile } from '../lib/notes/note-files.ts';
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import type { NoteRef, TitleIndex } from '../lib/titles/title-index.ts';
import type { TitleKey } from '../lib/titles/titles.ts';
import type { IndexedTitles, ReadNote, ReadSource } from './loader-types.ts';
import type { GitLogMemory } from './read-git-history.ts';

export interface LoaderMemory {
  /** By file path relative to the content folder. */
  sources: Map<string, { stamp: string; source: ReadSource }>;
  /** The note files of the last read, sorted (`listContentFiles`); unset after a load that failed. */
  files?: ContentFile[] | undefined;
  /** Each of those sources' footers, and the problems reading them gave. */
  footers: WeakMap<ReadSource, { note: ReadNote; problems: SourceProblem[] }>;
  /** Each of those notes' render key, with the settings it was hashed with (`render-with-cache.ts`). */
  sourceKeys: WeakMap<ReadNote, { settings: string; key: string }>;
  /** The title index of the last load, and what it was built from (`index-titles.ts`). */
  titles?: IndexedTitles;
  /** The notes near each missing title, for that index (`store-entries.ts`). */
  nearTitles?: { index: TitleIndex; byKey: Map<TitleKey, NoteRef | undefined> };
  /** The render cache as this process last wrote it, and the titles it was checked against (`render-cache-file.ts`). */
  renderings?: { entries: RenderCache; titles: string };
  /** What the notes' HTML file holds, as this process last wrote it. */
  htmlFile?: HtmlFileState;
  /** The content folder's `git log`, by the commit it was read at. */
  gitLog?: GitLogMemory;
  /** The render cache file being written in the background, awaited before the next write. */
  cacheWrite: Promise<void>;
  /** `astro dev`: the render cache write waiting for saves to stop. */
  pendingCacheWrite?: ReturnType<typeof setTimeout> | undefined;
}

export function emptyMemory(): LoaderMemory {
  return { sources: new Map(), footers: new WeakMap(), sourceKeys: new WeakMap(), cacheWrite: Promise.resolve() };
}

/** Changes whenever the file could have: its size, modification and change times, and inode. */
export function fileStamp(stats: Stats): string {
  return `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino}`;
}
