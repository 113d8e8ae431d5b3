/** The graph views' labels: placed each frame without overlap (`lib/graph-view/label-placement.ts`) and drawn on sigma's label layer. */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { CommunityName } from '../lib/graph-view/graph-view-data.ts';
import { placeLabels, shortLabel, type LabelBox, type LabelCandidate, type LabelSide } from '../lib/graph-view/label-placement.ts';
import { communityNamePriority, isEmphasised, nodeLabelPriority, type PointedPages } from '../lib/graph-view/node-look.ts';
import type { NodeAttributes, Palette } from './graph-types.ts';

export const LABEL_FONT = 'system-ui, sans-serif';
export const LABEL_SIZE = 12;
const NAME_SIZE = 14;
/** The overview zoom: from this camera ratio out (1 shows the whole graph), communities' names are written. */
const NAMES_FROM_RATIO = 0.4;
const NODE_FONT = `${LABEL_SIZE}px ${LABEL_FONT}`;
const NAME_FONT = `bold ${NAME_SIZE}px ${LABEL_FONT}`;

/**
 * Places this frame's labels (label-placement.ts: most important first, none overlapping,
 * none past the frame) and draws them on sigma's label layer, each on a halo of the
 * background so it reads over dots and links. Communities' names come first at the overview
 * zoom, then the page under the pointer or the keyboard, then the best-linked pages.
 */
export function placeFrameLabels(
  renderer: Sigma<NodeAttributes>,
  graph: Graph<NodeAttributes>,
  candidates: readonly { node: string; x: number; y: number; size: number }[],
  names: readonly CommunityName[],
  state: { palette: Palette } & PointedPages,
): LabelBox[] {
  const context = renderer.getCanvases().labels?.getContext('2d');
  if (!context) return [];
  const { width, height } = renderer.getDimensions();
  const list = nodeLabels(context, graph, candidates, state);
  /** The colour of each community's name, by its label id. */
  const nameColour = new Map<string, string>();
  if (names.length > 0 && renderer.getCamera().getState().ratio >= NAMES_FROM_RATIO) {
    list.push(...communityNameLabels(context, renderer, names, state.palette, nameColour));
  }
  const placed = placeLabels(list, { width, height }, { gap: 2 });
  drawLabels(context, placed, state.palette, nameColour);
  return placed;
}

/** The pages' labels sigma picked, measured in the label font. */
function nodeLabels(
  context: CanvasRenderingContext2D,
  graph: Graph<NodeAttributes>,
  candidates: readonly { node: string; x: number; y: number; size: number }[],
  pointed: PointedPages,
): LabelCandidate[] {
  context.font = NODE_FONT;
  return candidates.map((candidate) => {
    const attributes = graph.getNodeAttributes(candidate.node);
    const text = shortLabel(attributes.label);
    return {
      id: candidate.node,
      text,
      x: candidate.x,
      y: candidate.y,
      radius: candidate.size,
      width: Math.ceil(context.measureText(text).width),
      height: LABEL_SIZE + 4,
      priority: nodeLabelPriority(isEmphasised(candidate.node, attributes, pointed), attributes),
    };
  });
}

/** Each community's name and its shorter forms at the middle of its notes; records each name's colour in `nameColour`. */
function communityNameLabels(
  context: CanvasRenderingContext2D,
  renderer: Sigma<NodeAttributes>,
  names: readonly CommunityName[],
  palette: Palette,
  nameColour: Map<string, string>,
): LabelCandidate[] {
  context.font = NAME_FONT;
  return names.flatMap((name) => {
    const at = renderer.graphToViewport({ x: name.x, y: name.y });
    const id = `community:${name.community}`;
    nameColour.set(id, palette.communities[name.community] ?? palette.other);
    return name.texts.map((text, alternative) => ({
      id,
      text,
      x: at.x,
      y: at.y,
      radius: 0,
      width: Math.ceil(context.measureText(text).width),
      height: NAME_SIZE + 7,
      priority: communityNamePriority(name.community, alternative),
      sides: ['centre', 'below', 'above'] as LabelSide[],
    }));
  });
}

/** Draws the placed labels on a halo of the background; a community's name over a bar of its colour. */
function drawLabels(context: CanvasRenderingContext2D, placed: readonly LabelBox[], palette: Palette, nameColour: ReadonlyMap<string, string>): void {
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = palette.background;
  for (const box of placed) {
    const colour = nameColour.get(box.id);
    context.font = colour ? NAME_FONT : NODE_FONT;
    const middle = colour ? box.y + (NAME_SIZE + 2) / 2 : box.y + box.height / 2;
    context.strokeText(box.text ?? '', box.x, middle);
    context.fillStyle = palette.label;
    context.fillText(box.text ?? '', box.x, middle);
    if (colour) {
      // The community's colour under its name, as in the legend.
      context.fillStyle = colour;
      context.fillRect(box.x, box.y + box.height - 4, box.width, 3);
    }
  }
}
