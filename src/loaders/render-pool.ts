/**
 * Renders many notes on all cores: worker threads, each with the whole title index, take
 * batches of notes from a shared queue, each note under a deadline (`NOTE_DEADLINE_MS`).
 * `RENDER_WORKERS=1`, or one core, renders in this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createNoteRenderer, type NoteRendererOptions } from '../lib/markdown/note-renderer.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import { renderPlainNote } from '../lib/markdown/plain-note.ts';
import { unrenderedNote } from '../lib/markdown/unrendered-note.ts';
import { failureReason } from '../lib/notes/note-guard.ts';
import type { IndexedNote, TitleIndex } from '../lib/titles/title-index.ts';
import { renderJob, type RenderJob } from './render-job.ts';
import type { RenderBatch, RenderWorkerData, RenderWorkerMessage } from './render-worker.ts';

/** Below this many notes, starting more than one worker costs more than it saves. */
const MIN_NOTES_FOR_WORKERS = 400;
/** Notes per message: large enough that messaging is cheap, small enough to share work evenly. */
const BATCH_SIZE = 25;

/**
 * How long one note may take to render in a worker, and `DEADLINE_MS_PER_MILLION_CHARS` more
 * for its size (`deadlineFor`). Past it the worker is stopped and the note
 * tried again alone once all others are done; past it again, it is published as plain text
 * with its links (`lib/markdown/plain-note.ts`) and a warning saying it was cut off by time.
 * An ordinary note takes milliseconds, the 500 KB hostile notes of issue 29 a few seconds.
 */
export const NOTE_DEADLINE_MS = 10_000;
/**
 * And this much more per million characters of the note, so that a large note of ordinary
 * prose is never cut off: about five times what prose takes on a quiet machine (a 3 MB note
 * of prose renders in about 15 s on two busy cores and may take 70).
 */
export const DEADLINE_MS_PER_MILLION_CHARS = 20_000;

/**
 * Notes shorter than this have no deadline: none is known to take more than a few seconds
 * (the worst kinds of issue 29 take 1-5 s at 10,000 characters), and they render in this
 * thread when there are few notes, so an edit in `astro dev` starts no worker.
 */
export const DEADLINE_MIN_CHARS = 10_000;

/** The time `job` may take, given the time any note may take; undefined for a short note. */
export function deadlineFor(job: RenderJob, deadlineMs: number): number | undefined {
  if (job.markdown.length < DEADLINE_MIN_CHARS) return undefined;
  return Math.round(deadlineMs + (job.markdown.length * DEADLINE_MS_PER_MILLION_CHARS) / 1_000_000);
}

/**
 * Renders in `workerCount` worker threads, each note of `DEADLINE_MIN_CHARS` or more under
 * its deadline (`deadlineFor`); with fewer than `MIN_NOTES_FOR_WORKERS` notes, the short
 * ones in this thread and the long ones in one worker.
 * `workerCount` 1 (`RENDER_WORKERS=1`, or one core) renders in this thread, with no deadline:
 * a parser that holds the thread cannot be stopped.
 */
export async function renderNotes(
  jobs: readonly RenderJob[],
  indexInput: readonly IndexedNote[],
  index: TitleIndex,
  base: string,
  options: NoteRendererOptions = {},
  workerCount = workerCountFor(undefined),
  deadlineMs = NOTE_DEADLINE_MS,
  test: Pick<RenderWorkerData, 'stallOn'> = {},
): Promise<RenderedNote[]> {
  if (jobs.length === 0) return [];
  const inThread = async (some: readonly RenderJob[]) => {
    const renderer = await createNoteRenderer(index, base, options);
    const results: RenderedNote[] = [];
    for (const job of some) results.push(await renderJob(renderer, job, index, base));
    return results;
  };
  if (workerCount < 2) return inThread(jobs);
  const inWorkers = (some: readonly RenderJob[], threads: number) =>
    renderInWorkers(some, { notes: [...indexInput], base, options, ...test }, threads, deadlineMs, (job) => overdueNote(job, index, base, deadlineMs));
  if (jobs.length >= MIN_NOTES_FOR_WORKERS) return inWorkers(jobs, workerCount);
  // Few notes (an edit in `astro dev`): the short ones here, as fast as before; a worker
  // starts (0.5-1 s) only for notes long enough to have a deadline.
  const timed = jobs.flatMap((job, i) => (job.markdown.length >= DEADLINE_MIN_CHARS ? [i] : []));
  if (timed.length === 0) return inThread(jobs);
  const timedSet = new Set(timed);
  const [short, long] = await Promise.all([inThread(jobs.filter((_, i) => !timedSet.has(i))), inWorkers(timed.map((i) => jobs[i]!), 1)]);
  let nextShort = 0;
  let nextLong = 0;
  return jobs.map((_, i) => (timedSet.has(i) ? long[nextLong++]! : short[nextShort++]!));
}

