/**
 * A note's HTML with its embeds in place: each `![[Note]]` marker becomes the other note's
 * HTML (or the section under `![[Note#Heading]]`), framed and captioned with a link to it;
 * each file marker becomes what `attachmentHtml` makes of it (`attachment-html.ts`).
 *
 * Done when the page is assembled, after every note is rendered (and cached by its own
 * text): so an embedded note is always shown as it is now, and the host's HTML, whose hash
 * is in its page's cache key (`cache/page-cache-key.ts`), changes whenever it does.
 *
 * Limits, so that no note can make another page large or endless: embeds nest at most
 * `MAX_EMBED_DEPTH` deep; a note already being shown (a cycle, or a note embedding itself)
 * is a link; a page expands at most `MAX_EMBEDS_PER_PAGE` embeds and `MAX_EMBEDDED_CHARS` of
 * embedded HTML, then links. Ids inside embedded HTML are dropped (the page has its own) and
 * links to `#fragments` there point to the embedded note's page. Embedded text is left out
 * of the search index (`data-pagefind-ignore`): a search finds it on its own note.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { hrefFor } from '../links/link-href.ts';
import { WIKI_LINK_CLASS } from '../links/link-nodes.ts';
import { resolveWikiLink } from '../links/wiki-links.ts';
import { USER_CONTENT_PREFIX } from '../site/page-ids.ts';
import { hrefForSlug } from '../titles/slugs.ts';
import type { NoteRef, TitleIndex } from '../titles/title-index.ts';
import { replaceMarkers, type EmbedMarker } from './embed-markers.ts';
import { isBlockReference } from '../links/block-references.ts';

export const MAX_EMBED_DEPTH = 3;
export const MAX_EMBEDS_PER_PAGE = 50;
export const MAX_EMBEDDED_CHARS = 1_000_000;

export interface EmbedStrings {
  /** Before the embedded note's link in its caption. */
  embeddedFrom: string;
  /** The title of a link shown instead of an embed: why. */
  notEmbedded: { cycle: string; depth: string; tooMuch: string; noSection: string };
}

export interface EmbedContext {
  index: TitleIndex;
  base: string;
  strings: EmbedStrings;
  /** A note's own HTML, markers in place. */
  htmlOf: (note: NoteRef) => string;
  /** The HTML for a file marker of `from` (an image, a link or a placeholder); `report` is set for the page's own note. */
  attachmentHtml: (marker: Extract<EmbedMarker, { kind: 'image' | 'file' }>, from: NoteRef, report: Report | undefined) => string;
}

export type Report = (line: number | undefined, message: string) => void;

/** Sections already cut, by note and heading: a note embedded by many notes is parsed once. */
const sectionsByContext = new WeakMap<EmbedContext, Map<string, ReturnType<typeof embeddedSection>>>();

/**
 * The ids of each note's headings, by context: a note embedded under many sections it does
 * not have is parsed once to know, not once per section (a page of thousands of
 * `![[Note#No such section]]`, each different, parsed the note thousands of times).
 */
const idsByContext = new WeakMap<EmbedContext, Map<string, NoteIds>>();

/** A note's heading ids, and every id it has (a block id, `^id`, is on a paragraph or list item). */
interface NoteIds {
  headings: Set<string>;
  all: Set<string>;
}

function hasHeading(context: EmbedContext, note: NoteRef, headingId: string): boolean {
  let byNote = idsByContext.get(context);
  if (!byNote) idsByContext.set(context, (byNote = new Map()));
  let ids = byNote.get(note.filePath);
  if (!ids) byNote.set(note.filePath, (ids = idsOf(fromHtml(context.htmlOf(note), { fragment: true }))));
  const has = isBlockReference(headingId) ? ids.all : ids.headings;
  return has.has(headingId) || has.has(USER_CONTENT_PREFIX + headingId);
}

function idsOf(tree: Root): NoteIds {
  const ids: NoteIds = { headings: new Set(), all: new Set() };
  visit(tree, 'element', (element: Element) => {
    if (element.properties.id === undefined) return;
    ids.all.add(String(element.properties.id));
    if (headingLevel(element) !== undefined) ids.headings.add(String(element.properties.id));
  });
  return ids;
}

function sectionFor(context: EmbedContext, note: NoteRef, headingId: string | undefined): ReturnType<typeof embeddedSection> {
  if (headingId !== undefined && !hasHeading(context, note, headingId)) return undefined;
  let sections = sectionsByContext.get(context);
  if (!sections) sectionsByContext.set(context, (sections = new Map()));
  const key = `${note.filePath}\0${headingId ?? ''}`;
  if (!sections.has(key)) sections.set(key, embeddedSection(context.htmlOf(note), headingId, hrefForSlug(note.slug, context.base)));
  return sections.get(key);
}

interface Budget {
  embeds: number;
  chars: number;
}

/**
 * The page's HTML for `note`: its own HTML with every marker replaced. `report` hears of the
 * problems of the note's own embeds, `shown` of each of its own note embeds shown.
 */
export function assembleNoteHtml(note: NoteRef, context: EmbedContext, report?: Report, shown?: () => void): string {
  return expand(context.htmlOf(note), note, [note.filePath], { embeds: 0, chars: 0 }, context, report, shown);
}

