/**
 * `![[embeds]]` (Obsidian, Quartz), which micromark cannot parse as a wiki link because `![`
 * starts an image: each is cut out of its text node as a `wikiLink` node marked `embed`, so
 * it is resolved and rendered as an ordinary wiki link (a documented fallback): the link is
 * neither lost nor left as raw text.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { WikiLinkNode } from '../../links/link-nodes.ts';

const EMBED = /!\[\[([^[\]\n]+)\]\]/g;

/** Replaces every `![[…]]` in the tree's text with a `wikiLink` node, in place. */
export function splitEmbeds(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('![[')) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(EMBED)) {
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
      parts.push({ type: 'wikiLink', value: match[1] ?? '', data: { embed: true }, position: positionIn(node, match.index, match[0].length) });
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
}

/** The place of a part of a text node (an embed, a hashtag): the node may start lines above it. */
export function positionIn(node: Text, index: number, length: number): WikiLinkNode['position'] {
  const start = node.position?.start;
  if (!start || start.offset === undefined) return undefined;
  const before = node.value.slice(0, index);
  const newlines = before.match(/\n/g)?.length ?? 0;
  const column = newlines === 0 ? start.column + index : index - before.lastIndexOf('\n');
  const line = start.line + newlines;
  return {
    start: { line, column, offset: start.offset + index },
    end: { line, column: column + length, offset: start.offset + index + length },
  };
}
