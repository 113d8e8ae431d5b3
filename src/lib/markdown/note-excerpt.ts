/**
 * A note's first lines as plain text: the page description (search engines, link cards)
 * and what a link preview shows. Taken from the Markdown tree, so code, raw HTML
 * (Scrapbox's icon images) and image alt texts never leak into it.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { textOfBlock } from './block-text.ts';

/** Long enough for two or three lines of a preview; Open Graph cards show about this much. */
export const EXCERPT_LENGTH = 240;

declare module 'vfile' {
  interface DataMap {
    excerpt: string;
  }
}

/** The text of the note's paragraphs and headings in order, cut to `maxLength` characters. */
export function excerptFromTree(tree: Root, maxLength = EXCERPT_LENGTH): string {
  const parts: string[] = [];
  let length = 0;
  visit(tree, (node: Nodes) => {
    if (length > maxLength) return false;
    if (node.type === 'code' || node.type === 'html' || node.type === 'definition') return SKIP;
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined;
    const text = collapseWhiteSpace(textOfBlock(node).text);
    if (text) {
      parts.push(text);
      length += text.length + 1;
    }
    return SKIP;
  });
  return cutText(parts.join(' '), maxLength);
}

/**
 * Cuts `text` to at most `maxLength` characters (an ellipsis included), at a space when one
 * is near the end so English words stay whole; Japanese, which has no spaces, is cut anywhere.
 */
export function cutText(text: string, maxLength = EXCERPT_LENGTH): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  // One character more than fits, so a word that ends exactly at the cut is kept.
  let cut = characters.slice(0, maxLength).join('');
  const lastSpace = cut.lastIndexOf(' ');
  cut = lastSpace > cut.length * 0.7 ? cut.slice(0, lastSpace) : characters.slice(0, maxLength - 1).join('');
  return `${cut.replace(/[\s,;:、，]+$/u, '')}…`;
}

function collapseWhiteSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Remark plugin: puts the excerpt in `file.data.excerpt`. Runs after the wiki links are resolved. */
export function remarkExcerpt() {
  return (tree: Root, file: VFile): void => {
    file.data.excerpt = excerptFromTree(tree);
  };
}
