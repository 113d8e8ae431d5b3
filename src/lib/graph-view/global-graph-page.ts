// Bundled for the browser: imports nothing from node:*.
/**
 * What the page of the global graph (`scripts/global-graph.ts`) shows besides the drawing:
 * how many pages are drawn, the page a link's fragment (`#note=<slug>`) focuses, the titles
 * matching a search (best first), and the legend of the named communities. Pure, so tested
 * without a browser.
 */
import { isMissingAt, slugAt, type GraphData } from '../graph/graph-data.ts';
import { rankTitleMatches } from './graph-search.ts';
import type { NoteSlug } from '../titles/slugs.ts';

/** A page as the global graph's page lists it: a link to it. */
export interface PageRef {
  slug: NoteSlug;
  title: string;
  kind: 'note' | 'missing';
}

/** A named community in the legend: its best-linked notes and how many notes it has. */
export interface LegendGroup {
  community: number;
  leaders: PageRef[];
  noteCount: number;
}

/** The pages drawn: the notes, and the missing titles only when asked for (they come after the notes). */
export function shownPageCount(data: Pick<GraphData, 'titles' | 'noteCount'>, showMissing: boolean): number {
  return showMissing ? data.titles.length : data.noteCount;
}

/** The page a URL's fragment asks to focus (`#note=<slug>`): a fragment, not a query, so one URL serves crawlers and caches. */
export function focusedSlugFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.slice(1)).get('note') ?? undefined;
}

/** The pages whose titles contain `query`, best first (graph-search.ts), at most `limit`, among the pages drawn. */
export function titleMatches(data: Pick<GraphData, 'titles' | 'slugs' | 'noteCount'>, query: string, showMissing: boolean, limit: number): { slug: NoteSlug; title: string }[] {
  return rankTitleMatches(data.titles, query, shownPageCount(data, showMissing), limit).map((index) => ({ slug: slugAt(data, index), title: data.titles[index]! }));
}

/** The matches offered after the reader picked `chosen` from `others`: the rest, in their order. */
export function othersAfterChoosing<Match>(others: readonly Match[], chosen: Match): Match[] {
  return others.filter((other) => other !== chosen);
}

/** The page at `index` of the graph file, as a link. */
export function pageRefAt(data: Pick<GraphData, 'titles' | 'slugs' | 'noteCount'>, index: number): PageRef {
  return { slug: slugAt(data, index), title: data.titles[index]!, kind: isMissingAt(data, index) ? 'missing' : 'note' };
}

/** The legend: each named community with its leaders and its number of notes, and the number of notes in none (-1). */
export function communityLegend(
  data: Pick<GraphData, 'titles' | 'slugs' | 'noteCount' | 'communities' | 'communityLeaders'>,
): { groups: LegendGroup[]; otherNotes: number } {
  const notesIn = new Map<number, number>();
  for (let index = 0; index < data.noteCount; index++) notesIn.set(data.communities[index]!, (notesIn.get(data.communities[index]!) ?? 0) + 1);
  const groups = data.communityLeaders.map((leaders, community) => ({
    community,
    leaders: leaders.map((index) => pageRefAt(data, index)),
    noteCount: notesIn.get(community) ?? 0,
  }));
  return { groups, otherNotes: notesIn.get(-1) ?? 0 };
}
