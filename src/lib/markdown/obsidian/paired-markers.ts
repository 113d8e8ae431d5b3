/**
 * Obsidian's inline markers that pair like emphasis but that micromark does not know:
 * `==highlight==` and `%%comment%%`. They are found in the text nodes of one parent (a
 * paragraph, a heading, a link's label…) after parsing, so a marker inside code, a URL or raw
 * HTML is never one, and what lies between two markers (links, emphasis) stays parsed.
 */
import type { Parent, PhrasingContent, Text } from 'mdast';
import { pushMany } from '../../arrays/splice-many.ts';

export interface MarkerRule {
  marker: string;
  /** Whether a marker with `before` and `after` around it (`''` at the ends) may open or close. */
  canOpen: (before: string, after: string) => boolean;
  canClose: (before: string, after: string) => boolean;
}

interface MarkerAt {
  child: number;
  offset: number;
}

/** The pairs of markers among `parent`'s text children, in order; an unpaired marker is text. */
export function markerPairs(parent: Parent, rule: MarkerRule): [MarkerAt, MarkerAt][] {
  const pairs: [MarkerAt, MarkerAt][] = [];
  let open: MarkerAt | undefined;
  parent.children.forEach((child, index) => {
    if (child.type !== 'text' || !child.value.includes(rule.marker)) return;
    const text = child.value;
    for (let at = text.indexOf(rule.marker); at >= 0; at = text.indexOf(rule.marker, at)) {
      const before = text[at - 1] ?? textAround(parent, index, -1);
      const after = text[at + rule.marker.length] ?? textAround(parent, index, 1);
      if (open && rule.canClose(before, after)) {
        pairs.push([open, { child: index, offset: at }]);
        open = undefined;
      } else if (!open && rule.canOpen(before, after)) {
        open = { child: index, offset: at };
      }
      at += rule.marker.length;
    }
  });
  return pairs;
}

/** Stands for a sibling that is not text (a link, emphasis): like a letter, not a space. */
const NOT_TEXT = '\uFFFC';

/** The last (or first) character of the sibling's text; `''` at either end of the parent. */
function textAround(parent: Parent, index: number, side: -1 | 1): string {
  const sibling = parent.children[index + side];
  if (sibling === undefined) return '';
  if (sibling.type !== 'text') return NOT_TEXT;
  return side < 0 ? (sibling.value.at(-1) ?? '') : (sibling.value[0] ?? '');
}

/**
 * `parent`'s children with each pair of markers and what lies between replaced by
 * `replace(between)`; returns whether anything changed.
 */
export function replacePairs(parent: Parent, rule: MarkerRule, replace: (between: PhrasingContent[]) => PhrasingContent[]): boolean {
  const pairs = markerPairs(parent, rule);
  if (pairs.length === 0) return false;
  const cuts = pairs.flat();
  const out: PhrasingContent[] = [];
  let between: PhrasingContent[] | undefined;
  let next = 0;
  const emit = (node: PhrasingContent) => (between ?? out).push(node);
  (parent.children as PhrasingContent[]).forEach((child, index) => {
    if (cuts[next]?.child !== index) {
      emit(child);
      return;
    }
    const text = (child as Text).value;
    let from = 0;
    while (cuts[next]?.child === index) {
      const cut = cuts[next]!;
      if (cut.offset > from) emit({ type: 'text', value: text.slice(from, cut.offset) });
      if (between === undefined) between = [];
      else {
        pushMany(out, replace(between));
        between = undefined;
      }
      from = cut.offset + rule.marker.length;
      next++;
    }
    if (from < text.length) emit({ type: 'text', value: text.slice(from) });
  });
  parent.children = out;
  return true;
}
