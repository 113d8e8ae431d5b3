/**
 * The local graph of a page: its depth control, canvas and list of pages, and the page with
 * its neighbourhood laid out in the browser. Loaded by `local-graph.ts` only once the section
 * scrolls into view.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { slugAt, type GraphData } from '../lib/graph/graph-data.ts';
import { LOCAL_GRAPH_DEPTH, neighbourhood, undirectedNeighbours } from '../lib/graph/graph-neighbourhood.ts';
import { nodeSize } from '../lib/graph-view/graph-view-data.ts';
import type { InterfaceStrings } from '../lib/site/interface-strings.ts';
import type { GraphContainer, GraphView, NodeAttributes } from './graph-types.ts';
import { addPage, drawGraph, loadGraphData, prefersReducedMotion } from './graph-view.ts';
import { pageLink, stepThroughLinks } from './graph-page-list.ts';

/** ForceAtlas2 passes for a local graph: a few hundred settle a few hundred nodes. */
const LOCAL_LAYOUT_PASSES = 300;
const PASSES_PER_FRAME = 5;

/** What the local graph's section gets once it is wanted: the depth control, the canvas and the list of its pages. */
export interface LocalGraphParts {
  container: GraphContainer;
  tooltip: HTMLElement;
  depthSelect: HTMLSelectElement;
  /** The pages drawn, as links (graph-page-list.ts). */
  pageList: HTMLOListElement;
  /** Puts the list's first link in the tab order, after the list changed. */
  resetSteps: () => void;
}

/**
 * Adds the depth control (before the link to the graph of all notes) and the canvas to the
 * local graph's section, whose HTML holds only an empty frame (components/LocalGraph.astro):
 * here, not in the page's own script, so that a page loads this code only when it draws.
 */
export function addLocalGraphParts(section: HTMLElement, t: InterfaceStrings): LocalGraphParts {
  const label = document.createElement('label');
  label.append(t.graph.depth);
  const depthSelect = document.createElement('select');
  depthSelect.dataset.graphDepth = '';
  for (const depth of [1, 2, 3]) depthSelect.add(new Option(String(depth), String(depth), false, depth === LOCAL_GRAPH_DEPTH));
  label.append(depthSelect);
  section.querySelector('.graph-controls')!.prepend(label);

  const container: GraphContainer = document.createElement('div');
  container.className = 'graph-canvas';
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', t.graph.around(section.ownerDocument.querySelector('main h1')?.textContent ?? ''));
  container.dataset.graphCanvas = '';
  const tooltip = document.createElement('div');
  tooltip.className = 'graph-tooltip';
  tooltip.hidden = true;
  tooltip.dataset.graphTooltip = '';
  const frame = section.querySelector('[data-graph-frame]')!;
  frame.append(container, tooltip);

  const pages = document.createElement('nav');
  pages.className = 'graph-pages';
  pages.setAttribute('aria-label', t.graph.pagesInGraph);
  const hint = document.createElement('p');
  hint.className = 'graph-summary';
  hint.textContent = t.graph.stepHint;
  const pageList = document.createElement('ol');
  pageList.dataset.graphPages = '';
  pages.append(hint, pageList);
  frame.after(pages);
  const resetSteps = stepThroughLinks(pageList, (slug) => container.graphView?.highlight(slug));
  return { container, tooltip, depthSelect, pageList, resetSteps };
}

/** Fills the list under the local graph with its pages, in the order they were drawn (the page, then nearest first). */
export function listLocalPages(parts: LocalGraphParts, view: GraphView, base: string): void {
  parts.pageList.replaceChildren(
    ...view.pages().map((page) => {
      const item = document.createElement('li');
      item.append(pageLink(page, base));
      return item;
    }),
  );
  parts.resetSteps();
}

export interface LocalGraphOptions {
  base: string;
  slug: string;
  depth: number;
  tooltip: HTMLElement;
}

/**
 * The local graph of one page: the page, the pages it links to and from, and theirs, laid
 * out in the browser (animated, unless the reader asks for reduced motion).
 */
export async function drawLocalGraph(container: GraphContainer, options: LocalGraphOptions): Promise<GraphView> {
  const data = await loadGraphData(options.base);
  const centre = data.titles.findIndex((_title, index) => slugAt(data, index) === options.slug);
  if (centre < 0) throw new Error(`The page ${options.slug} is not in graph.json`);
  const around = neighbourhood(data, neighboursOf(data), centre, options.depth);
  const graph = new Graph<NodeAttributes>({ type: 'directed', multi: false });
  const degree = new Map<number, number>();
  for (const [from, to] of around.links) {
    degree.set(from, (degree.get(from) ?? 0) + 1);
    degree.set(to, (degree.get(to) ?? 0) + 1);
  }
  around.pages.forEach((page) => addPage(graph, data, page, nodeSize(degree.get(page) ?? 0, 4, 1.2), degree.get(page) ?? 0));
  for (const [from, to] of around.links) graph.mergeEdge(String(from), String(to));
  graph.setNodeAttribute(String(centre), 'focused', true);
  // The page itself stays at the origin, where the layout's gravity gathers the others.
  const { x: centreX, y: centreY } = graph.getNodeAttributes(String(centre));
  graph.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: attributes.x - centreX, y: attributes.y - centreY }));
  graph.mergeNodeAttributes(String(centre), { fixed: true });

  const settings = { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 4 };
  const reducedMotion = prefersReducedMotion();
  // With reduced motion the layout is finished before anything is drawn.
  if (reducedMotion || graph.size === 0) forceAtlas2.assign(graph, { iterations: LOCAL_LAYOUT_PASSES, settings });
  // Every page's label is a candidate: the placement keeps the best-linked ones that fit.
  const { renderer, view } = drawGraph(container, graph, { base: options.base, labelThreshold: -1, tooltip: options.tooltip, large: false });
  if (!reducedMotion && graph.size > 0) {
    let passes = 0;
    const step = () => {
      if (passes >= LOCAL_LAYOUT_PASSES || !container.graphView) return;
      forceAtlas2.assign(graph, { iterations: PASSES_PER_FRAME, settings });
      passes += PASSES_PER_FRAME;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }
  void renderer;
  container.dataset.graphState = 'ready';
  return view;
}

let neighbours: number[][] | undefined;
function neighboursOf(data: GraphData): number[][] {
  neighbours ??= undirectedNeighbours(data);
  return neighbours;
}
