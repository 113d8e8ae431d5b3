/**
 * Remark plugin: Obsidian's `%%comments%%` are taken out of the note, so they are on no
 * page, in no search index and in no preview (links inside one are not links either).
 *
 * Inline, `%%…%%` pairs within one paragraph (across its lines); a comment over several
 * paragraphs starts a paragraph with `%%` and ends a later one (of the same list or quote)
 * with `%%`. A `%%` that pairs with nothing stays as written (Python's `"%d%%" % x`, a URL),
 * and so does every `%%` in code, link labels, URLs and raw HTML.
 */
import type { Paragraph, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { replacePairs, type MarkerRule } from './paired-markers.ts';

const MARKER = '%%';
export const COMMENT_RULE: MarkerRule = { marker: MARKER, canOpen: () => true, canClose: () => true };

export function remarkComments() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'linkReference') return 'skip';
      if (!('children' in node)) return undefined;
      replacePairs(node as Parent, COMMENT_RULE, () => []);
      removeBlockComments(node as Parent);
      // A paragraph that was all comment leaves no empty `<p>`.
      (node as Parent).children = (node as Parent).children.filter((child) => child.type !== 'paragraph' || !isBlank(child));
      return undefined;
    });
  };
}

function isBlank(paragraph: Paragraph): boolean {
  return paragraph.children.every((child) => child.type === 'text' && child.value.trim() === '');
}

function firstText(paragraph: Paragraph): string {
  const first = paragraph.children[0];
  return first?.type === 'text' ? first.value : '';
}

function lastText(paragraph: Paragraph): string {
  const last = paragraph.children.at(-1);
  return last?.type === 'text' ? last.value : '';
}

function markerCount(paragraph: Paragraph): number {
  return paragraph.children.reduce((sum, child) => sum + (child.type === 'text' ? child.value.split(MARKER).length - 1 : 0), 0);
}

/** Removes each run of sibling blocks from a paragraph opening with `%%` to one closing with it. */
function removeBlockComments(parent: Parent): void {
  for (let start = 0; start < parent.children.length; start++) {
    const opening = parent.children[start]!;
    if (opening.type !== 'paragraph' || !firstText(opening).startsWith(MARKER) || markerCount(opening) !== 1) continue;
    const end = parent.children.findIndex(
      (node, index) => index > start && node.type === 'paragraph' && lastText(node).trimEnd().endsWith(MARKER) && markerCount(node) === 1,
    );
    if (end < 0) return;
    parent.children.splice(start, end - start + 1);
    start--;
  }
}
