/**
 * The graph's structure computed in a worker thread, so that laying out 24,000 notes (about
 * 30 s) runs on the other core while the build bundles and generates the other pages.
 */
import { Worker } from 'node:worker_threads';
import type { GraphLinkData } from './graph-data.ts';
import type { GraphStructure } from './graph-structure-layout.ts';

export function structureInWorker(data: GraphLinkData): Promise<GraphStructure> {
  const worker = new Worker(new URL('./structure-worker.ts', import.meta.url), { workerData: data });
  return new Promise<GraphStructure>((resolve, reject) => {
    worker.once('message', (structure: GraphStructure) => resolve(structure));
    worker.once('error', (error) => reject(new Error(`the graph layout worker stopped: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => reject(new Error(`the graph layout worker exited with code ${code} before it answered`)));
  }).finally(() => void worker.terminate());
}
