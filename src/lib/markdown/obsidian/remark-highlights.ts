/**
 * Remark plugin: Obsidian's `==highlight==` becomes `<mark>`. Like emphasis, the opening
 * `==` is followed by a character that is not a space, the closing one preceded by one, and
 * neither touches a third `=`; so `a == b`, `===` and `==` in code stay text.
 */
import type { Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { replacePairs, type MarkerRule } from './paired-markers.ts';

const solid = (char: string) => char !== '' && char !== '=' && !/\s/.test(char);

export const HIGHLIGHT_RULE: MarkerRule = {
  marker: '==',
  canOpen: (before, after) => before !== '=' && solid(after),
  canClose: (before, after) => solid(before) && after !== '=',
};

export function remarkHighlights() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      replacePairs(node as Parent, HIGHLIGHT_RULE, (between) => [
        // `delete` is a phrasing node every later step knows; it is drawn as `<mark>`.
        { type: 'delete', data: { hName: 'mark' }, children: between },
      ]);
    });
  };
}
