/**
 * The wiki's structure as the graph views draw it: its communities, then a layout that
 * places each community together. Pure and seeded: the same notes give the same structure,
 * in this thread or in a worker thread (`structure-worker.ts`).
 */
import type { GraphLinkData } from './graph-data.ts';
import { findCommunities, type Communities } from './graph-communities.ts';
import { layoutGraph } from './graph-layout.ts';

export interface GraphStructure {
  positions: number[];
  communities: Communities;
}

export function computeStructure(data: GraphLinkData): GraphStructure {
  const communities = findCommunities(data);
  const positions = layoutGraph(data, { communities: communities.ofPage });
  return { positions, communities };
}

/** The build log's line about the communities found. */
export function communitiesLine({ communities }: GraphStructure): string {
  return `Graph communities: ${communities.count.toLocaleString('en')} (${communities.leaders.length} named), modularity ${communities.modularity.toFixed(3)}`;
}
