/**
 * A worker thread that renders notes (see render-pool.ts). It builds the same title index
 * from the same titles, so its links resolve exactly as the main thread's would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNoteRenderer, type NoteRendererOptions, type RenderedNote } from '../lib/markdown/note-renderer.ts';
import { buildTitleIndex, type IndexedNote } from '../lib/titles/title-index.ts';
import { renderJob } from './render-pool.ts';

export interface RenderWorkerData {
  notes: IndexedNote[];
  base: string;
  options: NoteRendererOptions;
}
export interface RenderBatch {
  batchId: number;
  jobs: { filePath: string; markdown: string }[];
}
export type RenderBatchResult = { batchId: number; results: RenderedNote[] } | { batchId: number; error: string };

const { notes, base, options } = workerData as RenderWorkerData;
const index = buildTitleIndex(notes);
const renderer = await createNoteRenderer(index, base, options);
parentPort!.on('message', async ({ batchId, jobs }: RenderBatch) => {
  try {
    const results: RenderedNote[] = [];
    for (const job of jobs) results.push(await renderJob(renderer, job, index, base));
    parentPort!.postMessage({ batchId, results } satisfies RenderBatchResult);
  } catch (error) {
    parentPort!.postMessage({ batchId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderBatchResult);
  }
});
