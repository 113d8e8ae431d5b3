/**
 * A worker thread that renders notes (see render-pool.ts). It builds the same title index
 * from the same titles, so its links resolve exactly as the main thread's would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNoteRenderer, type NoteRendererOptions } from '../lib/markdown/note-renderer.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import { buildTitleIndex, type IndexedNote } from '../lib/titles/title-index.ts';
import { renderJob } from './render-job.ts';

export interface RenderWorkerData {
  notes: IndexedNote[];
  base: string;
  options: NoteRendererOptions;
  /** Tests only: a note whose text holds this string holds the worker until it is stopped, as a parser that never ends would. */
  stallOn?: string;
}
export interface RenderBatch {
  jobs: { filePath: string; markdown: string }[];
}
/** `ready` once, then a `result` per note of each batch in order, or an `error`. */
export type RenderWorkerMessage = { kind: 'ready' } | { kind: 'result'; result: RenderedNote } | { kind: 'error'; error: string };

const { notes, base, options, stallOn } = workerData as RenderWorkerData;
const index = buildTitleIndex(notes);
const renderer = await createNoteRenderer(index, base, options);
const post = (message: RenderWorkerMessage) => parentPort!.postMessage(message);
parentPort!.on('message', async ({ jobs }: RenderBatch) => {
  try {
    for (const job of jobs) {
      if (stallOn !== undefined && job.markdown.includes(stallOn)) for (;;);
      post({ kind: 'result', result: await renderJob(renderer, job, index, base) });
    }
  } catch (error) {
    post({ kind: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
post({ kind: 'ready' });