/** A note cut off by time, twice: its paragraphs as text, its links resolved. */
function overdueNote(job: RenderJob, index: TitleIndex, base: string, deadlineMs: number): RenderedNote {
  const problem = {
    line: undefined,
    message:
      `rendering took more than ${((deadlineFor(job, deadlineMs) ?? deadlineMs) / 1000).toFixed(0)} s, twice (the second time alone), and was cut off by time: the note is published as plain paragraphs with its links, without Markdown formatting. ` +
      'A note near the limit may be cut off on a slower or busier machine and not on another. Split the note, or look for long runs of one construct in it',
  };
  try {
    const plain = renderPlainNote(job.markdown, index, base);
    return { ...plain, problems: [problem, ...plain.problems], cutOffByTime: true };
  } catch (error) {
    return { ...unrenderedNote(job.markdown, `${problem.message}; the plain rendering failed too (${failureReason(error)})`), cutOffByTime: true };
  }
}

/** The `RENDER_WORKERS` setting, or 4, but never more workers than cores. */
export function workerCountFor(requested: number | undefined): number {
  return Math.min(availableParallelism(), requested ?? 4);
}

/**
 * Batches of notes go to `workerCount` workers; a worker whose note passes the deadline is
 * stopped and replaced, and the rest of its batch goes back to the queue. The notes that
 * passed it are tried again one at a time in a worker of their own once the others are done,
 * so that how busy the machine was with other notes does not decide; `overdue` gives the
 * page of one that passes it again. Results are placed by the note's position, whichever
 * worker rendered it.
 */
async function renderInWorkers(
  jobs: readonly RenderJob[],
  data: RenderWorkerData,
  workerCount: number,
  deadlineMs: number,
  overdue: (job: RenderJob) => RenderedNote,
): Promise<RenderedNote[]> {
  const results: RenderedNote[] = new Array(jobs.length);
  const queue: number[][] = [];
  for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
    queue.push(Array.from({ length: Math.min(BATCH_SIZE, jobs.length - start) }, (_, k) => start + k));
  }
  const overdueAt: number[] = [];
  const started: RenderThread[] = [];
  const startThread = () => {
    const thread = new RenderThread(data);
    started.push(thread);
    return thread;
  };
  let failed = false;
  const lane = async () => {
    let thread = startThread();
    await thread.ready;
    for (let batch = queue.shift(); batch && !failed; batch = queue.shift()) {
      const { results: done, timedOut } = await thread.run(
        batch.map((i) => jobs[i]!),
        deadlineMs,
      );
      done.forEach((result, k) => (results[batch[k]!] = result));
      if (!timedOut) continue;
      overdueAt.push(batch[done.length]!);
      const rest = batch.slice(done.length + 1);
      if (rest.length > 0) queue.unshift(rest);
      if (queue.length === 0) return;
      thread = startThread();
      await thread.ready;
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(workerCount, queue.length) }, () =>
        lane().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    await Promise.all(started.map((thread) => thread.terminate()));
    let alone: RenderThread | undefined;
    for (const i of overdueAt.sort((a, b) => a - b)) {
      alone ??= startThread();
      await alone.ready;
      const { results: done, timedOut } = await alone.run([jobs[i]!], deadlineMs);
      results[i] = timedOut ? overdue(jobs[i]!) : done[0]!;
      if (timedOut) alone = undefined;
    }
    return results;
  } finally {
    await Promise.all(started.map((thread) => thread.terminate()));
  }
}

/** One worker of the pool: ready once it has built its title index and renderer. */
class RenderThread {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private onMessage: ((message: RenderWorkerMessage) => void) | undefined;
  private onFailure: ((error: Error) => void) | undefined;

  constructor(data: RenderWorkerData) {
    this.worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: data });
    this.ready = new Promise((resolve, reject) => {
      this.onMessage = (message) => message.kind === 'ready' && resolve();
      this.onFailure = reject;
    });
    this.worker.on('message', (message: RenderWorkerMessage) => this.onMessage?.(message));
    this.worker.on('error', (error) => this.onFailure?.(new Error(`a render worker stopped: ${error.message}`, { cause: error })));
    this.worker.on('exit', (code) => this.onFailure?.(new Error(`a render worker exited (code ${code})`)));
  }

  /** The notes' renderings in order, up to the first that passes the deadline (the worker is then stopped). */
  run(jobs: readonly RenderJob[], deadlineMs: number): Promise<{ results: RenderedNote[]; timedOut: boolean }> {
    // Each note's own time (`deadlineFor`) starts when the one before it is in.
    return new Promise((resolve, reject) => {
      const results: RenderedNote[] = [];
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        const deadline = deadlineFor(jobs[results.length]!, deadlineMs);
        if (deadline === undefined) return;
        timer = setTimeout(
          () => {
            void this.terminate();
            resolve({ results, timedOut: true });
          },
          deadline,
        );
      };
      this.onMessage = (message) => {
        if (message.kind === 'error') {
          clearTimeout(timer);
          reject(new Error(`rendering notes in a worker failed: ${message.error}`));
        } else if (message.kind === 'result') {
          results.push(message.result);
          if (results.length < jobs.length) return arm();
          clearTimeout(timer);
          resolve({ results, timedOut: false });
        }
      };
      this.onFailure = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      arm();
      this.worker.postMessage({ jobs: [...jobs] } satisfies RenderBatch);
    });
  }

  terminate(): Promise<number> {
    this.onMessage = undefined;
    this.onFailure = undefined;
    return this.worker.terminate();
  }
}
