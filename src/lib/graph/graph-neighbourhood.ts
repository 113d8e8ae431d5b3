// Bundled for the browser: imports nothing from node:*.
/**
 * A page's neighbourhood for the local graph: the pages within `depth` links of it, either
 * way (its links, its backlinks, and theirs). Hubs make depth 2 large (a note that links to
 * a title 500 notes cite), so the neighbourhood is cut at `maxPages`, nearest pages first
 * and, at the same depth, the best connected first.
 */
import type { GraphData } from './graph-data.ts';

/** Pages a local graph shows at most: beyond this it is a hairball and slow to lay out. */
export const LOCAL_GRAPH_MAX_PAGES = 300;
export const LOCAL_GRAPH_DEPTH = 2;

/** Each page's neighbours either way, without repeats. */
export function undirectedNeighbours(data: Pick<GraphData, 'links' | 'titles'>): number[][] {
  const sets = data.titles.map(() => new Set<number>());
  data.links.forEach((targets, from) => {
    for (const to of targets) {
      if (to === from) continue;
      sets[from]!.add(to);
      sets[to]!.add(from);
    }
  });
  return sets.map((set) => [...set]);
}

export interface Neighbourhood {
  /** Page indices, the centre first, then by depth. */
  pages: number[];
  /** Depth of each page in `pages` (0 for the centre). */
  depths: number[];
  /** Links among those pages, as `[from, to]` index pairs. */
  links: [number, number][];
  /** How many pages were within reach before the cut. */
  reachable: number;
}

export function neighbourhood(
  data: Pick<GraphData, 'links'>,
  neighbours: readonly (readonly number[])[],
  centre: number,
  depth = LOCAL_GRAPH_DEPTH,
  maxPages = LOCAL_GRAPH_MAX_PAGES,
): Neighbourhood {
  const depthOf = new Map<number, number>([[centre, 0]]);
  let ring = [centre];
  for (let level = 1; level <= depth && ring.length > 0; level++) {
    const next: number[] = [];
    for (const page of ring) {
      for (const neighbour of neighbours[page] ?? []) {
        if (depthOf.has(neighbour)) continue;
        depthOf.set(neighbour, level);
        next.push(neighbour);
      }
    }
    ring = next;
  }
  const degree = (page: number) => neighbours[page]?.length ?? 0;
  const pages = [...depthOf.keys()]
    .sort((a, b) => depthOf.get(a)! - depthOf.get(b)! || degree(b) - degree(a) || a - b)
    .slice(0, maxPages);
  const kept = new Set(pages);
  const links: [number, number][] = [];
  for (const from of pages) {
    for (const to of data.links[from] ?? []) if (to !== from && kept.has(to)) links.push([from, to]);
  }
  return { pages, depths: pages.map((page) => depthOf.get(page)!), links, reachable: depthOf.size };
}
