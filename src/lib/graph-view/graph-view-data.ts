// Bundled for the browser: imports nothing from node:*.
/**
 * What the graph views compute from `graph.json` before anything is drawn (`scripts/graph-view.ts`
 * and the local and global graphs): dot sizes, link counts, the landmarks of the global graph and
 * its communities' names. Pure, so it is tested without a browser.
 */
import type { GraphData } from '../graph/graph-data.ts';
import { shortLabel } from './label-placement.ts';

/** A community's name on the global graph, written over its notes at the overview zoom. */
export interface CommunityName {
  community: number;
  /** The name, then shorter forms tried where it does not fit. */
  texts: string[];
  /** Where its notes are, in graph coordinates. */
  x: number;
  y: number;
}

/** Better-linked pages are drawn bigger; `minimum` is bigger on the local graph, which has few. */
export function nodeSize(degree: number, minimum: number, scale: number): number {
  return Math.min(minimum + Math.sqrt(degree) * scale, 16);
}

/** Each page's links, in and out, among the first `pageCount` pages (the global graph leaves the missing titles out unless asked). */
export function pageDegrees(data: Pick<GraphData, 'titles' | 'links'>, pageCount: number): Uint32Array {
  const degree = new Uint32Array(data.titles.length);
  for (let from = 0; from < data.links.length; from++) {
    for (const to of data.links[from]!) {
      if (to >= pageCount) continue;
      degree[from]!++;
      degree[to]!++;
    }
  }
  return degree;
}

/** The `count` best-linked notes, ties by index: labelled at every zoom on the global graph. */
export function landmarkNotes(noteCount: number, degree: ArrayLike<number>, count: number): number[] {
  return Array.from({ length: noteCount }, (_, index) => index)
    .sort((a, b) => degree[b]! - degree[a]! || a - b)
    .slice(0, count);
}

/** Each named community's name (its two best-linked notes, or one where two do not fit) at the middle of its notes. */
export function communityNames(data: Pick<GraphData, 'communityLeaders' | 'noteCount' | 'communities' | 'positions' | 'titles'>): CommunityName[] {
  return data.communityLeaders.map((leaders, community) => {
    let x = 0;
    let y = 0;
    let count = 0;
    for (let index = 0; index < data.noteCount; index++) {
      if (data.communities[index] !== community) continue;
      x += data.positions[index * 2]!;
      y -= data.positions[index * 2 + 1]!;
      count++;
    }
    const titles = leaders.map((index) => shortLabel(data.titles[index]!, 24));
    const texts = [titles.slice(0, 2).join(' · '), titles[0]!].filter((text, at, all) => text && all.indexOf(text) === at);
    return { community, texts, x: x / (count || 1), y: y / (count || 1) };
  });
}
