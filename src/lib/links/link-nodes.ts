// Bundled for the browser: imports nothing from node:*.
/**
 * What a link is between the Markdown tree, the link graph and the page: the `wikiLink` node
 * that `remark-wiki-link` makes (and `![[embeds]]` become), the occurrence the renderer records
 * for every link it resolves, and the CSS classes a rendered link carries. Types and names
 * only, so the modules that share them (plugins, link graph, sanitizer) import no plugin.
 */
import type { Data, Literal, Node } from 'mdast';
import type { LinkContext } from './link-context.ts';
import type { ResolvedWikiLink } from './resolved-wiki-link.ts';

export interface WikiLinkData extends Data {
  /** Written `![[…]]`. */
  embed?: boolean;
  /** Written as a hashtag: the tag as written, `#` included (`markdown/links/hashtags.ts`). */
  hashtag?: string;
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

/**
 * Where an embedded file (`![[picture.png]]`, `![alt](images/p.png)`) goes: rendered as the
 * marker element its data names (`embeds/embed-markers.ts`), filled in when the page is
 * assembled. Not a link: a file is not a page.
 */
export interface EmbedSlotNode extends Node {
  type: 'embedSlot';
  data: {
    hName: 'span';
    hProperties: Record<string, string>;
    hChildren: { type: 'text'; value: string }[];
  };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLinkNode;
    embedSlot: EmbedSlotNode;
  }
  interface RootContentMap {
    wikiLink: WikiLinkNode;
    embedSlot: EmbedSlotNode;
  }
}

/** One link of a note, wiki link or Markdown link to a path, as the link graph reads it. */
export interface WikiLinkOccurrence {
  /** The text between the brackets, as written. */
  text: string;
  link: ResolvedWikiLink;
  context: LinkContext;
  /** 1-based line in the Markdown body. */
  line: number | undefined;
  /** Written as a Markdown link to this path rather than as a `[[wiki link]]`. */
  path?: string;
  /** Written as a `#hashtag` in the text or a `tags:` entry in the frontmatter. */
  tag?: 'hashtag' | 'frontmatter';
  /** Written as an embed, `![[…]]`: it counts as a link like any other. */
  embed?: true;
}

declare module 'vfile' {
  interface DataMap {
    wikiLinks: WikiLinkOccurrence[];
    /** The destination of every Markdown link to a path, resolved or not, in order. */
    pathLinks: string[];
  }
}

export const WIKI_LINK_CLASS = 'wiki-link';
/** A link written as a hashtag (`#word`) or a frontmatter tag. */
export const HASHTAG_CLASS = 'hashtag';
export const MISSING_LINK_CLASS = 'wiki-link-missing';
/**
 * A link to a title no note has that only this note links (`single-mentions.ts`): no page,
 * so it is drawn as text with a tooltip, as Scrapbox draws a link no other page shares.
 */
export const SINGLE_MENTION_CLASS = 'wiki-link-single-mention';
/**
 * The ids of single mentions in a note, `mention:1`, `mention:2`…: a heading id never holds `:`.
 * The search's title list stores only the number (`search/title-list.ts`).
 */
export const MENTION_ID_PREFIX = 'mention:';
/** A link to a title several notes share: it goes to the page that lists them. */
export const AMBIGUOUS_LINK_CLASS = 'wiki-link-ambiguous';
/** A Markdown link to a path where the site has no page: shown as text. */
export const UNRESOLVED_PATH_LINK_CLASS = 'path-link-unresolved';
/** The rule id of the warning for such a link (`file.message(…, ruleId)`). */
export const UNRESOLVED_PATH_LINK_RULE = 'unresolved-path-link';
