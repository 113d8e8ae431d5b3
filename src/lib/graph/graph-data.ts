// Bundled for the browser: imports nothing from node:*.
/**
 * The link graph as one compact file for the graph views (`/graph.json`): pages by index,
 * each note's links as lists of indices, and a layout position per page. Arrays, not an
 * object per page or link, so the file for 24,000 notes stays a few MB and gzips well.
 *
 * Pages come in two runs: notes and disambiguation pages (indices below `noteCount`), then
 * missing titles, so a view can leave the missing ones out by cutting at `noteCount`.
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
}

export const GRAPH_DATA_VERSION = 1;

/**
 * The slug most titles get (lower case, spaces as `_`). Only a shortcut for the file: where
 * the real slug differs (hashes, full-width `＃`, Unicode forms), the file spells it out.
 */
export function plainSlug(title: string): string {
  return title.toLowerCase().replace(/ /g, '_');
}

/** Positions are left out here: `layoutGraph` computes them from what this returns. */
export function buildGraphData(pages: readonly GraphPage[]): Omit<GraphData, 'positions'> {
  const ordered = [...pages.filter((page) => page.kind !== 'missing'), ...pages.filter((page) => page.kind === 'missing')];
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
