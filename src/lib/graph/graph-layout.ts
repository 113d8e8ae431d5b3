/**
 * The global graph's layout, computed once at build time so `/graph/` draws at once even
 * with 24,000 notes: a browser would need tens of seconds to lay that many out.
 *
 * ForceAtlas2 (graphology-layout-forceatlas2, the layout sigma.js is made to show) over the
 * notes and the links between them, from a seeded random start so every build of the same
 * notes gives the same picture. Missing titles are not laid out: each sits near the notes
 * that cite it (their mean position, a little off), which costs nothing and is where a
 * reader looks for it. The local graph lays out its few pages again in the browser.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import random from 'graphology-layout/random.js';
import type { GraphData } from './graph-data.ts';
import { mulberry32 } from './seeded-random.ts';

/** Coordinates are rounded to integers in about ±this: enough for a screen, short in JSON. */
const POSITION_SCALE = 5000;

export interface LayoutOptions {
  /** ForceAtlas2 passes; more settles big graphs further but costs build time. */
  iterations?: number;
  seed?: number;
}

/** More passes for small graphs (cheap), fewer for big ones (each costs O(n log n)). */
export function defaultIterations(pageCount: number): number {
  return pageCount > 10_000 ? 100 : pageCount > 2_000 ? 300 : 500;
}

export function layoutGraph(data: Omit<GraphData, 'positions'>, options: LayoutOptions = {}): number[] {
  const { noteCount } = data;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let index = 0; index < noteCount; index++) graph.addNode(index);
  data.links.forEach((targets, from) => {
    for (const to of targets) if (to < noteCount && to !== from) graph.mergeEdge(from, to);
  });
  // Seeded, so the layout is the same on every build.
  const rng = mulberry32(options.seed ?? 1);
  random.assign(graph, { rng, scale: Math.sqrt(noteCount) * 10, center: 0 });
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: options.iterations ?? defaultIterations(noteCount),
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: noteCount > 1000 },
    });
  }

  const x = new Float64Array(data.titles.length);
  const y = new Float64Array(data.titles.length);
  graph.forEachNode((node, attributes) => {
    x[Number(node)] = attributes.x as number;
    y[Number(node)] = attributes.y as number;
  });
  placeMissingPages(data, x, y, rng);

  let extent = 0;
  for (let index = 0; index < x.length; index++) extent = Math.max(extent, Math.abs(x[index]!), Math.abs(y[index]!));
  const scale = extent > 0 ? POSITION_SCALE / extent : 1;
  const positions: number[] = [];
  for (let index = 0; index < x.length; index++) positions.push(Math.round(x[index]! * scale), Math.round(y[index]! * scale));
  return positions;
}

/** Each missing title at the mean position of the notes that cite it, a little off it. */
function placeMissingPages(data: Omit<GraphData, 'positions'>, x: Float64Array, y: Float64Array, rng: () => number): void {
  const cited = new Float64Array(data.titles.length);
  data.links.forEach((targets, from) => {
    for (const to of targets) {
      if (to < data.noteCount) continue;
      x[to] = x[to]! + x[from]!;
      y[to] = y[to]! + y[from]!;
      cited[to] = cited[to]! + 1;
    }
  });
  const spread = Math.sqrt(data.noteCount || 1);
  for (let index = data.noteCount; index < data.titles.length; index++) {
    const count = cited[index] || 1;
    const angle = rng() * 2 * Math.PI;
    x[index] = x[index]! / count + Math.cos(angle) * spread;
    y[index] = y[index]! / count + Math.sin(angle) * spread;
  }
}
