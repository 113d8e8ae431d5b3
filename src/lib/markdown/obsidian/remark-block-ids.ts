/**
 * Remark plugin: Obsidian's block ids. A paragraph or list item that ends with ` ^some-id`
 * gets the anchor `id="^some-id"` (the marker is not shown); `^some-id` alone on a paragraph
 * after a list, table, quote or code block gives that block the anchor. `[[Note#^some-id]]`
 * links there (`links/wiki-links.ts`) and `![[Note#^some-id]]` embeds just that block
 * (`embeds/note-embeds.ts`). Ids are letters, digits and `-`, as in Obsidian; a second block
 * with an id already used keeps no anchor and is reported. The ids are in `file.data.blockIds`.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { blockAnchor } from '../../links/block-references.ts';

declare module 'vfile' {
  interface DataMap {
    /** The block ids of the note, with their `^` (`obsidian/remark-block-ids.ts`). */
    blockIds: string[];
  }
}

const TRAILING_ID = /(^|\s)\^([A-Za-z0-9-]+)\s*$/;

export function remarkBlockIds() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    const give = (block: Nodes, id: string, from: Nodes) => {
      const anchor = blockAnchor(id);
      if (ids.has(anchor)) {
        file.message(`the block id ^${id} is used twice in this note: only the first block gets it. Give this block another id`, from);
        return;
      }
      ids.add(anchor);
      block.data = { ...block.data, hProperties: { ...(block.data as { hProperties?: object } | undefined)?.hProperties, id: anchor } };
    };
    const removed: { parent: Parent; node: Nodes }[] = [];
    visitParents(tree, 'paragraph', (paragraph, ancestors) => {
      const last = paragraph.children.at(-1);
      if (last?.type !== 'text') return;
      const match = TRAILING_ID.exec(last.value);
      if (!match) return;
      const parent = ancestors.at(-1) as Parent;
      const id = match[2]!;
      const alone = paragraph.children.length === 1 && match[1] === '' && match.index === 0;
      if (alone) {
        // `^id` on a paragraph of its own names the block before it.
        const previous = parent.children[parent.children.indexOf(paragraph) - 1];
        if (!previous || previous.type === 'paragraph') return;
        give(previous, id, paragraph);
        removed.push({ parent, node: paragraph });
        return;
      }
      last.value = last.value.slice(0, match.index).trimEnd();
      if (last.value === '') paragraph.children.pop();
      // In a list item the item is the block, as in Obsidian.
      const block: Nodes = parent.type === 'listItem' && parent.children[0] === paragraph ? (parent as Nodes) : paragraph;
      give(block, id, paragraph);
    });
    for (const { parent, node } of removed) parent.children.splice(parent.children.indexOf(node as never), 1);
    file.data.blockIds = [...ids];
  };
}
