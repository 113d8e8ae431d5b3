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
import { interfaceStrings } from '../lib/site/interface-strings.ts';
import type Graph from 'graphology';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { GRAPH_DATA_VERSION, MAX_NAMED_COMMUNITIES, isMissingAt, slugAt, type GraphData } from '../lib/graph/graph-data.ts';
import type { CommunityName } from '../lib/graph/graph-view-data.ts';
import type { LabelBox } from '../lib/graph/label-placement.ts';
import { hrefForSlug } from '../lib/titles/slugs.ts';
import { LABEL_FONT, LABEL_SIZE, placeFrameLabels } from './graph-labels.ts';
import type { GraphContainer, GraphView, NodeAttributes, Palette } from './graph-types.ts';

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
  let palette = readPalette(container);
  let hovered: string | undefined;
  /** The page the keyboard is on (the list under the graph). */
  let stepped: string | undefined;
  /** Labels sigma would draw this frame; they are placed and drawn once the frame is done. */
  let labelCandidates: { node: string; x: number; y: number; size: number }[] = [];
  let placedLabels: LabelBox[] = [];
  /** Whether the view is being dragged (then only `keptWhileMoving` nodes are drawn). */
  let moving = false;
  const thinWhileMoving = graph.someNode((_node, attributes) => attributes.keptWhileMoving === false);
  const colourOf = (attributes: NodeAttributes) =>
    options.colourByCommunity
      ? (palette.communities[attributes.community ?? -1] ?? palette.other)
      : attributes.kind === 'missing'
        ? palette.missing
        : palette.note;
  const renderer = new Sigma<NodeAttributes>(graph, container, {
    allowInvalidContainer: true,
    labelRenderedSizeThreshold: Math.max(options.labelThreshold, 0),
    labelColor: { color: palette.label },
    labelFont: LABEL_FONT,
    labelSize: LABEL_SIZE,
    // Fewer labels than sigma's default: titles are long, and every title shows on hover.
    labelDensity: 0.5,
    // Sigma picks the labels it would draw; placeFrameLabels keeps those that fit.
    defaultDrawNodeLabel: (_context, data) => {
      labelCandidates.push({ node: String(data.key), x: data.x, y: data.y, size: data.size });
    },
    defaultEdgeColor: palette.edge,
    // The title shows in the tooltip; sigma's own hover box is white in the dark theme too.
    defaultDrawNodeHover: () => {},
    // Long edges are what costs most in software WebGL: 7 fps dragging nishio-en with them.
    hideEdgesOnMove: options.large || graph.size > 20_000,
    hideLabelsOnMove: options.large,
    ...(options.large ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
    zIndex: true,
    nodeReducer: (node, attributes) => {
      const emphasised = attributes.focused || node === hovered || node === stepped;
      if (moving && !emphasised && !attributes.keptWhileMoving) return { ...attributes, hidden: true };
      return {
        ...attributes,
        color: emphasised ? palette.focus : colourOf(attributes),
        size: emphasised ? Math.max(attributes.size * 1.6, 8) : attributes.size,
        forceLabel: emphasised || attributes.landmark === true || options.labelThreshold < 0,
        zIndex: emphasised ? 1 : 0,
      };
    },
  });
  renderer.on('beforeRender', () => {
    labelCandidates = [];
  });
  renderer.on('afterRender', () => {
    placedLabels = placeFrameLabels(renderer, graph, labelCandidates, options.communityNames ?? [], { palette, hovered, stepped });
  });
  // Sigma drew its first frame in its constructor, before these listeners: draw it again with the labels placed.
  renderer.refresh({ skipIndexation: true });

  const tooltip = options.tooltip;
  const showTooltip = (node: string) => {
    const attributes = graph.getNodeAttributes(node);
    const at = renderer.graphToViewport(attributes);
    tooltip.textContent = attributes.kind === 'missing' ? interfaceStrings(document.documentElement.lang).graph.noNoteYet(attributes.label) : attributes.label;
    tooltip.classList.toggle('graph-tooltip-missing', attributes.kind === 'missing');
    tooltip.style.left = `${Math.round(at.x)}px`;
    tooltip.style.top = `${Math.round(at.y)}px`;
    tooltip.hidden = false;
  };
  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    container.style.cursor = 'pointer';
    showTooltip(node);
    renderer.refresh({ partialGraph: { nodes: [node] }, skipIndexation: true });
  });
  renderer.on('leaveNode', ({ node }) => {
    hovered = undefined;
    container.style.cursor = '';
    if (stepped) showTooltip(stepped);
    else tooltip.hidden = true;
    renderer.refresh({ partialGraph: { nodes: [node] }, skipIndexation: true });
  });
  renderer.getCamera().on('updated', () => {
    const shown = hovered ?? stepped;
    if (shown) showTooltip(shown);
  });

  // Dragging a node moves it; dragging elsewhere pans (sigma's own). A drag is not a click.
  let dragged: string | undefined;
  let moved = false;
  renderer.on('downNode', ({ node }) => {
    dragged = node;
    moved = false;
  });
  renderer.getMouseCaptor().on('mousemovebody', (event) => {
    if (!dragged) return;
    moved = true;
    const position = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const endDrag = () => {
    dragged = undefined;
  };
  renderer.getMouseCaptor().on('mouseup', endDrag);
  renderer.getMouseCaptor().on('mouseleave', endDrag);

  // Level of detail for big graphs: without a GPU (software WebGL) every drawn node costs,
  // so while the view is dragged only the best-linked nodes are drawn, all again on release.
  const setMoving = (value: boolean) => {
    if (!thinWhileMoving || moving === value) return;
    moving = value;
    renderer.refresh({ skipIndexation: true });
  };
  renderer.getMouseCaptor().on('mousedown', () => {
    if (!dragged) setMoving(true);
  });
  renderer.getMouseCaptor().on('mouseup', () => setMoving(false));
  renderer.getMouseCaptor().on('mouseleave', () => setMoving(false));
  renderer.on('clickNode', ({ node }) => {
    if (moved) {
      moved = false;
      return;
    }
    window.location.href = hrefForSlug(graph.getNodeAttribute(node, 'slug'), options.base);
  });

  // Follow the theme: the toggle sets data-theme, the system may switch on its own.
  const repaint = () => {
    palette = readPalette(container);
    renderer.setSetting('labelColor', { color: palette.label });
    renderer.setSetting('defaultEdgeColor', palette.edge);
  };
  const themeObserver = new MutationObserver(repaint);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const systemTheme = window.matchMedia('(prefers-color-scheme: dark)');
  systemTheme.addEventListener('change', repaint);

  const nodeOf = (slug: string) => graph.findNode((_node, attributes) => attributes.slug === slug);
  let focused: string | undefined;
  const view: GraphView = {
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
      const display = renderer.getNodeDisplayData(node);
      if (display) {
        const target = { x: display.x, y: display.y, ratio: Math.min(renderer.getCamera().ratio, 0.2) };
        if (prefersReducedMotion()) renderer.getCamera().setState(target);
        else void renderer.getCamera().animate(target, { duration: 400 });
      }
      return true;
    },
    get focusedSlug() {
      const node = graph.findNode((_node, attributes) => attributes.focused === true);
      return node === undefined ? undefined : graph.getNodeAttribute(node, 'slug');
    },
    highlight(slug) {
      const node = slug === undefined ? undefined : nodeOf(slug);
      stepped = node;
      if (node === undefined) tooltip.hidden = true;
      else showTooltip(node);
      renderer.refresh({ skipIndexation: true });
    },
    labelBoxes() {
      return placedLabels.map((box) => ({ ...box }));
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
      themeObserver.disconnect();
      systemTheme.removeEventListener('change', repaint);
      renderer.kill();
      delete container.graphView;
    },
  };
  container.graphView = view;
  return { renderer, view };
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
