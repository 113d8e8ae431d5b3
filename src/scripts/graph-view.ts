/**
 * Drawing the link graph: the local graph under a page and the global graph at /graph/.
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
import { interfaceStrings, type InterfaceStrings } from '../lib/site/interface-strings.ts';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { GRAPH_DATA_VERSION, MAX_NAMED_COMMUNITIES, isMissingAt, slugAt, type GraphData } from '../lib/graph/graph-data.ts';
import { communityNames, landmarkNotes, nodeSize, pageDegrees, type CommunityName } from '../lib/graph/graph-view-data.ts';
import { placeLabels, shortLabel, type LabelBox, type LabelCandidate } from '../lib/graph/label-placement.ts';
import { LOCAL_GRAPH_DEPTH, neighbourhood, undirectedNeighbours } from '../lib/graph/graph-neighbourhood.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';
import { pageLink, stepThroughLinks } from './graph-page-list.ts';

export type PageKind = 'note' | 'missing';

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  slug: NoteSlug;
  kind: PageKind;
  /** Links in the drawn graph: whose label wins a place first. */
  importance: number;
  /** The global graph's community (-1: none named), which gives the colour. */
  community?: number;
  /** One of the best-linked notes, labelled at every zoom. */
  landmark?: boolean;
  /** The local graph's centre, or the global graph's search match. */
  focused?: boolean;
  /** Drawn while the view is dragged; the others are left out until it stops (big graphs). */
  keptWhileMoving?: boolean;
  /** Left where it is by the layout (the local graph's own page, at the origin). */
  fixed?: boolean;
}

/** What a drawn graph offers its page (search) and the tests and bench (node positions). */
export interface GraphView {
  /** Where a page's node is drawn, in CSS pixels from the container's top left corner. */
  nodePosition(slug: string): { x: number; y: number } | undefined;
  nodeKind(slug: string): PageKind | undefined;
  /** Highlights a page's node and moves the view to it; false if it is not drawn. */
  focus(slug: string): boolean;
  /** The page `focus` last highlighted (on the local graph, the page it is drawn around). */
  readonly focusedSlug: string | undefined;
  /** Marks a page as the keyboard's (as if hovered: larger, labelled, its title shown), or none. */
  highlight(slug: string | undefined): void;
  /** The labels drawn last, boxes in CSS pixels from the container's top left corner. */
  labelBoxes(): LabelBox[];
  /** The pages drawn, in the order the graph was built (a local graph: the page, then nearest and best linked first). */
  pages(): { slug: NoteSlug; title: string; kind: PageKind }[];
  readonly pageCount: number;
  readonly linkCount: number;
  destroy(): void;
}

export type GraphContainer = HTMLElement & { graphView?: GraphView };

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

interface Palette {
  note: string;
  missing: string;
  focus: string;
  edge: string;
  label: string;
  background: string;
  /** One colour per named community, then `other` for the rest. */
  communities: string[];
  other: string;
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

interface DrawOptions {
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

const LABEL_FONT = 'system-ui, sans-serif';
const LABEL_SIZE = 12;
const NAME_SIZE = 14;
/** The overview zoom: from this camera ratio out (1 shows the whole graph), communities' names are written. */
const NAMES_FROM_RATIO = 0.4;

/**
 * Places this frame's labels (label-placement.ts: most important first, none overlapping,
 * none past the frame) and draws them on sigma's label layer, each on a halo of the
 * background so it reads over dots and links. Communities' names come first at the overview
 * zoom, then the page under the pointer or the keyboard, then the best-linked pages.
 */
function placeFrameLabels(
  renderer: Sigma<NodeAttributes>,
  graph: Graph<NodeAttributes>,
  candidates: readonly { node: string; x: number; y: number; size: number }[],
  names: readonly CommunityName[],
  state: { palette: Palette; hovered: string | undefined; stepped: string | undefined },
): LabelBox[] {
  const context = renderer.getCanvases().labels?.getContext('2d');
  if (!context) return [];
  const { width, height } = renderer.getDimensions();
  const nodeFont = `${LABEL_SIZE}px ${LABEL_FONT}`;
  const nameFont = `bold ${NAME_SIZE}px ${LABEL_FONT}`;
  const nameColour = new Map<string, string>();
  const list: LabelCandidate[] = [];
  context.font = nodeFont;
  for (const candidate of candidates) {
    const attributes = graph.getNodeAttributes(candidate.node);
    const text = shortLabel(attributes.label);
    const emphasised = attributes.focused || candidate.node === state.hovered || candidate.node === state.stepped;
    list.push({
      id: candidate.node,
      text,
      x: candidate.x,
      y: candidate.y,
      radius: candidate.size,
      width: Math.ceil(context.measureText(text).width),
      height: LABEL_SIZE + 4,
      priority: emphasised ? 3e9 : attributes.landmark ? 1e9 + attributes.importance : attributes.importance,
    });
  }
  if (names.length > 0 && renderer.getCamera().getState().ratio >= NAMES_FROM_RATIO) {
    context.font = nameFont;
    for (const name of names) {
      const at = renderer.graphToViewport({ x: name.x, y: name.y });
      const id = `community:${name.community}`;
      nameColour.set(id, state.palette.communities[name.community] ?? state.palette.other);
      name.texts.forEach((text, alternative) =>
        list.push({
          id,
          text,
          x: at.x,
          y: at.y,
          radius: 0,
          width: Math.ceil(context.measureText(text).width),
          height: NAME_SIZE + 7,
          // Larger communities first, each name before its shorter forms.
          priority: 2e9 - name.community * 10 - alternative,
          sides: ['centre', 'below', 'above'],
        }),
      );
    }
  }
  const placed = placeLabels(list, { width, height }, { gap: 2 });
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = state.palette.background;
  for (const box of placed) {
    const colour = nameColour.get(box.id);
    context.font = colour ? nameFont : nodeFont;
    const middle = colour ? box.y + (NAME_SIZE + 2) / 2 : box.y + box.height / 2;
    context.strokeText(box.text ?? '', box.x, middle);
    context.fillStyle = state.palette.label;
    context.fillText(box.text ?? '', box.x, middle);
    if (colour) {
      // The community's colour under its name, as in the legend.
      context.fillStyle = colour;
      context.fillRect(box.x, box.y + box.height - 4, box.width, 3);
    }
  }
  return placed;
}

/** Draws `graph` in `container` with hover titles, click-through, zoom, pan and node dragging. */
function drawGraph(container: GraphContainer, graph: Graph<NodeAttributes>, options: DrawOptions): { renderer: Sigma<NodeAttributes>; view: GraphView } {
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

function addPage(graph: Graph<NodeAttributes>, data: GraphData, index: number, size: number, importance: number): void {
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
  const pageCount = options.showMissing ? data.titles.length : data.noteCount;
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
