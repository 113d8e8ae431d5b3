/**
 * Scrapbox's 2-hop links: notes related to this one because they link to the same page.
 * For each page X this note links to (a note or a missing title), the other notes that also
 * link to X, grouped under X. Notes already linked directly (either way) are not repeated,
 * and a hub's group is cut to a few notes with a count, so a page stays small.
 */
import { compareTitles, type LinkGraph } from './link-graph.ts';
import type { NoteSlug } from '../titles/slugs.ts';

export interface PageLabel {
  slug: NoteSlug;
  title: string;
  isMissing: boolean;
}

export interface TwoHopGroup {
  /** The page both this note and the listed notes link to. */
  via: PageLabel;
  /** The first notes, by title, up to the cap. */
  notes: { slug: NoteSlug; title: string }[];
  /** How many notes the group has in all. */
  total: number;
}

/** How many notes a group shows before "show all". */
export const TWO_HOP_GROUP_CAP = 8;
/** How many groups a page shows, the most specific first; the rest are counted. */
export const TWO_HOP_GROUPS_SHOWN = 30;

export function twoHopLinks(
  slug: NoteSlug,
  graph: LinkGraph,
  pageLabel: (slug: NoteSlug) => PageLabel,
  cap = TWO_HOP_GROUP_CAP,
): TwoHopGroup[] {
  const outgoing = graph.outgoingBySlug.get(slug) ?? [];
  const direct = new Set<NoteSlug>([slug, ...outgoing]);
  for (const backlink of graph.backlinksBySlug.get(slug) ?? []) direct.add(backlink.sourceSlug);
  const groups: TwoHopGroup[] = [];
  for (const target of outgoing) {
    const others = (graph.backlinksBySlug.get(target) ?? [])
      .filter((backlink) => !direct.has(backlink.sourceSlug))
      .map((backlink) => ({ slug: backlink.sourceSlug, title: backlink.sourceTitle }));
    if (others.length === 0) continue;
    groups.push({ via: pageLabel(target), notes: others.slice(0, cap), total: others.length });
  }
  // The most specific connections first: a link shared with few notes says more.
  return groups.sort((a, b) => a.total - b.total || compareTitles(a.via.title, b.via.title));
}
