/** The graph views' labels: placed each frame without overlap (`lib/graph/label-placement.ts`) and drawn on sigma's label layer. */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { CommunityName } from '../lib/graph/graph-view-data.ts';
import { placeLabels, shortLabel, type LabelBox, type LabelCandidate } from '../lib/graph/label-placement.ts';
import type { NodeAttributes, Palette } from './graph-types.ts';

export const LABEL_FONT = 'system-ui, sans-serif';
export const LABEL_SIZE = 12;
const NAME_SIZE = 14;
/** The overview zoom: from this camera ratio out (1 shows the whole graph), communities' names are written. */
const NAMES_FROM_RATIO = 0.4;

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
