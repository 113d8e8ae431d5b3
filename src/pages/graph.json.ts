/**
 * The link graph for the graph views (local graph on every page, `/graph/`): one static
 * file, fetched once and cached by the browser, in the compact form of src/lib/graph/graph-data.ts,
 * with the build's layout and communities.
 */
import { allPages, isNote } from '../data/pages.ts';
import { buildGraphData, type GraphData, type GraphPage } from '../lib/graph/graph-data.ts';
import { cachedStructure } from '../data/graph-layout-cache.ts';

export async function GET(): Promise<Response> {
  const pages: GraphPage[] = (await allPages()).map((entry) => ({
    slug: entry.id,
    title: entry.data.title,
    kind: entry.data.kind,
    outgoing: isNote(entry) ? entry.data.outgoing : undefined,
  }));
  const data = buildGraphData(pages);
  const { positions, communities } = await cachedStructure(data);
  const graph: GraphData = {
    ...data,
    positions,
    communities: communities.ofPage,
    communityLeaders: communities.leaders,
    modularity: Math.round(communities.modularity * 10_000) / 10_000,
  };
  return new Response(JSON.stringify(graph), { headers: { 'content-type': 'application/json' } });
}
