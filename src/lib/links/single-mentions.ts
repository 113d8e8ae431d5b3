/**
 * Scrapbox's rule for a title no note has: it gets a page only when two notes or more link
 * to it. A page for a title one note links would list only that note, the one the reader
 * came from (three quarters of the real wiki's missing titles, 44 % of its pages). Such a
 * title is "mentioned only here": its links are drawn apart (`single-mention-html.ts`) and
 * the search's title list leads to the mention instead.
 *
 * A note counts once however often it links the title, and every way of linking counts:
 * `[[links]]`, `![[embeds]]`, `#hashtags` and frontmatter tags. A note's link to its own
 * title is not to a missing title at all.
 */
import type { LinkGraph } from './link-graph.ts';
import type { NoteSlug } from '../titles/slugs.ts';
import type { TitleKey } from '../titles/titles.ts';

/** A title no note has, linked from one note only. */
export interface SingleMention {
  /** The URL its page would have, and has again once a second note links it. */
  slug: NoteSlug;
  key: TitleKey;
  /** The title as written in the link. */
  title: string;
  /** The one note that links it. */
  sourceSlug: NoteSlug;
}

/** The missing titles of the graph that exactly one note links, by slug, in the graph's order. */
export function singleMentionsOf(graph: LinkGraph): Map<NoteSlug, SingleMention> {
  const mentions = new Map<NoteSlug, SingleMention>();
  for (const missing of graph.missingPages) {
    const backlinks = graph.backlinksBySlug.get(missing.slug) ?? [];
    if (backlinks.length !== 1) continue;
    mentions.set(missing.slug, { slug: missing.slug, key: missing.key, title: missing.title, sourceSlug: backlinks[0]!.sourceSlug });
  }
  return mentions;
}

/**
 * The graph of the pages the site has: the single mentions' pages gone, with their backlinks,
 * and left out of each note's outgoing links (so no graph view, 2-hop list or page links to
 * them; a title one note links relates no two notes anyway).
 */
export function withoutSingleMentions(graph: LinkGraph, mentions: ReadonlyMap<NoteSlug, SingleMention>): LinkGraph {
  if (mentions.size === 0) return graph;
  const backlinksBySlug = new Map([...graph.backlinksBySlug].filter(([slug]) => !mentions.has(slug)));
  const outgoingBySlug = new Map(
    [...graph.outgoingBySlug].map(([slug, outgoing]) => [slug, outgoing.some((target) => mentions.has(target)) ? outgoing.filter((target) => !mentions.has(target)) : outgoing]),
  );
  return { backlinksBySlug, outgoingBySlug, missingPages: graph.missingPages.filter((missing) => !mentions.has(missing.slug)) };
}
