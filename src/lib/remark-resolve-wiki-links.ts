/**
 * Remark plugin that runs after `remark-wiki-link` has parsed `[[links]]` into `wikiLink`
 * nodes: resolves each through `resolveWikiLink`, renders it as an `<a>`, and records every
 * link with its context in `file.data.wikiLinks` for the link graph.
 *
 * It also reads `![[embeds]]`, which micromark cannot parse as a wiki link because `![`
 * starts an image: they are rendered as ordinary wiki links (a documented fallback) so the
 * link is neither lost nor left as raw text.
 */
import type { Data, Literal, Parent, PhrasingContent, Root, Text } from 'mdast';
import GithubSlugger from 'github-slugger';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { textOfBlock, type BlockText } from './block-text.ts';
import { linkContext, type LinkContext } from './link-context.ts';
import { hrefForSlug } from './slugs.ts';
import type { TitleIndex } from './title-index.ts';
import { resolveWikiLink, type ResolvedWikiLink } from './wiki-links.ts';

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
}

declare module 'vfile' {
  interface DataMap {
    wikiLinks: WikiLinkOccurrence[];
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

export const remarkResolveWikiLinks: Plugin<[RemarkResolveWikiLinksOptions], Root> = (options) => {
  return (tree, file) => {
    splitEmbeds(tree);
    // Render every link first: a block's text, shared by its links' contexts, uses their labels.
    const found: { node: WikiLinkNode; block: Parent; link: ResolvedWikiLink }[] = [];
    visitParents(tree, 'wikiLink', (node, ancestors) => {
      const link = resolveWikiLink(node.value, options.index);
      renderLink(node, link, options.base);
      found.push({ node, block: nearestBlock(ancestors), link });
    });
    // `[[#heading]]` needs the page's heading ids, which depend on the labels of links inside
    // headings: so those links are resolved again once every label is known.
    const headingIds = headingIdsOf(tree);
    for (const entry of found) {
      if (!entry.node.value.trimStart().startsWith('#')) continue;
      entry.link = resolveWikiLink(entry.node.value, options.index, headingIds);
      renderLink(entry.node, entry.link, options.base);
    }
    const blockTexts = new Map<Parent, BlockText>();
    const occurrences = found.map(({ node, block, link }): WikiLinkOccurrence => {
      let blockText = blockTexts.get(block);
      if (!blockText) {
        blockText = textOfBlock(block);
        blockTexts.set(block, blockText);
      }
      const [start, end] = blockText.spans.get(node) ?? [0, 0];
      return { text: node.value, link, context: linkContext(blockText.text, start, end), line: node.position?.start.line };
    });
    file.data.wikiLinks = occurrences;
  };
};

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
  const href =
    link.kind === 'same-page-heading'
      ? `#${link.headingId}`
      : link.kind === 'note'
        ? hrefForSlug(link.note.slug, base) + (link.headingId ? `#${link.headingId}` : '')
        : hrefForSlug(link.slug, base);
  const className =
    link.kind === 'missing'
      ? [WIKI_LINK_CLASS, MISSING_LINK_CLASS]
      : link.kind === 'ambiguous'
        ? [WIKI_LINK_CLASS, AMBIGUOUS_LINK_CLASS]
        : [WIKI_LINK_CLASS];
  node.data = {
    ...node.data,
    hName: 'a',
    hProperties: { href, className },
    hChildren: [{ type: 'text', value: link.label }],
  };
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
