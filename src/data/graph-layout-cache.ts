/**
 * The global graph's communities and layout, kept in the build's cache folder between builds.
 * Laying out 24,000 notes takes about 30 s, and most rebuilds (a note's text edited) leave the
 * links between notes as they were: both are reused when the notes, their links, the code
 * and the graph libraries are all unchanged.
 *
 * A build's loader starts the layout ahead, in a worker thread, as soon as it knows the
 * links (`loaders/lay-out-graph-ahead.ts`); `/graph.json` waits for that and then reads the
 * file as any later build would. Whatever the worker did, the page checks the file's key,
 * and lays the graph out itself if the file does not hold this graph's structure.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forceAtlas2Package from 'graphology-layout-forceatlas2/package.json';
import louvainPackage from 'graphology-communities-louvain/package.json';
import layoutSource from '../lib/graph/graph-layout.ts?raw';
import communitiesSource from '../lib/graph/graph-communities.ts?raw';
import structureSource from '../lib/graph/graph-structure.ts?raw';
import structureLayoutSource from '../lib/graph/graph-structure-layout.ts?raw';
import type { GraphLinkData } from '../lib/graph/graph-data.ts';
import { communitiesLine, computeStructure, type GraphStructure } from '../lib/graph/graph-structure-layout.ts';
import { LAYOUT_FILE } from '../lib/cache/cache-files.ts';
import { hashOf } from '../lib/cache/render-cache.ts';

export type { GraphStructure };

// One slot per process: the loader and the pages are separate module instances (see dev-entries.ts).
const SLOT = Symbol.for('wiki-notes-site.graph-layout-ahead');
type Slot = { [SLOT]?: Promise<void> | undefined };

/** For `/graph.json`: the structure of `data`, from the cache file or computed (and then stored). */
export async function cachedStructure(data: GraphLinkData): Promise<GraphStructure> {
  const file = join(import.meta.env.CONTENT_CACHE_DIR, LAYOUT_FILE);
  const key = structureKey(data);
  await layoutAhead();
  const stored = await storedStructure(file, key, data);
  if (stored) return stored;
  const structure = computeStructure(data);
  console.info(communitiesLine(structure));
  await storeStructure(file, key, structure);
  return structure;
}

/** The loader's layout ahead, which `/graph.json` waits for: it stores its result, and never rejects. */
export function setLayoutAhead(job: Promise<void>): void {
  (globalThis as Slot)[SLOT] = job;
}

export function layoutAhead(): Promise<void> | undefined {
  return (globalThis as Slot)[SLOT];
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
