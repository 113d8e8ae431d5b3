/**
 * `![[embeds]]` (Obsidian, Quartz), which micromark cannot parse as a wiki link because `![`
 * starts an image, and Markdown images with a path in the content folder.
 *
 * - `![[picture.png|300]]`, `![[paper.pdf]]` (a file, by its extension: `embeds/embed-targets.ts`)
 *   and `![alt](images/p.png)` become an `embedSlot`: a marker the loader fills with the image
 *   or a link to the file when it assembles the page. A file is not a page, so it is no link.
 * - `![[Note]]`, `![[Note#Heading]]` are cut out of their text as `wikiLink` nodes marked
 *   `embed`, resolved and counted like any wiki link. One that reaches a note and stands in a
 *   paragraph becomes a block marker of its own (its paragraph split around it), which the
 *   loader replaces with the note or section (`embeds/note-embeds.ts`). Anywhere else (a
 *   heading, a table cell), and for a missing title, it stays an ordinary link.
 */
import type { Image, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { attachmentKind, readAttachmentEmbed, readImageAlt } from '../../embeds/embed-targets.ts';
import { encodeMarker, MARKER_PROPERTY, type EmbedMarker } from '../../embeds/embed-markers.ts';
import type { EmbedSlotNode, WikiLinkNode } from '../../links/link-nodes.ts';
import { spliceMany } from '../../arrays/splice-many.ts';

const EMBED = /!\[\[([^[\]\n]+)\]\]/g;

/** Replaces every `![[…]]` in the tree's text with a `wikiLink` node or, for a file, an `embedSlot`, in place. */
export function splitEmbeds(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('![[')) return;
    const parts: PhrasingContent[] = [];
    const positionAt = positionsIn(node);
    let last = 0;
    for (const match of node.value.matchAll(EMBED)) {
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
      const text = match[1] ?? '';
      const position = positionAt(match.index, match[0].length);
      const file = readAttachmentEmbed(text);
      parts.push(
        file
          ? embedSlot({ kind: file.kind, path: file.path, syntax: 'wiki', alt: file.alt, size: file.size, line: position?.start.line }, file.alt || file.path, position)
          : { type: 'wikiLink', value: text, data: { embed: true }, position },
      );
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    spliceMany(parent.children as PhrasingContent[], index, 1, parts);
    return [SKIP, index + parts.length];
  });
}

/** A URL the reader's browser fetches elsewhere (`https:`, `//host`, `data:`, …) or a fragment: not a file of the notes. */
function isElsewhere(url: string): boolean {
  return /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) || url.trim() === '';
}

/** Markdown images with a path (`![alt](images/p.png)`, `![alt|300](../p.png)`) become file markers; URLs stay images. */
export function markLocalImages(tree: Root): void {
  visit(tree, 'image', (node: Image, index, parent) => {
    if (!parent || index === undefined || isElsewhere(node.url)) return;
    const { alt, size } = readImageAlt(node.alt ?? '');
    const kind = attachmentKind(node.url.replace(/[?#].*$/, '')) ?? 'image';
    const marker: EmbedMarker = { kind, path: node.url, syntax: 'markdown', alt, size, line: node.position?.start.line };
    (parent.children as PhrasingContent[])[index] = embedSlot(marker, alt, node.position);
  });
}

function embedSlot(marker: EmbedMarker, label: string, position: EmbedSlotNode['position']): EmbedSlotNode {
  return {
    type: 'embedSlot',
    data: { hName: 'span', hProperties: { [MARKER_PROPERTY]: encodeMarker(marker) }, hChildren: [{ type: 'text', value: label }] },
    ...(position ? { position } : {}),
  };
}

/** Containers whose children may be blocks: a paragraph there can be split around a note. */
const FLOW_CONTAINERS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * Makes each note embed (already rendered as a link, its context recorded) a block marker
 * where its paragraph can be split around it; the others stay links.
 */
export function placeNoteEmbeds(embeds: readonly { node: WikiLinkNode; ancestors: readonly Parent[] }[]): void {
  const byParagraph = new Map<Paragraph, { container: Parent; nodes: Set<WikiLinkNode> }>();
  for (const { node, ancestors } of embeds) {
    const paragraph = ancestors.at(-1);
    const container = ancestors.at(-2);
    if (paragraph?.type !== 'paragraph' || !container || !FLOW_CONTAINERS.has(container.type)) continue;
    const entry = byParagraph.get(paragraph as Paragraph) ?? { container, nodes: new Set() };
    entry.nodes.add(node);
    byParagraph.set(paragraph as Paragraph, entry);
  }
  for (const [paragraph, { container, nodes }] of byParagraph) {
    for (const node of nodes) {
      const label = node.data?.hChildren?.[0]?.value ?? node.value;
      node.data = {
        ...node.data,
        hName: 'div',
        hProperties: { [MARKER_PROPERTY]: encodeMarker({ kind: 'note', text: node.value, line: node.position?.start.line }) },
        hChildren: [{ type: 'text', value: label }],
      };
    }
    const pieces: RootContent[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      const kept = trimRun(run);
      if (kept.length > 0) pieces.push({ type: 'paragraph', children: kept, ...(pieces.length === 0 && paragraph.position ? { position: paragraph.position } : {}) });
      run = [];
    };
    for (const child of paragraph.children) {
      if (child.type === 'wikiLink' && nodes.has(child)) {
        flush();
        pieces.push(child);
      } else run.push(child);
    }
    flush();
    const index = container.children.indexOf(paragraph);
    if (index >= 0) spliceMany(container.children as RootContent[], index, 1, pieces);
  }
}

/** A paragraph's piece less the white space and line breaks at its ends; empty if nothing else is left. */
function trimRun(run: PhrasingContent[]): PhrasingContent[] {
  const kept = run.slice();
  const blank = (node: PhrasingContent | undefined) => node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '');
  while (blank(kept[0])) kept.shift();
  while (blank(kept.at(-1))) kept.pop();
  const first = kept[0];
  if (first?.type === 'text') kept[0] = { ...first, value: first.value.trimStart() };
  const last = kept.at(-1);
  if (last?.type === 'text') kept[kept.length - 1] = { ...last, value: last.value.trimEnd() };
  return kept;
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

/**
 * `positionIn` for indexes in increasing order, in time linear in the text: the lines before
 * each index are counted from the one before (thousands of hashtags on a 500 KB line made
 * counting from the start of the text each time quadratic).
 */
export function positionsIn(node: Text): (index: number, length: number) => WikiLinkNode['position'] {
  const start = node.position?.start;
  let counted = 0;
  let newlines = 0;
  let lastNewline = -1;
  return (index, length) => {
    if (!start || start.offset === undefined) return undefined;
    if (index < counted) return positionIn(node, index, length);
    for (; counted < index; counted++) {
      if (node.value.charCodeAt(counted) === 10) {
        newlines++;
        lastNewline = counted;
      }
    }
    const column = newlines === 0 ? start.column + index : index - lastNewline;
    const line = start.line + newlines;
    return {
      start: { line, column, offset: start.offset + index },
      end: { line, column: column + length, offset: start.offset + index + length },
    };
  };
}
