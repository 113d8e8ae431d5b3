/**
 * Renders many notes on all cores: worker threads, each with the whole title index, take
 * batches of notes from a shared queue. Few notes, or one core, render in this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createNoteRenderer, type NoteRenderer, type NoteRendererOptions, type RenderedNote } from '../lib/markdown/note-renderer.ts';
import { renderLargeNote } from '../lib/markdown/note-parts.ts';
import { PLAIN_NOTE_CHARS, renderPlainNote } from '../lib/markdown/plain-note.ts';
import { unrenderedNote } from '../lib/markdown/unrendered-note.ts';
import { failureReason } from '../lib/notes/note-guard.ts';
import type { IndexedNote, TitleIndex } from '../lib/titles/title-index.ts';
import type { RenderBatch, RenderBatchResult, RenderWorkerData } from './render-worker.ts';

export interface RenderJob {
  filePath: string;
  markdown: string;
}

/** Below this many notes, starting workers costs more than it saves. */
const MIN_NOTES_FOR_WORKERS = 400;
/** Notes per message: large enough that messaging is cheap, small enough to share work evenly. */
const BATCH_SIZE = 25;

export async function renderNotes(
  jobs: readonly RenderJob[],
  indexInput: readonly IndexedNote[],
  index: TitleIndex,
  base: string,
  options: NoteRendererOptions = {},
  workerCount = workerCountFor(undefined),
): Promise<RenderedNote[]> {
  if (jobs.length < MIN_NOTES_FOR_WORKERS || workerCount < 2) {
    const renderer = await createNoteRenderer(index, base, options);
    const results: RenderedNote[] = [];
    for (const job of jobs) results.push(await renderJob(renderer, job, index, base));
    return results;
  }
  return renderInWorkers(jobs, { notes: [...indexInput], base, options }, workerCount);
}

/**
 * The per-note guard of rendering (see `lib/notes/note-guard.ts`): the renderer has fallbacks
 * of its own for notes the Markdown parser cannot take; anything that still throws (a link
 * context, an excerpt, a plugin) publishes the note as its plain source, with a warning.
 * A very large note is rendered in parts (`lib/markdown/note-parts.ts`), and one larger
 * still as plain paragraphs with its links (`lib/markdown/plain-note.ts`).
 */
export async function renderJob(renderer: NoteRenderer, job: RenderJob, index: TitleIndex, base: string): Promise<RenderedNote> {
  try {
    if (job.markdown.length > PLAIN_NOTE_CHARS) return renderPlainNote(job.markdown, index, base);
    return await renderLargeNote((markdown) => renderer.render(markdown, job.filePath), job.markdown);
  } catch (error) {
    return unrenderedNote(
      job.markdown,
      `rendering failed (${failureReason(error)}); the note is published with its source shown as plain text and its links not followed. Simplify the note; if it looks right, report it as a bug`,
    );
  }
}

/** The `RENDER_WORKERS` setting, or 4, but never more workers than cores. */
export function workerCountFor(requested: number | undefined): number {
  return Math.min(availableParallelism(), requested ?? 4);
}

function renderInWorkers(jobs: readonly RenderJob[], data: RenderWorkerData, workerCount: number): Promise<RenderedNote[]> {
  const results: RenderedNote[] = new Array(jobs.length);
  const batches: RenderBatch[] = [];
  for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
    batches.push({ batchId: start, jobs: jobs.slice(start, start + BATCH_SIZE) });
  }
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: data }));
  return new Promise<RenderedNote[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      void Promise.all(workers.map((worker) => worker.terminate())).then(() => (error ? reject(error) : resolve(results)));
    };
    const feed = (worker: Worker) => {
      const batch = batches[next++];
      if (batch) worker.postMessage(batch);
    };
    for (const worker of workers) {
      worker.on('message', (message: RenderBatchResult) => {
        if ('error' in message) return finish(new Error(`rendering notes in a worker failed: ${message.error}`));
        message.results.forEach((result, i) => (results[message.batchId + i] = result));
        done++;
        if (done === batches.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(new Error(`a render worker stopped: ${error.message}`, { cause: error })));
      feed(worker);
    }
  });
}
