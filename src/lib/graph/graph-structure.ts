/**
 * The graph the build reads the wiki's structure from, for its communities and its layout:
 * the notes, the links between them, and the missing titles that at least two notes cite,
 * linked to those notes. In the Scrapbox corpora two thirds of the links point to titles
 * without a note, so two notes that cite the same missing title are related as surely as
 * two linked notes; a missing title only one note cites tells nothing and is left out.
 */
import Graph from 'graphology';
import type { GraphLinkData } from './graph-data.ts';

/** A missing title joins the structure when this many notes cite it. */
export const SHARED_TITLE_MIN_CITING = 2;

/** How many notes cite each page (missing titles included), by page index. */
export function citingCounts(data: Pick<GraphLinkData, 'links' | 'titles'>): Uint32Array {
  const counts = new Uint32Array(data.titles.length);
  data.links.forEach((targets, from) => {
    for (const to of targets) if (to !== from) counts[to]!++;
  });
  return counts;
}

/**
 * Undirected, nodes keyed by page index (as strings) and added in index order, edges in link
 * order: the same data always gives the same graph, so seeded algorithms give the same result.
 */
export function structureGraph(data: GraphLinkData, minCiting = SHARED_TITLE_MIN_CITING): Graph {
  const { noteCount } = data;
  const cited = citingCounts(data);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let index = 0; index < data.titles.length; index++) {
    if (index < noteCount || cited[index]! >= minCiting) graph.addNode(String(index));
  }
  data.links.forEach((targets, from) => {
    for (const to of targets) {
      if (to !== from && graph.hasNode(String(to))) graph.mergeEdge(String(from), String(to));
    }
  });
  return graph;
}
