/**
 * A build's loader step: once the links are known, the global graph is laid out in a worker
 * thread while Astro bundles and generates the other pages, and stored in the build cache
 * for `/graph.json` (`loader-handoff.ts`). Skipped when the cache file already holds
 * this graph's layout. It never fails the load: a failure is logged, and the page lays the
 * graph out itself.
 */
import type { GraphPage } from '../lib/graph/graph-data.ts';
import { buildGraphData } from '../lib/graph/graph-data.ts';
import { communitiesLine } from '../lib/graph/graph-structure-layout.ts';
import { structureInWorker } from '../lib/graph/structure-in-worker.ts';
import { setLayoutAhead, storedStructure, storeStructure, structureKey } from '../loader-handoff.ts';
import { join } from 'node:path';
import { LAYOUT_FILE } from '../lib/cache/cache-files.ts';

export async function layOutGraphAhead(pages: readonly GraphPage[], cacheDir: string, log: (line: string) => void): Promise<void> {
  const data = buildGraphData(pages);
  const file = join(cacheDir, LAYOUT_FILE);
  const key = structureKey(data);
  const unreadable = () => log(`The graph layout cache ${file} cannot be read: it is ignored, the graph is laid out again.`);
  if (await storedStructure(file, key, data, unreadable)) return;
  setLayoutAhead(
    structureInWorker(data)
      .then(async (structure) => {
        log(`${communitiesLine(structure)} (laid out while the pages were generated)`);
        await storeStructure(file, key, structure);
      })
      .catch((error: unknown) => log(`The graph could not be laid out ahead (${String(error)}): the graph page lays it out itself.`)),
  );
}
