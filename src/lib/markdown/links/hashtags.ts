/**
 * Hashtags: `#word` is a link to the page titled `word`, as in Scrapbox (where `#word` and
 * `[word]` are the same link) and Obsidian. Each is cut out of its text node as a `wikiLink`
 * node marked `hashtag`, so it resolves, renders and counts like any wiki link.
 *
 * A hashtag starts at `#` after white space or an opening bracket (or at the start of a
 * line), ends at the next white space or bracket, and `_` stands for a space
 * (`#Writing_method` names "Writing method"). Punctuation that ends a sentence or closes a
 * bracket around it is not part of it (`(#TODO).` names "TODO"). These stay text:
 * - `#` and a space (Markdown headings, shell comments), `##`, `#!`, `\#word`;
 * - `#` inside a word, a URL or a link (`C#`, `page.html#top`), and in code (never text);
 * - numbers and issue references: `#1`, `#2024`, `#1-2` (no letter);
 * - colour codes: `#fff`, `#0a0b0c`, `#ffffff80` (3, 4, 6 or 8 hex digits with a digit, or
 *   all of a-f: `#fab`, `#cafe`);
 * - Scrapbox line anchors: `#` and 24 hex digits (`#5b4811c79f6c42000085f77b`);
 * - C preprocessor lines: `#include`, `#define`, `#ifdef` … at the start of a line;
 * - text starting with `[` (no title starts with one, see `faithful-brackets.ts`).
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { positionsIn } from './embeds.ts';
import { spliceMany } from '../../arrays/splice-many.ts';

export interface FoundHashtag {
  /** Where the `#` is in the text. */
  index: number;
  /** What the tag takes of the text, `#` included. */
  written: string;
  /** The title it names: the written text less `#`, `_` as space. */
  title: string;
}

/** After white space or an opening bracket; `#` and a space, `##` and `#!` are not tags. */
const CANDIDATE = /(?<=^|[\s(（「『【])#(?![\s#!])[^\s[\]()（）「」『』【】]+/gu;
const BOUNDARY = /[\s(（「『【]/u;
/** Closing punctuation at the end of a tag, as a sentence or a bracket around it ends. */
const TRAILING = /[.,;:!?'"’”)\]}>»」』）】〉》、。，．！？…]+$/u;
const HAS_LETTER = /\p{L}/u;
const COLOUR = /^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** A Scrapbox line anchor: `#` and 24 hex digits, as in `[[page#61c4202842774800007bdaa3]]`. */
const LINE_ANCHOR = /^[0-9a-f]{24}$/i;
const PREPROCESSOR = /^(?:include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error|warning|line|import)\b/;

/**
 * The hashtags in a piece of text; `afterBoundary` tells whether the text follows white
 * space, a bracket or nothing (so a `#` at its start can begin a tag).
 */
export function findHashtags(text: string, afterBoundary = true): FoundHashtag[] {
  const found: FoundHashtag[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const { index } = match;
    if (index === 0 && !afterBoundary) continue;
    const written = match[0].replace(TRAILING, '');
    const body = written.slice(1);
    if (!isTag(body, index === 0 || text[index - 1] === '\n')) continue;
    const title = body.replace(/_/g, ' ').trim();
    if (title === '') continue;
    found.push({ index, written, title });
  }
  return found;
}

function isTag(body: string, atLineStart: boolean): boolean {
  if (body === '' || body.startsWith('[')) return false;
  if (!HAS_LETTER.test(body)) return false;
  if (COLOUR.test(body) && (/\d/.test(body) || /^[a-f]+$/i.test(body))) return false;
  if (LINE_ANCHOR.test(body)) return false;
  if (atLineStart && PREPROCESSOR.test(body)) return false;
  return true;
}

/** Parents whose text is never a hashtag: links already link, and a heading id must not change. */
const NO_HASHTAGS_IN = new Set(['link', 'linkReference', 'wikiLink']);

/**
 * Replaces every hashtag in the tree's text with a `wikiLink` node, in place. `file` holds
 * the Markdown as written, to leave `\#word` alone.
 */
export function splitHashtags(tree: Root, file: VFile): void {
  const source = String(file.value ?? '');
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (!node.value.includes('#')) return;
    if (ancestors.some((ancestor) => NO_HASHTAGS_IN.has(ancestor.type))) return;
    const parent = ancestors.at(-1);
    if (!parent || !('children' in parent)) return;
    const index = (parent.children as PhrasingContent[]).indexOf(node);
    // A tag at the start of the text must follow white space or a bracket in the Markdown:
    // `**#tag**` and `[[link]]#tag` are no tags, `- #tag` and `> #tag` are.
    const start = node.position?.start.offset;
    const before = start === undefined || start === 0 ? undefined : source[start - 1];
    const written = writtenText(node, source);
    const tags = findHashtags(node.value, before === undefined || BOUNDARY.test(before)).filter((tag) => !(written && isEscaped(node, tag, written)));
    if (tags.length === 0) return;
    const parts: PhrasingContent[] = [];
    const positionAt = positionsIn(node);
    let last = 0;
    for (const tag of tags) {
      if (tag.index > last) parts.push({ type: 'text', value: node.value.slice(last, tag.index) });
      parts.push({ type: 'wikiLink', value: tag.title, data: { hashtag: tag.written }, position: positionAt(tag.index, tag.written.length) });
      last = tag.index + tag.written.length;
    }
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    spliceMany(parent.children as PhrasingContent[], index, 1, parts);
    return [SKIP, index + parts.length];
  });
}

/**
 * The node's source when it holds a `\#` (and so may have escaped tags), looked up once per
 * node: per tag, it made a line of thousands of hashtags quadratic.
 */
function writtenText(node: Text, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const written = source.slice(start, end);
  return written !== node.value && written.includes('\\#') ? written : undefined;
}

/**
 * Whether the writer escaped the `#` (`\#word`). The text node's value has escapes removed,
 * so the tag is looked up in the node's source, `written` (quadratic in the tags of the node,
 * which only a node with a `\#` pays).
 */
function isEscaped(node: Text, tag: FoundHashtag, written: string): boolean {
  // Count the same tag's earlier occurrences in the text to find this one in the source.
  const nth = node.value.slice(0, tag.index).split(tag.written).length - 1;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = written.indexOf(tag.written, at + 1);
    if (at < 0) return false;
  }
  return written[at - 1] === '\\';
}
