/**
 * The global graph's communities and layout, kept in the build's cache folder between builds.
 * Laying out 24,000 notes takes about 30 s, and most rebuilds (a note's text edited) leave the
 * links between notes as they were: both are reused when the notes, their links, the code
 * and the graph libraries are all unchanged.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forceAtlas2Package from 'graphology-layout-forceatlas2/package.json';
import louvainPackage from 'graphology-communities-louvain/package.json';
import layoutSource from '../lib/graph/graph-layout.ts?raw';
import communitiesSource from '../lib/graph/graph-communities.ts?raw';
import structureSource from '../lib/graph/graph-structure.ts?raw';
import type { GraphLinkData } from '../lib/graph/graph-data.ts';
import { layoutGraph } from '../lib/graph/graph-layout.ts';
import { findCommunities, type Communities } from '../lib/graph/graph-communities.ts';
import { hashOf } from '../lib/cache/render-cache.ts';

const file = join(import.meta.env.CONTENT_CACHE_DIR, 'graph-layout.json');

export interface GraphStructure {
  positions: number[];
  communities: Communities;
}

export async function cachedStructure(data: GraphLinkData): Promise<GraphStructure> {
  const key = hashOf(
    layoutSource,
    communitiesSource,
    structureSource,
    forceAtlas2Package.version,
    louvainPackage.version,
    String(data.titles.length),
    String(data.noteCount),
    JSON.stringify(data.links),
  );
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    try {
      const stored = JSON.parse(text) as { key: string } & GraphStructure;
      if (stored.key === key && stored.positions.length === data.titles.length * 2 && stored.communities.ofPage.length === data.titles.length) {
        return { positions: stored.positions, communities: stored.communities };
      }
    } catch {
      console.info(`The graph layout cache ${file} cannot be read: it is ignored, the graph is laid out again.`);
    }
  }
  const communities = findCommunities(data);
  console.info(
    `Graph communities: ${communities.count.toLocaleString('en')} (${communities.leaders.length} named), modularity ${communities.modularity.toFixed(3)}`,
  );
  const positions = layoutGraph(data, { communities: communities.ofPage });
  await writeFile(`${file}.tmp`, JSON.stringify({ key, positions, communities }));
  await rename(`${file}.tmp`, file);
  return { positions, communities };
}
