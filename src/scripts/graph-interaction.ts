/**
 * The pointer on a drawn graph (`graph-view.ts`): the title of the page under it (or the
 * keyboard's) in the tooltip, dragging a node, panning a big graph with fewer nodes drawn, and
 * a click that opens a page. The drag's state is `lib/graph-view/node-drag.ts`.
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import { tooltipPosition, tooltipText } from '../lib/graph-view/graph-camera.ts';
import { NodeDrag } from '../lib/graph-view/node-drag.ts';
import { interfaceStrings } from '../lib/site/interface-strings.ts';
import { hrefForSlug } from '../lib/titles/slugs.ts';
import type { DrawState, GraphContainer, NodeAttributes } from './graph-types.ts';

/** Writes a node's title in the tooltip, at the node. */
export function tooltipShower(renderer: Sigma<NodeAttributes>, graph: Graph<NodeAttributes>, tooltip: HTMLElement): (node: string) => void {
  return (node) => {
    const attributes = graph.getNodeAttributes(node);
    const at = tooltipPosition(renderer.graphToViewport(attributes));
    tooltip.textContent = tooltipText(attributes, interfaceStrings(document.documentElement.lang).graph.noNoteYet);
    tooltip.classList.toggle('graph-tooltip-missing', attributes.kind === 'missing');
    tooltip.style.left = at.left;
    tooltip.style.top = at.top;
    tooltip.hidden = false;
  };
}

/** The page under the pointer is emphasised and its title shown (else the keyboard's), following the camera. */
export function showTitlesOnHover(
  renderer: Sigma<NodeAttributes>,
  container: GraphContainer,
  state: DrawState,
  tooltip: HTMLElement,
  showTooltip: (node: string) => void,
): void {
  renderer.on('enterNode', ({ node }) => {
    state.hovered = node;
    container.style.cursor = 'pointer';
    showTooltip(node);
    renderer.refresh({ partialGraph: { nodes: [node] }, skipIndexation: true });
  });
  renderer.on('leaveNode', ({ node }) => {
    state.hovered = undefined;
    container.style.cursor = '';
    if (state.stepped) showTooltip(state.stepped);
    else tooltip.hidden = true;
    renderer.refresh({ partialGraph: { nodes: [node] }, skipIndexation: true });
  });
  renderer.getCamera().on('updated', () => {
    const shown = state.hovered ?? state.stepped;
    if (shown) showTooltip(shown);
  });
}

/**
 * Dragging a node moves it; dragging elsewhere pans (sigma's own), with fewer nodes drawn on a
 * big graph; a click on a node opens its page, unless it ends a drag.
 */
export function dragNodesAndPan(renderer: Sigma<NodeAttributes>, graph: Graph<NodeAttributes>, state: DrawState, base: string): void {
  const drag = new NodeDrag();
  renderer.on('downNode', ({ node }) => drag.press(node));
  const captor = renderer.getMouseCaptor();
  captor.on('mousemovebody', (event) => {
    const dragged = drag.move();
    if (!dragged) return;
    const position = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  captor.on('mouseup', () => drag.release());
  captor.on('mouseleave', () => drag.release());

  // Level of detail for big graphs: without a GPU (software WebGL) every drawn node costs,
  // so while the view is dragged only the best-linked nodes are drawn, all again on release.
  const setMoving = (moving: boolean) => {
    if (state.motion.set(moving)) renderer.refresh({ skipIndexation: true });
  };
  captor.on('mousedown', () => {
    if (!drag.node) setMoving(true);
  });
  captor.on('mouseup', () => setMoving(false));
  captor.on('mouseleave', () => setMoving(false));
  renderer.on('clickNode', ({ node }) => {
    if (drag.clickOpens()) window.location.href = hrefForSlug(graph.getNodeAttribute(node, 'slug'), base);
  });
}
