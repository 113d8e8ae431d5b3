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
import { join } from 'node:path';
import type { GraphLinkData } from '../lib/graph/graph-data.ts';
import { communitiesLine, computeStructure, type GraphStructure } from '../lib/graph/graph-structure-layout.ts';
import { LAYOUT_FILE } from '../lib/cache/cache-files.ts';
import { layoutAhead, storedStructure, storeStructure, structureKey } from '../loader-handoff.ts';
import { settings } from '../settings.ts';

export type { GraphStructure };

/** For `/graph.json`: the structure of `data`, from the cache file or computed (and then stored). */
export async function cachedStructure(data: GraphLinkData): Promise<GraphStructure> {
  const file = join(settings().cacheDir, LAYOUT_FILE);
  const key = structureKey(data);
  await layoutAhead();
  const stored = await storedStructure(file, key, data);
  if (stored) return stored;
  const structure = computeStructure(data);
  console.info(communitiesLine(structure));
  await storeStructure(file, key, structure);
  return structure;
}
