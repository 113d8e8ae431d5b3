/**
 * The global graph's layout, computed once at build time so `/graph/` draws at once even
 * with 24,000 notes: a browser would need tens of seconds to lay that many out.
 *
 * ForceAtlas2 (graphology-layout-forceatlas2, the layout sigma.js is made to show) over the
 * structure graph (graph-structure.ts: notes, their links, and the missing titles two or more
 * notes cite), so notes that share a missing title are drawn close. LinLog mode, which
 * draws communities apart instead of the uniform disc the plain forces give, from a seeded
 * start where each community begins around its own point: every build of the same notes
 * gives the same picture. Notes linked to nothing are set in rows under the graph instead
 * of a ring around it; a missing title one note cites sits next to that note. The local
 * graph lays out its few pages again in the browser.
 */
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { GraphLinkData } from './graph-data.ts';
import { mulberry32 } from './seeded-random.ts';
import { structureGraph } from './graph-structure.ts';

/** Coordinates are rounded to integers in about ±this: enough for a screen, short in JSON. */
const POSITION_SCALE = 5000;

export interface LayoutOptions {
  /** ForceAtlas2 passes; more settles big graphs further but costs build time. */
  iterations?: number;
  seed?: number;
  /** Each page's community (graph-communities.ts, -1 for none): where it starts. */
  communities?: readonly number[];
  /** ForceAtlas2 settings over LAYOUT_FORCES (to try others: the bench, tests). */
  forces?: ForceAtlas2Settings;
}

export const LAYOUT_FORCES: ForceAtlas2Settings = { linLogMode: true };

/** More passes for small graphs (cheap), fewer for big ones (each costs O(n log n)). */
export function defaultIterations(pageCount: number): number {
  return pageCount > 10_000 ? 100 : pageCount > 2_000 ? 300 : 500;
}

export function layoutGraph(data: GraphLinkData, options: LayoutOptions = {}): number[] {
  const graph = structureGraph(data);
  const rng = mulberry32(options.seed ?? 1);
  const x = new Float64Array(data.titles.length);
  const y = new Float64Array(data.titles.length);
  const unlinked: number[] = [];
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) unlinked.push(Number(node));
  });
  unlinked.forEach((index) => graph.dropNode(String(index)));

  // Start: each named community in its own disc on a ring, as big as the community; a page in
  // no named community next to the first of its neighbours that is in one, the rest anywhere.
  // The forces then settle each group where its links pull it, from groups already apart.
  const radius = Math.sqrt(graph.order) * 10;
  const communities = options.communities ?? [];
  const sizes: number[] = [];
  graph.forEachNode((node) => {
    const community = communities[Number(node)] ?? -1;
    if (community >= 0) sizes[community] = (sizes[community] ?? 0) + 1;
  });
  const largest = Math.max(1, ...sizes.map((size) => size ?? 0));
  const home = (community: number, rng: () => number) => {
    const centre = (community / sizes.length) * 2 * Math.PI;
    const spread = radius * 0.35 * Math.sqrt((sizes[community] ?? 0) / largest);
    const angle = rng() * 2 * Math.PI;
    const distance = Math.sqrt(rng()) * spread;
    return { x: Math.cos(centre) * radius + Math.cos(angle) * distance, y: Math.sin(centre) * radius + Math.sin(angle) * distance };
  };
  graph.forEachNode((node) => {
    let community = communities[Number(node)] ?? -1;
    if (community < 0) community = communities[Number(graph.findNeighbor(node, (neighbour) => (communities[Number(neighbour)] ?? -1) >= 0))] ?? -1;
    if (community >= 0) {
      graph.mergeNodeAttributes(node, home(community, rng));
    } else {
      const angle = rng() * 2 * Math.PI;
      const distance = Math.sqrt(rng()) * radius * 1.3;
      graph.mergeNodeAttributes(node, { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance });
    }
  });
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: options.iterations ?? defaultIterations(graph.order),
      settings: {
        ...forceAtlas2.inferSettings(graph),
        ...LAYOUT_FORCES,
        barnesHutOptimize: graph.order > 1000,
        ...options.forces,
      },
    });
  }
  graph.forEachNode((node, attributes) => {
    x[Number(node)] = attributes.x as number;
    y[Number(node)] = attributes.y as number;
  });

  const bounds = boundsOf(graph.nodes().map(Number), x, y);
  placeUnlinkedNotes(unlinked, bounds, x, y);
  placeLonelyMissingTitles(data, graph, bounds, x, y, rng);

  let extent = 0;
  for (let index = 0; index < x.length; index++) extent = Math.max(extent, Math.abs(x[index]!), Math.abs(y[index]!));
  const scale = extent > 0 ? POSITION_SCALE / extent : 1;
  const positions: number[] = [];
  for (let index = 0; index < x.length; index++) positions.push(Math.round(x[index]! * scale), Math.round(y[index]! * scale));
  return positions;
}

interface Bounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function boundsOf(indices: readonly number[], x: Float64Array, y: Float64Array): Bounds {
  if (indices.length === 0) return { left: -1, right: 1, top: -1, bottom: 1 };
  const bounds = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (const index of indices) {
    bounds.left = Math.min(bounds.left, x[index]!);
    bounds.right = Math.max(bounds.right, x[index]!);
    bounds.top = Math.min(bounds.top, y[index]!);
    bounds.bottom = Math.max(bounds.bottom, y[index]!);
  }
  return bounds;
}

/** Notes linked to nothing, in rows under the graph (y grows downwards), as wide as the graph. */
function placeUnlinkedNotes(unlinked: readonly number[], bounds: Bounds, x: Float64Array, y: Float64Array): void {
  if (unlinked.length === 0) return;
  const width = Math.max(bounds.right - bounds.left, 1);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(unlinked.length * 4)));
  const gap = width / perRow;
  unlinked.forEach((index, at) => {
    x[index] = bounds.left + (at % perRow) * gap;
    y[index] = bounds.bottom + gap * 3 + Math.floor(at / perRow) * gap;
  });
}

/** A missing title outside the structure graph (one note cites it): a little off that note. */
function placeLonelyMissingTitles(
  data: GraphLinkData,
  graph: { hasNode(node: string): boolean },
  bounds: Bounds,
  x: Float64Array,
  y: Float64Array,
  rng: () => number,
): void {
  const placed = new Uint8Array(data.titles.length);
  const spread = Math.max(bounds.right - bounds.left, bounds.bottom - bounds.top, 1) / 200;
  data.links.forEach((targets, from) => {
    for (const to of targets) {
      if (to < data.noteCount || placed[to] || graph.hasNode(String(to))) continue;
      placed[to] = 1;
      const angle = rng() * 2 * Math.PI;
      x[to] = x[from]! + Math.cos(angle) * spread;
      y[to] = y[from]! + Math.sin(angle) * spread;
    }
  });
}
