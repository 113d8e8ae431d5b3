/**
 * The occurrence of every rendered link, with the words around it (`links/link-context.ts`)
 * taken from the plain text of its block (paragraph, heading or table cell).
 */
import type { Link, Parent } from 'mdast';
import type { WikiLinkNode, WikiLinkOccurrence } from '../../links/link-nodes.ts';
import { linkContext } from '../../links/link-context.ts';
import type { ResolvedWikiLink } from '../../links/resolved-wiki-link.ts';
import { textOfBlock, type BlockText } from '../block-text.ts';

/** A link found in the tree, already rendered. */
export interface FoundLink {
  node: WikiLinkNode | Link;
  /** The block the link is in (see `nearestBlock`). */
  block: Parent;
  link: ResolvedWikiLink;
  /** For a Markdown link: its destination as written. */
  written?: string;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

/** The innermost paragraph, heading or table cell among a link's ancestors. */
export function nearestBlock(ancestors: Parent[]): Parent {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i];
    if (ancestor && BLOCK_TYPES.has(ancestor.type)) return ancestor;
  }
  // Unreachable for Markdown (links are phrasing content), but fall back to the root.
  return ancestors[0] as Parent;
}

/**
 * The occurrences in the order found. Call it once every link is rendered: a block's text,
 * shared by its links' contexts, uses their labels.
 */
export function linkOccurrences(found: readonly FoundLink[]): WikiLinkOccurrence[] {
  const blockTexts = new Map<Parent, BlockText>();
  return found.map(({ node, block, link, written }): WikiLinkOccurrence => {
    let blockText = blockTexts.get(block);
    if (!blockText) {
      blockText = textOfBlock(block);
      blockTexts.set(block, blockText);
    }
    const [start, end] = blockText.spans.get(node) ?? [0, 0];
    const context = linkContext(blockText.text, start, end);
    const line = node.position?.start.line;
    return node.type === 'wikiLink'
      ? { text: node.value, link, context, line, ...(node.data?.hashtag ? { tag: 'hashtag' as const } : {}), ...(node.data?.embed ? { embed: true as const } : {}) }
      : { text: link.label, link, context, line, path: written ?? node.url };
  });
}
