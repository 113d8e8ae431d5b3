/** The plain text of a Markdown block as a reader sees it: wiki links by their labels. */
import type { Literal, Parent, PhrasingContent } from 'mdast';
import type { WikiLinkNode } from '../links/link-nodes.ts';

export interface BlockText {
  text: string;
  spans: Map<unknown, [number, number]>;
}

/** The block's plain text, as a reader sees it, and where each link's text lies in it. */
export function textOfBlock(block: Parent): BlockText {
  let text = '';
  const spans = new Map<unknown, [number, number]>();
  const walk = (node: Parent | PhrasingContent): void => {
    if (node.type === 'wikiLink') {
      const link = node as WikiLinkNode;
      const label = link.data?.hChildren?.[0]?.value ?? link.value;
      spans.set(node, [text.length, text.length + label.length]);
      text += label;
    } else if (node.type === 'link') {
      // A Markdown link's span covers its whole text, for its context in the link graph.
      const start = text.length;
      for (const child of node.children) walk(child as PhrasingContent);
      spans.set(node, [start, text.length]);
    } else if (node.type === 'text' || node.type === 'inlineCode') {
      text += (node as Literal).value;
    } else if (node.type === 'break') {
      text += '\n';
    } else if ('children' in node) {
      for (const child of node.children) walk(child as PhrasingContent);
    }
  };
  walk(block);
  return { text, spans };
}
