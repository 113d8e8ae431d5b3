/**
 * Remark plugin, before links are resolved: a wiki link whose text holds no title (`[[ ]]`,
 * `[[|]]`, `[[#]]`, or only invisible characters) would make a page titled `|` or `＃`; it
 * stays text, as written, with a warning on its line. A link text with bidirectional
 * controls (U+202A-U+202E, U+2066-U+2069) is warned about too: the title and label made from
 * it leave them out (`titles/titles.ts`), so the link reads as what it is.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import type { WikiLinkNode } from '../../links/link-nodes.ts';
import { BIDI_CONTROLS, titleKey } from '../../titles/titles.ts';
import { splitEmbeds } from './embeds.ts';
import { spliceMany } from '../../arrays/splice-many.ts';

/** True when nothing of a title is left once the alias and heading separators are set aside. */
export function holdsNoTitle(linkText: string): boolean {
  return titleKey(linkText.replace(/[|#\\]/g, ' ')) === '';
}

/**
 * `[[ ]]`, which `remark-wiki-link` leaves as text: warned about, as a link left empty. `[[]]`
 * is not: it is what code written as text holds (Python's `[[]] * N`).
 */
const EMPTY_BRACKETS = /!?\[\[\s+\]\]/g;

export function remarkTitleLessLinks() {
  return (tree: Root, file: VFile): void => {
    // Embeds are wiki links too; splitting them again later finds nothing left to split.
    splitEmbeds(tree);
    visit(tree, 'text', (node: Text, _index, parent) => {
      if (!node.value.includes('[[')) return;
      // Text split from around an embed has no position of its own; its block's is close.
      const start = node.position?.start.line ?? parent?.position?.start.line ?? 1;
      for (const match of node.value.matchAll(EMPTY_BRACKETS)) {
        const line = start + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
        file.message(`the link ${match[0]} names no page; it is shown as text. Write a title between the brackets`, { line, column: 1 }, 'title-less-link');
      }
    });
    visit(tree, 'wikiLink', (node: WikiLinkNode, index, parent) => {
      if (holdsNoTitle(node.value)) {
        const written = `${node.data?.embed ? '!' : ''}[[${node.value}]]`;
        file.message(`the link ${written} names no page; it is shown as text. Write a title between the brackets, or \\[\\[ to show brackets`, node, 'title-less-link');
        if (parent && index !== undefined) {
          // An embed's `!` is a text node of its own, so the embed is not split out again.
          const texts: PhrasingContent[] = written.startsWith('!') ? [{ type: 'text', value: '!' }] : [];
          texts.push({ type: 'text', value: `[[${node.value}]]`, ...(node.position ? { position: node.position } : {}) });
          spliceMany(parent.children as PhrasingContent[], index, 1, texts);
          return [SKIP, index + texts.length];
        }
        return undefined;
      }
      if (node.value.match(BIDI_CONTROLS)) {
        file.message(`the link [[${node.value.replace(BIDI_CONTROLS, '')}]] holds bidirectional control characters that make it display differently from what it is; they are left out of its title and text. Delete them`, node, 'bidi-controls-in-link');
      }
      return undefined;
    });
  };
}
