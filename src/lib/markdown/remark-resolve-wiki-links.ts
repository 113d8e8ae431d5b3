/**
 * Remark plugin that runs after `remark-wiki-link` has parsed `[[links]]` into `wikiLink`
 * nodes: resolves each through `resolveWikiLink`, renders it as an `<a>`, and records every
 * link with its context in `file.data.wikiLinks` for the link graph.
 *
 * It also reads `![[embeds]]`, which micromark cannot parse as a wiki link because `![`
 * starts an image: they are rendered as ordinary wiki links (a documented fallback) so the
 * link is neither lost nor left as raw text.
 *
 * Markdown links written to a path (`[text](features)`, `[text](Other note.md)`) are
 * resolved to notes too (`path-links.ts`) and count in the link graph like wiki links; one
 * that leads to no note is shown as text, marked, and reported with its line.
 */
import type { Data, Link, Literal, Parent, PhrasingContent, Root, Text } from 'mdast';
import GithubSlugger from 'github-slugger';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { textOfBlock, type BlockText } from './block-text.ts';
import { linkContext, type LinkContext } from '../links/link-context.ts';
import { isPathLink, resolvePathLink, type ResolvedPathLink } from '../links/path-links.ts';
import { hrefForSlug } from '../titles/slugs.ts';
import type { TitleIndex } from '../titles/title-index.ts';
import { resolveWikiLink, type ResolvedWikiLink } from '../links/wiki-links.ts';

export interface WikiLinkData extends Data {
  /** Written `![[…]]`. */
  embed?: boolean;
  /** How mdast-util-to-hast renders the node. */
  hName?: string;
  hProperties?: Record<string, unknown>;
  hChildren?: { type: 'text'; value: string }[];
}

export interface WikiLinkNode extends Literal {
  type: 'wikiLink';
  /** The text between the brackets, as written. */
  value: string;
  data?: WikiLinkData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLinkNode;
  }
  interface RootContentMap {
    wikiLink: WikiLinkNode;
  }
}

export interface WikiLinkOccurrence {
  /** The text between the brackets, as written. */
  text: string;
  link: ResolvedWikiLink;
  context: LinkContext;
  /** 1-based line in the Markdown body. */
  line: number | undefined;
  /** Written as a Markdown link to this path rather than as a `[[wiki link]]`. */
  path?: string;
}

declare module 'vfile' {
  interface DataMap {
    wikiLinks: WikiLinkOccurrence[];
    /** The destination of every Markdown link to a path, resolved or not, in order. */
    pathLinks: string[];
  }
}

export interface RemarkResolveWikiLinksOptions {
  index: TitleIndex;
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
}

export const WIKI_LINK_CLASS = 'wiki-link';
export const MISSING_LINK_CLASS = 'wiki-link-missing';
/** A link to a title several notes share: it goes to the page that lists them. */
export const AMBIGUOUS_LINK_CLASS = 'wiki-link-ambiguous';
/** A Markdown link to a path where the site has no page: shown as text. */
export const UNRESOLVED_PATH_LINK_CLASS = 'path-link-unresolved';
export const UNRESOLVED_PATH_LINK_RULE = 'unresolved-path-link';

export const remarkResolveWikiLinks: Plugin<[RemarkResolveWikiLinksOptions], Root> = (options) => {
  return (tree, file) => {
    splitEmbeds(tree);
    // Render every link first: a block's text, shared by its links' contexts, uses their labels.
    const found: { node: WikiLinkNode | Link; block: Parent; link: ResolvedWikiLink; written?: string }[] = [];
    const pathLinks: string[] = [];
    const fromFile = (file.path ?? '').replace(/^\/+/, '');
    visitParents(tree, (node) => node.type === 'wikiLink' || node.type === 'link', (node, ancestors) => {
      if (node.type === 'link') {
        const written = (node as Link).url;
        const link = resolveMarkdownLink(node as Link, fromFile, options, file);
        if (link) {
          pathLinks.push(written);
          if (link.kind !== 'unresolved') found.push({ node: node as Link, block: nearestBlock(ancestors), link, written });
        }
        return;
      }
      const wikiLink = node as WikiLinkNode;
      const link = resolveWikiLink(wikiLink.value, options.index);
      renderLink(wikiLink, link, options.base);
      found.push({ node: wikiLink, block: nearestBlock(ancestors), link });
    });
    // `[[#heading]]` needs the page's heading ids, which depend on the labels of links inside
    // headings: so those links are resolved again once every label is known.
    const headingIds = headingIdsOf(tree);
    for (const entry of found) {
      if (entry.node.type !== 'wikiLink' || !entry.node.value.trimStart().startsWith('#')) continue;
      entry.link = resolveWikiLink(entry.node.value, options.index, headingIds);
      renderLink(entry.node, entry.link, options.base);
    }
    const blockTexts = new Map<Parent, BlockText>();
    const occurrences = found.map(({ node, block, link, written }): WikiLinkOccurrence => {
      let blockText = blockTexts.get(block);
      if (!blockText) {
        blockText = textOfBlock(block);
        blockTexts.set(block, blockText);
      }
      const [start, end] = blockText.spans.get(node) ?? [0, 0];
      const context = linkContext(blockText.text, start, end);
      const line = node.position?.start.line;
      return node.type === 'wikiLink'
        ? { text: node.value, link, context, line }
        : { text: link.label, link, context, line, path: written ?? node.url };
    });
    file.data.wikiLinks = occurrences;
    file.data.pathLinks = pathLinks;
  };
};

