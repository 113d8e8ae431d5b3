/**
 * Drawing the link graph, for the local graph under a page (`local-graph-view.ts`) and the
 * global graph at /graph/ (`global-graph-view.ts`): sigma's setup, hover, click, drag and zoom.
 *
 * sigma.js (v3) draws with WebGL and graphology holds the graph: made for graphs of tens of
 * thousands of nodes, which a canvas-2D or SVG library (force-graph, d3) redraws node by
 * node every frame. Neither uses eval or workers, so both run under the site's CSP. The
 * layout is ForceAtlas2 from graphology-layout-forceatlas2, run here in a few hundred
 * synchronous passes (its worker starts from a Blob URL, which the CSP blocks); the global
 * graph's layout comes computed from the build (src/lib/graph/graph-layout.ts).
 *
 * This module is loaded only by dynamic import, once a graph is wanted: a note page does
 * not pay for it before the reader scrolls to its graph.
 */
import type Graph from 'graphology';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { GRAPH_DATA_VERSION, MAX_NAMED_COMMUNITIES, isMissingAt, slugAt, type GraphData } from '../lib/graph/graph-data.ts';
import { FOCUS_DURATION_MS, focusCamera } from '../lib/graph-view/graph-camera.ts';
import type { CommunityName } from '../lib/graph-view/graph-view-data.ts';
import type { LabelBox } from '../lib/graph-view/label-placement.ts';
import { ThinWhileMoving } from '../lib/graph-view/node-drag.ts';
import { nodeLook } from '../lib/graph-view/node-look.ts';
import { dragNodesAndPan, showTitlesOnHover, tooltipShower } from './graph-interaction.ts';
import { LABEL_FONT, LABEL_SIZE, placeFrameLabels } from './graph-labels.ts';
import type { DrawState, GraphContainer, GraphView, NodeAttributes, Palette } from './graph-types.ts';

let graphData: Promise<GraphData> | undefined;

