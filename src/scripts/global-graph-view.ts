/** The graph of all notes at /graph/: every note (and, on request, every missing title) where the build laid it out, coloured by community. */
import Graph from 'graphology';
import { shownPageCount } from '../lib/graph-view/global-graph-page.ts';
import { communityNames, landmarkNotes, nodeSize, pageDegrees } from '../lib/graph-view/graph-view-data.ts';
import type { GraphContainer, GraphView, NodeAttributes } from './graph-types.ts';
import { addPage, drawGraph, loadGraphData } from './graph-view.ts';

/** Notes labelled at every zoom on the global graph. */
const LANDMARKS = 10;

/** From this many pages on, the global graph is drawn the cheaper way (see DrawOptions.large). */
const LARGE_GRAPH = 1000;
/** Nodes drawn while the global graph is dragged: enough to keep one's bearings. */
const KEPT_WHILE_MOVING = 3000;

export interface GlobalGraphOptions {
  base: string;
  tooltip: HTMLElement;
  /** Missing titles are many (two for every note in the Scrapbox corpora): off by default. */
  showMissing: boolean;
}

/** Every note (and, on request, every missing title) at the positions the build computed. */
export async function drawGlobalGraph(container: GraphContainer, options: GlobalGraphOptions): Promise<GraphView> {
  const data = await loadGraphData(options.base);
  const pageCount = shownPageCount(data, options.showMissing);
  const degree = pageDegrees(data, pageCount);
  const graph = new Graph<NodeAttributes>({ type: 'directed', multi: false });
  for (let index = 0; index < pageCount; index++) {
    addPage(graph, data, index, nodeSize(degree[index]!, 1.5, 0.5), degree[index]!);
    graph.setNodeAttribute(String(index), 'community', data.communities[index] ?? -1);
  }
  // Landmarks: the best-linked notes keep their labels at every zoom.
  for (const index of landmarkNotes(data.noteCount, degree, LANDMARKS)) graph.setNodeAttribute(String(index), 'landmark', true);
  if (pageCount > KEPT_WHILE_MOVING) {
    const byDegree = [...graph.nodes()].sort((a, b) => degree[Number(b)]! - degree[Number(a)]!);
    byDegree.forEach((node, rank) => graph.setNodeAttribute(node, 'keptWhileMoving', rank < KEPT_WHILE_MOVING));
  }
  for (let from = 0; from < data.links.length; from++) {
    // The file lists each link once (a note's targets are distinct), so addEdge is safe and faster.
    for (const to of data.links[from]!) if (to < pageCount && to !== from) graph.addEdge(String(from), String(to));
  }
  const { view } = drawGraph(container, graph, {
    base: options.base,
    labelThreshold: 9,
    tooltip: options.tooltip,
    large: pageCount > LARGE_GRAPH,
    colourByCommunity: true,
    communityNames: communityNames(data),
  });
  container.dataset.graphState = 'ready';
  return view;
}