/**
 * Resolves and renders a Markdown link if it is written to a path; undefined for URLs and
 * fragments, which stay as written.
 */
function resolveMarkdownLink(node: Link, fromFile: string, options: RemarkResolveWikiLinksOptions, file: VFile): ResolvedPathLink | undefined {
  if (!isPathLink(node.url)) return undefined;
  const label = toString(node);
  const link = resolvePathLink(node.url, fromFile, options.index, label, options.base);
  if (link.kind === 'unresolved') {
    file.message(
      `the Markdown link [${label}](${node.url}) leads to no note: nothing has the file path or title ${link.path.slice(1) || '/'}. ` +
        'It is shown as text. Link to a note by its file path or title, e.g. [text](folder/Note.md) or [[Note]], or to a full https:// URL',
      node,
      UNRESOLVED_PATH_LINK_RULE,
    );
    node.data = {
      ...node.data,
      hName: 'span',
      hProperties: { href: undefined, title: `No page on this site: ${node.url}`, className: [UNRESOLVED_PATH_LINK_CLASS] },
    };
    return link;
  }
  node.url = hrefFor(link, options.base);
  node.data = { ...node.data, hProperties: { className: classesFor(link) } };
  return link;
}

/**
 * The ids the page's headings will get, made the way Astro's `rehypeHeadingIds` makes them:
 * from the text the reader sees (link labels, not link sources), unique in document order.
 */
function headingIdsOf(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(tree, 'heading', (heading) => {
    ids.add(slugger.slug(textOfBlock(heading).text));
  });
  return ids;
}

function renderLink(node: WikiLinkNode, link: ResolvedWikiLink, base: string): void {
  node.data = {
    ...node.data,
    hName: 'a',
    hProperties: { href: hrefFor(link, base), className: classesFor(link) },
    hChildren: [{ type: 'text', value: link.label }],
  };
}

function hrefFor(link: ResolvedWikiLink, base: string): string {
  if (link.kind === 'same-page-heading') return `#${link.headingId}`;
  if (link.kind === 'note') return hrefForSlug(link.note.slug, base) + (link.headingId ? `#${link.headingId}` : '');
  return hrefForSlug(link.slug, base);
}

function classesFor(link: ResolvedWikiLink): string[] {
  if (link.kind === 'missing') return [WIKI_LINK_CLASS, MISSING_LINK_CLASS];
  if (link.kind === 'ambiguous') return [WIKI_LINK_CLASS, AMBIGUOUS_LINK_CLASS];
  return [WIKI_LINK_CLASS];
}

const EMBED = /!\[\[([^[\]\n]+)\]\]/g;

function splitEmbeds(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('![[')) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(EMBED)) {
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
      parts.push({ type: 'wikiLink', value: match[1] ?? '', data: { embed: true }, position: embedPosition(node, match.index, match[0].length) });
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
}

/** The embed's own place: the text node may start lines above it. */
function embedPosition(node: Text, index: number, length: number): WikiLinkNode['position'] {
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

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

function nearestBlock(ancestors: Parent[]): Parent {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i];
    if (ancestor && BLOCK_TYPES.has(ancestor.type)) return ancestor;
  }
  // Unreachable for Markdown (links are phrasing content), but fall back to the root.
  return ancestors[0] as Parent;
}
