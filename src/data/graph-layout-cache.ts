/**
 * The global graph's layout, kept in the build's cache folder between builds. Laying out
 * 24,000 notes takes about 30 s, and most rebuilds (a note's text edited) leave the links
 * between notes as they were: the layout is reused when the notes, their links, the layout
 * code and the layout library are all unchanged.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forceAtlas2Package from 'graphology-layout-forceatlas2/package.json';
import layoutPackage from 'graphology-layout/package.json';
import layoutSource from '../lib/graph/graph-layout.ts?raw';
import type { GraphData } from '../lib/graph/graph-data.ts';
import { layoutGraph } from '../lib/graph/graph-layout.ts';
import { hashOf } from '../lib/cache/render-cache.ts';

const file = join(import.meta.env.CONTENT_CACHE_DIR, 'graph-layout.json');

export async function cachedLayout(data: Omit<GraphData, 'positions'>): Promise<number[]> {
  const key = hashOf(layoutSource, forceAtlas2Package.version, layoutPackage.version, String(data.titles.length), String(data.noteCount), JSON.stringify(data.links));
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    try {
      const stored = JSON.parse(text) as { key: string; positions: number[] };
      if (stored.key === key && stored.positions.length === data.titles.length * 2) return stored.positions;
    } catch {
      console.info(`The graph layout cache ${file} cannot be read: it is ignored, the graph is laid out again.`);
    }
  }
  const positions = layoutGraph(data);
  await writeFile(`${file}.tmp`, JSON.stringify({ key, positions }));
  await rename(`${file}.tmp`, file);
  return positions;
}