/** The build's graph file, fetched once per page (the browser caches it across pages). */
export function loadGraphData(base: string): Promise<GraphData> {
  graphData ??= fetch(`${base}graph.json`).then(async (response) => {
    if (!response.ok) throw new Error(`${base}graph.json answered ${response.status}`);
    const data = (await response.json()) as GraphData;
    if (data.version !== GRAPH_DATA_VERSION) throw new Error(`graph.json has format ${data.version}, expected ${GRAPH_DATA_VERSION}`);
    return data;
  });
  return graphData;
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The theme's colours, resolved (the CSS variables hold `light-dark()`, which WebGL cannot read). */
function readPalette(container: HTMLElement): Palette {
  const probe = document.createElement('span');
  probe.hidden = true;
  container.append(probe);
  const resolve = (variable: string) => {
    probe.style.color = `var(${variable})`;
    return getComputedStyle(probe).color;
  };
  const palette = {
    note: resolve('--link'),
    missing: resolve('--link-missing'),
    focus: resolve('--text'),
    edge: resolve('--border'),
    label: resolve('--text'),
    background: resolve('--bg'),
    communities: Array.from({ length: MAX_NAMED_COMMUNITIES }, (_, community) => resolve(`--community-${community}`)),
    other: resolve('--community-other'),
  };
  probe.remove();
  return palette;
}

export interface DrawOptions {
  base: string;
  /** Labels on every node big enough on screen (global graph when zoomed in); -1: every node's label is a candidate (local). */
  labelThreshold: number;
  /** Colour notes by community (global graph) instead of by kind. */
  colourByCommunity?: boolean;
  communityNames?: CommunityName[];
  /** The element that shows the title of the node under the pointer. */
  tooltip: HTMLElement;
  /**
   * Whether this is a big graph: nodes are drawn as WebGL points, labels are hidden while
   * the view moves. Without a GPU (software WebGL, as in headless Chromium here) sigma's
   * default circles cost ten times as much: 1 frame a second when dragging 24,000 notes.
   */
  large: boolean;
}

/** Draws `graph` in `container` with hover titles, click-through, zoom, pan and node dragging. */
export function drawGraph(container: GraphContainer, graph: Graph<NodeAttributes>, options: DrawOptions): { renderer: Sigma<NodeAttributes>; view: GraphView } {
  const state: DrawState = {
    palette: readPalette(container),
    hovered: undefined,
    stepped: undefined,
    motion: new ThinWhileMoving(graph.someNode((_node, attributes) => attributes.keptWhileMoving === false)),
    labelCandidates: [],
    placedLabels: [],
  };
  const renderer = createRenderer(container, graph, options, state);
  placeLabelsEachFrame(renderer, graph, options, state);
  const showTooltip = tooltipShower(renderer, graph, options.tooltip);
  showTitlesOnHover(renderer, container, state, options.tooltip, showTooltip);
  dragNodesAndPan(renderer, graph, state, options.base);
  const stopFollowingTheme = followTheme(() => {
    state.palette = readPalette(container);
    renderer.setSetting('labelColor', { color: state.palette.label });
    renderer.setSetting('defaultEdgeColor', state.palette.edge);
  });
  const view = graphViewOf(container, graph, renderer, {
    highlight(node) {
      state.stepped = node;
      if (node === undefined) options.tooltip.hidden = true;
      else showTooltip(node);
      renderer.refresh({ skipIndexation: true });
    },
    placedLabels: () => state.placedLabels,
    destroy: stopFollowingTheme,
  });
  container.graphView = view;
  return { renderer, view };
}

/** Sigma over `graph`: how nodes, edges and labels are drawn, and what is left out while the view moves. */
function createRenderer(container: GraphContainer, graph: Graph<NodeAttributes>, options: DrawOptions, state: DrawState): Sigma<NodeAttributes> {
  const look = { colourByCommunity: options.colourByCommunity ?? false, labelThreshold: options.labelThreshold };
  return new Sigma<NodeAttributes>(graph, container, {
    allowInvalidContainer: true,
    labelRenderedSizeThreshold: Math.max(options.labelThreshold, 0),
    labelColor: { color: state.palette.label },
    labelFont: LABEL_FONT,
    labelSize: LABEL_SIZE,
    // Fewer labels than sigma's default: titles are long, and every title shows on hover.
    labelDensity: 0.5,
    // Sigma picks the labels it would draw; placeFrameLabels keeps those that fit.
    defaultDrawNodeLabel: (_context, data) => {
      state.labelCandidates.push({ node: String(data.key), x: data.x, y: data.y, size: data.size });
    },
    defaultEdgeColor: state.palette.edge,
    // The title shows in the tooltip; sigma's own hover box is white in the dark theme too.
    defaultDrawNodeHover: () => {},
    // Long edges are what costs most in software WebGL: 7 fps dragging nishio-en with them.
    hideEdgesOnMove: options.large || graph.size > 20_000,
    hideLabelsOnMove: options.large,
    ...(options.large ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
    zIndex: true,
    nodeReducer: (node, attributes) => nodeLook(node, attributes, state, state.motion.moving, state.palette, look),
  });
}

/** Collects the labels sigma would draw in each frame, then places and draws those that fit (graph-labels.ts). */
function placeLabelsEachFrame(renderer: Sigma<NodeAttributes>, graph: Graph<NodeAttributes>, options: DrawOptions, state: DrawState): void {
  renderer.on('beforeRender', () => {
    state.labelCandidates = [];
  });
  renderer.on('afterRender', () => {
    state.placedLabels = placeFrameLabels(renderer, graph, state.labelCandidates, options.communityNames ?? [], state);
  });
  // Sigma drew its first frame in its constructor, before these listeners: draw it again with the labels placed.
  renderer.refresh({ skipIndexation: true });
}

/** Follows the theme (the toggle sets data-theme, the system may switch on its own); returns how to stop. */
function followTheme(repaint: () => void): () => void {
  const themeObserver = new MutationObserver(repaint);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const systemTheme = window.matchMedia('(prefers-color-scheme: dark)');
  systemTheme.addEventListener('change', repaint);
  return () => {
    themeObserver.disconnect();
    systemTheme.removeEventListener('change', repaint);
  };
}

/** What `graphViewOf` needs from the drawing steps. */
interface ViewHooks {
  /** Marks a node as the keyboard's, or none. */
  highlight(node: string | undefined): void;
  placedLabels(): LabelBox[];
  /** Stops what the drawing started besides sigma. */
  destroy(): void;
}

/** The drawn graph as its page, the tests and the bench see it (GraphView), by page slug. */
function graphViewOf(container: GraphContainer, graph: Graph<NodeAttributes>, renderer: Sigma<NodeAttributes>, hooks: ViewHooks): GraphView {
  const nodeOf = (slug: string) => graph.findNode((_node, attributes) => attributes.slug === slug);
  let focused: string | undefined;
  return {
    nodePosition(slug) {
      const node = nodeOf(slug);
      return node === undefined ? undefined : renderer.graphToViewport(graph.getNodeAttributes(node));
    },
    nodeKind(slug) {
      const node = nodeOf(slug);
      return node === undefined ? undefined : graph.getNodeAttribute(node, 'kind');
    },
    focus(slug) {
      const node = nodeOf(slug);
      if (focused !== undefined && graph.hasNode(focused)) graph.setNodeAttribute(focused, 'focused', false);
      focused = node;
      if (node === undefined) return false;
      graph.setNodeAttribute(node, 'focused', true);
      moveCameraTo(renderer, node);
      return true;
    },
    get focusedSlug() {
      const node = graph.findNode((_node, attributes) => attributes.focused === true);
      return node === undefined ? undefined : graph.getNodeAttribute(node, 'slug');
    },
    highlight(slug) {
      hooks.highlight(slug === undefined ? undefined : nodeOf(slug));
    },
    labelBoxes() {
      return hooks.placedLabels().map((box) => ({ ...box }));
    },
    pages() {
      return graph.mapNodes((_node, attributes) => ({ slug: attributes.slug, title: attributes.label, kind: attributes.kind }));
    },
    get pageCount() {
      return graph.order;
    },
    get linkCount() {
      return graph.size;
    },
    destroy() {
      hooks.destroy();
      renderer.kill();
      delete container.graphView;
    },
  };
}

/** Centres the view on a drawn node and zooms in to it (at once with reduced motion). */
function moveCameraTo(renderer: Sigma<NodeAttributes>, node: string): void {
  const display = renderer.getNodeDisplayData(node);
  if (!display) return;
  const target = focusCamera(display, renderer.getCamera().ratio);
  if (prefersReducedMotion()) renderer.getCamera().setState(target);
  else void renderer.getCamera().animate(target, { duration: FOCUS_DURATION_MS });
}

/** Adds the page at `index` of the graph file as a node, where the file puts it. */
export function addPage(graph: Graph<NodeAttributes>, data: GraphData, index: number, size: number, importance: number): void {
  graph.addNode(String(index), {
    importance,
    x: data.positions[index * 2]!,
    // The file's y grows downwards like the screen's; sigma's grows upwards.
    y: -data.positions[index * 2 + 1]!,
    size,
    label: data.titles[index]!,
    slug: slugAt(data, index),
    kind: isMissingAt(data, index) ? 'missing' : 'note',
  });
}
