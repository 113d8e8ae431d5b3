/**
 * What the content loader hands to the pages, and the one place that holds state for the
 * whole process. The loader (`loaders/`) writes here; the pages' data modules (`data/`) read
 * here; neither imports the other.
 *
 * Lifecycle:
 * - **`astro build`**: the loader runs once. It stores every page's entry in Astro's content
 *   store and its files in the build's cache folder (`lib/cache/cache-files.ts`), and starts
 *   the global graph's layout in a worker thread (`setLayoutAhead`); `/graph.json` waits for
 *   that (`layoutAhead`) and reads the layout from its cache file, checking its key
 *   (`storedStructure`). The dev entries stay unset.
 * - **`astro dev`**: the loader runs again on every save. It puts the entries here
 *   (`setDevEntries`) instead of in Astro's store, which then holds one revision entry whose
 *   change makes Astro reload the browser; the pages read `devEntries()`. No layout is started
 *   ahead: `/graph.json` lays the graph out when asked. The content folder's watcher of the
 *   last load is closed when a new one starts (`contentWatchSlot`).
 *
 * Process-wide values live in `globalThis` slots: the loader and the pages are separate module
 * instances (Astro loads the content config and the pages through different module runners),
 * so a module-level variable would not be shared.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import forceAtlas2Package from 'graphology-layout-forceatlas2/package.json';
import louvainPackage from 'graphology-communities-louvain/package.json';
import layoutSource from './lib/graph/graph-layout.ts?raw';
import communitiesSource from './lib/graph/graph-communities.ts?raw';
import structureSource from './lib/graph/graph-structure.ts?raw';
import structureLayoutSource from './lib/graph/graph-structure-layout.ts?raw';
import { hashOf } from './lib/cache/render-cache.ts';
import type { GraphLinkData } from './lib/graph/graph-data.ts';
import type { GraphStructure } from './lib/graph/graph-structure-layout.ts';
import type { DisambiguationEntryData, MissingEntryData, NoteEntryData } from './loaders/entry-schema.ts';

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

/** A value shared by every module instance of this process, under a name of its own. */
interface ProcessSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

function processSlot<T>(name: string): ProcessSlot<T> {
  const key = Symbol.for(`wiki-notes-site.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => slots[key],
    set: (value) => {
      slots[key] = value;
    },
  };
}

// --- The entries, in `astro dev` ---

const devEntriesSlot = processSlot<DevEntries>('dev-entries');

/** In `astro dev`, the pages' entries as the loader last made them; unset in a build. */
export function devEntries(): DevEntries | undefined {
  return devEntriesSlot.get();
}

/** `undefined` empties the slot (tests do, between loads of their own). */
export function setDevEntries(entries: DevEntries | undefined): void {
  devEntriesSlot.set(entries);
}

// --- The global graph's layout, in a build ---

const layoutAheadSlot = processSlot<Promise<void>>('graph-layout-ahead');

/** The loader's layout ahead, which `/graph.json` waits for: it stores its result, and never rejects. */
export function setLayoutAhead(job: Promise<void>): void {
  layoutAheadSlot.set(job);
}

export function layoutAhead(): Promise<void> | undefined {
  return layoutAheadSlot.get();
}

export function structureKey(data: GraphLinkData): string {
  return hashOf(
    layoutSource,
    communitiesSource,
    structureSource,
    structureLayoutSource,
    forceAtlas2Package.version,
    louvainPackage.version,
    String(data.titles.length),
    String(data.noteCount),
    JSON.stringify(data.links),
  );
}

export async function storedStructure(
  file: string,
  key: string,
  data: GraphLinkData,
  onUnreadable = () => console.info(`The graph layout cache ${file} cannot be read: it is ignored, the graph is laid out again.`),
): Promise<GraphStructure | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const stored = JSON.parse(text) as { key: string } & GraphStructure;
    if (stored.key === key && stored.positions.length === data.titles.length * 2 && stored.communities.ofPage.length === data.titles.length) {
      return { positions: stored.positions, communities: stored.communities };
    }
  } catch {
    onUnreadable();
  }
  return undefined;
}

export async function storeStructure(file: string, key: string, structure: GraphStructure): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify({ key, ...structure }));
  await rename(`${file}.tmp`, file);
}

// --- The content folder's watcher, in `astro dev` ---

/** Closes the watcher of the last load (`loaders/watch-content-folder.ts`). */
export const contentWatchSlot = processSlot<() => void>('content-watch');
