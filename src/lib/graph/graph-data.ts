// Bundled for the browser: imports nothing from node:*.
/**
 * The link graph as one compact file for the graph views (`/graph.json`): pages by index,
 * each note's links as lists of indices, and a layout position per page. Arrays, not an
 * object per page or link, so the file for 24,000 notes stays a few MB and gzips well.
 *
 * Pages come in two runs: notes and disambiguation pages (indices below `noteCount`), then
 * missing titles, so a view can leave the missing ones out by cutting at `noteCount`; each run
 * is in slug order, so the file does not depend on the order the notes were read in.
 */
import type { NoteSlug } from '../titles/slugs.ts';

export interface GraphPage {
  slug: string;
  title: string;
  kind: 'note' | 'missing' | 'disambiguation';
  /** The distinct pages a note links to (notes only). */
  outgoing?: readonly string[] | undefined;
}

export interface GraphData {
  /** Bumped when the format changes, so a view can refuse a file it cannot read. */
  version: typeof GRAPH_DATA_VERSION;
  /** Page titles, by index. */
  titles: string[];
  /** Each page's slug, or 0 where it is `plainSlug(title)` (most pages): the file stays small. */
  slugs: (string | 0)[];
  /** Pages below this index are notes (or disambiguation pages); the rest are missing titles. */
  noteCount: number;
  /** For each note (index below `noteCount`), the indices of the pages it links to. */
  links: number[][];
  /** Layout position of every page, flattened `[x0, y0, x1, y1, …]`, rounded to integers. */
  positions: number[];
  /** Each page's community (graph-communities.ts), largest first; -1 for a page in no named community. */
  communities: number[];
  /** For each named community, the indices of its best-linked notes, best first: its name. */
  communityLeaders: number[][];
  /** The modularity of the partition the communities come from, to 4 decimals. */
  modularity: number;
}

/** What the notes and their links give, before the build lays them out and finds their communities. */
export type GraphLinkData = Pick<GraphData, 'version' | 'titles' | 'slugs' | 'noteCount' | 'links'>;

export const GRAPH_DATA_VERSION = 2;

/** Communities named and coloured at most: a reader tells a dozen colours apart, not more (the CSS has a colour for each). */
export const MAX_NAMED_COMMUNITIES = 12;

/**
 * The slug most titles get (lower case, spaces as `_`). Only a shortcut for the file: where
 * the real slug differs (hashes, full-width `＃`, Unicode forms), the file spells it out.
 */
export function plainSlug(title: string): string {
  return title.toLowerCase().replace(/ /g, '_');
}

const bySlug = (a: GraphPage, b: GraphPage) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** Positions and communities are left out here: `layoutGraph` and `findCommunities` compute them from what this returns. */
export function buildGraphData(pages: readonly GraphPage[]): GraphLinkData {
  const ordered = [...pages.filter((page) => page.kind !== 'missing').sort(bySlug), ...pages.filter((page) => page.kind === 'missing').sort(bySlug)];
  const indexBySlug = new Map(ordered.map((page, index) => [page.slug, index]));
  const noteCount = ordered.findIndex((page) => page.kind === 'missing');
  return {
    version: GRAPH_DATA_VERSION,
    titles: ordered.map((page) => page.title),
    slugs: ordered.map((page) => (page.slug === plainSlug(page.title) ? 0 : page.slug)),
    noteCount: noteCount < 0 ? ordered.length : noteCount,
    links: ordered
      .slice(0, noteCount < 0 ? ordered.length : noteCount)
      .map((page) => (page.outgoing ?? []).flatMap((slug) => indexBySlug.get(slug) ?? [])),
  };
}

/** The slug of page `index`: the build wrote the slugs its title rules made. */
export function slugAt(data: Pick<GraphData, 'titles' | 'slugs'>, index: number): NoteSlug {
  return (data.slugs[index] || plainSlug(data.titles[index]!)) as NoteSlug;
}

export function isMissingAt(data: Pick<GraphData, 'noteCount'>, index: number): boolean {
  return index >= data.noteCount;
}

/** Every link once, as `[from, to]` pairs; with `notesOnly`, links to missing titles are left out. */
export function* linkPairs(data: Pick<GraphData, 'links' | 'noteCount'>, notesOnly = false): Generator<[number, number]> {
  for (let from = 0; from < data.links.length; from++) {
    for (const to of data.links[from]!) if (!notesOnly || to < data.noteCount) yield [from, to];
  }
}