function expand(
  html: string,
  from: NoteRef,
  chain: readonly string[],
  budget: Budget,
  context: EmbedContext,
  report: Report | undefined,
  shown?: () => void,
): string {
  return replaceMarkers(html, (marker, label, block) => {
    if (marker.kind !== 'note') return context.attachmentHtml(marker, from, report);
    const link = resolveWikiLink(marker.text, context.index);
    const fallback = (why: string) => {
      const href = link.kind === 'same-page-heading' ? `#${link.headingId}` : hrefFor(link, context.base);
      const anchor = `<a href="${escapeAttribute(href)}" class="${WIKI_LINK_CLASS}" title="${escapeAttribute(why)}">${label}</a>`;
      return block ? `<p class="note-embed-link">${anchor}</p>` : anchor;
    };
    if (link.kind !== 'note') return fallback('');
    const { strings } = context;
    if (chain.includes(link.note.filePath)) return fallback(strings.notEmbedded.cycle);
    if (chain.length > MAX_EMBED_DEPTH) return fallback(strings.notEmbedded.depth);
    if (budget.embeds >= MAX_EMBEDS_PER_PAGE) return fallback(strings.notEmbedded.tooMuch);
    const section = sectionFor(context, link.note, link.headingId);
    if (!section) {
      const fix = isBlockReference(link.headingId ?? '') ? 'Write ^id at the end of the block in that note' : 'Write a heading of that note after the #';
      report?.(marker.line, `the embed ![[${marker.text}]] names a section that "${link.note.title}" does not have: it is shown as a link. ${fix}`);
      return fallback(strings.notEmbedded.noSection);
    }
    if (budget.chars + section.html.length > MAX_EMBEDDED_CHARS) return fallback(strings.notEmbedded.tooMuch);
    budget.embeds++;
    budget.chars += section.html.length;
    shown?.();
    const body = expand(section.html, link.note, [...chain, link.note.filePath], budget, context, undefined);
    const caption = section.heading ? `${escapeText(link.note.title)} › ${escapeText(section.heading)}` : escapeText(link.note.title);
    const href = hrefFor(link, context.base);
    return (
      `<figure class="note-embed" data-pagefind-ignore><figcaption class="note-embed-source">${escapeText(strings.embeddedFrom)} ` +
      `<a href="${escapeAttribute(href)}" class="${WIKI_LINK_CLASS}">${caption}</a></figcaption>` +
      `<div class="note-embed-body">${body}</div></figure>`
    );
  });
}

/**
 * The note's HTML to show embedded: all of it, or the heading with `headingId` and what
 * follows it up to the next heading of its level or higher, or the one block with an
 * Obsidian block id (`^id`); ids dropped and `#fragment` links sent to the note's page.
 * Undefined when there is no such heading or block.
 */
export function embeddedSection(html: string, headingId: string | undefined, pageHref: string): { html: string; heading?: string } | undefined {
  const tree = fromHtml(html, { fragment: true });
  let heading: string | undefined;
  let root: Root = tree;
  if (headingId !== undefined && isBlockReference(headingId)) {
    const block = findBlock(tree, headingId);
    if (!block) return undefined;
    // A list item keeps a list around it.
    const shown: Element = block.tagName === 'li' ? { type: 'element', tagName: 'ul', properties: {}, children: [block] } : block;
    root = { type: 'root', children: [shown] };
  } else if (headingId !== undefined) {
    const found = findHeading(tree, headingId);
    if (!found) return undefined;
    const { parent, index, depth } = found;
    const section: RootContent[] = [parent.children[index]!];
    for (const sibling of parent.children.slice(index + 1)) {
      const level = headingLevel(sibling);
      if (level !== undefined && level <= depth) break;
      section.push(sibling);
    }
    heading = textOf(parent.children[index]!);
    root = { type: 'root', children: section };
  }
  visit(root, 'element', (element: Element) => {
    delete element.properties.id;
    const href = element.properties.href;
    if (typeof href === 'string' && href.startsWith('#')) element.properties.href = pageHref + href;
  });
  return { html: toHtml(root), ...(heading !== undefined ? { heading } : {}) };
}

function headingLevel(node: RootContent | ElementContent): number | undefined {
  return node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : undefined;
}

function findHeading(tree: Root, headingId: string): { parent: Root | Element; index: number; depth: number } | undefined {
  let found: { parent: Root | Element; index: number; depth: number } | undefined;
  const ids = new Set([headingId, USER_CONTENT_PREFIX + headingId]);
  visit(tree, 'element', (element: Element, index, parent) => {
    if (found || index === undefined || !parent) return;
    const depth = headingLevel(element);
    if (depth !== undefined && ids.has(String(element.properties.id ?? ''))) found = { parent: parent as Root | Element, index, depth };
  });
  return found;
}

function findBlock(tree: Root, blockId: string): Element | undefined {
  let found: Element | undefined;
  const ids = new Set([blockId, USER_CONTENT_PREFIX + blockId]);
  visit(tree, 'element', (element: Element) => {
    if (!found && ids.has(String(element.properties.id ?? ''))) found = element;
  });
  return found;
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : '';
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
