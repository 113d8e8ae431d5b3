// Bundled for the browser: imports nothing from node:*.
/**
 * Where the graph views write their labels: greedily, most important first, each label in
 * the first of its places (right of its dot, left, above, below) where it stays inside the
 * frame and crosses no label already placed; a label with no such place is left out. So
 * labels never overlap or run past the frame, and the best-linked pages keep theirs.
 */

export type LabelSide = 'right' | 'left' | 'above' | 'below' | 'centre';

export interface LabelCandidate {
  /**
   * What the caller knows the label by (a node key, a community index). Candidates may share
   * an id (a long text and a shorter one): the first of them that fits is placed, no other.
   */
  id: string;
  text?: string;
  /** The anchor (a dot's centre), in the frame's pixels. */
  x: number;
  y: number;
  /** The dot's radius: a label starts this far (and `gap`) from the anchor. */
  radius: number;
  /** The text's box. */
  width: number;
  height: number;
  /** Higher first; equal priorities keep the candidates' order. */
  priority: number;
  /** Places to try, in order; by default right, left, above, below. */
  sides?: readonly LabelSide[];
}

export interface LabelBox {
  id: string;
  text?: string;
  /** Top left corner, in the frame's pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelFrame {
  width: number;
  height: number;
}

const DEFAULT_SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below'];

export interface PlacementOptions {
  /** Space between a dot and its label, and kept clear around every label. */
  gap?: number;
  /** Labels placed at most. */
  limit?: number;
}

export function placeLabels(candidates: readonly LabelCandidate[], frame: LabelFrame, options: PlacementOptions = {}): LabelBox[] {
  const gap = options.gap ?? 2;
  const limit = options.limit ?? Infinity;
  const ordered = candidates.map((candidate, order) => ({ candidate, order })).sort((a, b) => b.candidate.priority - a.candidate.priority || a.order - b.order);
  const placed: LabelBox[] = [];
  const placedIds = new Set<string>();
  for (const { candidate } of ordered) {
    if (placed.length >= limit) break;
    if (placedIds.has(candidate.id)) continue;
    for (const side of candidate.sides ?? DEFAULT_SIDES) {
      const box = boxAt(candidate, side, gap);
      if (insideFrame(box, frame) && !placed.some((other) => overlaps(box, other, gap))) {
        placed.push(box);
        placedIds.add(candidate.id);
        break;
      }
    }
  }
  return placed;
}

function boxAt(candidate: LabelCandidate, side: LabelSide, gap: number): LabelBox {
  const { id, text, x, y, radius, width, height } = candidate;
  const box = { id, ...(text === undefined ? {} : { text }), width, height };
  switch (side) {
    case 'right':
      return { ...box, x: x + radius + gap, y: y - height / 2 };
    case 'left':
      return { ...box, x: x - radius - gap - width, y: y - height / 2 };
    case 'above':
      return { ...box, x: x - width / 2, y: y - radius - gap - height };
    case 'below':
      return { ...box, x: x - width / 2, y: y + radius + gap };
    case 'centre':
      return { ...box, x: x - width / 2, y: y - height / 2 };
  }
}

export function insideFrame(box: Omit<LabelBox, 'id'>, frame: LabelFrame): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= frame.width && box.y + box.height <= frame.height;
}

/** Whether two boxes come closer than `gap` (0: whether they share any area). */
export function overlaps(a: Omit<LabelBox, 'id'>, b: Omit<LabelBox, 'id'>, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** A title cut to `max` characters with an ellipsis: long titles would crowd out the rest. */
export function shortLabel(title: string, max = 32): string {
  const characters = [...title];
  return characters.length <= max ? title : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}
