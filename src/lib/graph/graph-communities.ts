/**
 * The wiki's communities, computed at build time for `/graph/`: Louvain
 * (graphology-communities-louvain) over the structure graph (graph-structure.ts: notes, links,
 * shared missing titles), from a seeded random generator, so the same notes always give the
 * same partition. The large communities are numbered largest first and named by their
 * best-linked notes; the small ones (a note alone, a pair) are not told apart.
 */
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { MAX_NAMED_COMMUNITIES, type GraphLinkData } from './graph-data.ts';
import { mulberry32 } from './seeded-random.ts';
import { structureGraph } from './graph-structure.ts';

/** Note titles a community is named by. */
export const LEADERS_PER_COMMUNITY = 3;

export interface CommunityOptions {
  seed?: number;
  /** A community is named when it holds at least this many notes; by default 1% of the notes, and at least 3. */
  minNotes?: number;
  maxNamed?: number;
}

export interface Communities {
  /** Each page's community, by page index: 0 is the largest; -1 a page in no named community. */
  ofPage: number[];
  /** For each named community, its best-linked notes (page indices), best first. */
  leaders: number[][];
  /** How many communities Louvain found, small ones included. */
  count: number;
  /** Newman's modularity of Louvain's partition (of every community, not only the named). */
  modularity: number;
}

export function defaultMinNotes(noteCount: number): number {
  return Math.max(3, Math.round(noteCount / 100));
}

export function findCommunities(data: GraphLinkData, options: CommunityOptions = {}): Communities {
  const graph = structureGraph(data);
  if (graph.size === 0) return { ofPage: data.titles.map(() => -1), leaders: [], count: graph.order, modularity: 0 };
  const detailed = louvain.detailed(graph, { rng: mulberry32(options.seed ?? 1) });
  const found = new Int32Array(data.titles.length).fill(-1);
  for (const [node, community] of Object.entries(detailed.communities)) found[Number(node)] = community;
  // A missing title only one note cites goes with that note.
  data.links.forEach((targets, from) => {
    for (const to of targets) if (found[to] === -1) found[to] = found[from]!;
  });

  const named = rankCommunities(found, data.noteCount, options.minNotes ?? defaultMinNotes(data.noteCount), options.maxNamed ?? MAX_NAMED_COMMUNITIES);
  const rankOf = new Map(named.map((community, rank) => [community, rank]));
  const ofPage = Array.from(found, (community) => rankOf.get(community) ?? -1);
  const leaders = communityLeaders(graph, ofPage, named.length, data.noteCount, data.titles);
  return { ofPage, leaders, count: detailed.count, modularity: detailed.modularity };
}

/** The communities with at least `minNotes` notes, most notes first (ties: the one whose first note comes first). */
function rankCommunities(found: Int32Array, noteCount: number, minNotes: number, maxNamed: number): number[] {
  const notes = new Map<number, { count: number; first: number }>();
  for (let index = 0; index < noteCount; index++) {
    const entry = notes.get(found[index]!);
    if (entry) entry.count++;
    else notes.set(found[index]!, { count: 1, first: index });
  }
  return [...notes]
    .filter(([community, { count }]) => community >= 0 && count >= minNotes)
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .slice(0, maxNamed)
    .map(([community]) => community);
}

/**
 * A title that is a date, or a diary page's (`Diary 2024-07-02`, `2024/07/02`, `日記 2024年7月2日`):
 * a diary links to everything of its day, so it is often a community's best-linked note, yet
 * its title says nothing of what the community is about.
 */
export function isDatedTitle(title: string): boolean {
  return /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日/.test(title);
}

/**
 * A community's best-linked notes: most links within the community, then most links in all;
 * dated titles (diaries) only where too few others are left, missing titles only where the
 * community has too few notes.
 */
function communityLeaders(graph: Graph, ofPage: readonly number[], namedCount: number, noteCount: number, titles: readonly string[]): number[][] {
  const members: { index: number; inside: number; degree: number; dated: boolean }[][] = Array.from({ length: namedCount }, () => []);
  graph.forEachNode((node) => {
    const index = Number(node);
    const community = ofPage[index]!;
    if (community < 0) return;
    let inside = 0;
    graph.forEachNeighbor(node, (neighbour) => {
      if (ofPage[Number(neighbour)] === community) inside++;
    });
    members[community]!.push({ index, inside, degree: graph.degree(node), dated: isDatedTitle(titles[index] ?? '') });
  });
  return members.map((list) =>
    list
      .sort(
        (a, b) =>
          Number(b.index < noteCount) - Number(a.index < noteCount) ||
          Number(a.dated) - Number(b.dated) ||
          b.inside - a.inside ||
          b.degree - a.degree ||
          a.index - b.index,
      )
      .slice(0, LEADERS_PER_COMMUNITY)
      .map((member) => member.index),
  );
}
