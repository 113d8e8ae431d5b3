/**
 * The per-note guard: every step that reads one note runs through `guardNoteStep`, so a note
 * that makes a step throw (a bug, a library limit, input nobody foresaw) costs that note its
 * step, never the build. The failure becomes a warning naming the file (and line where
 * known) and the step's documented fallback is used instead.
 */
import type { SourceProblem } from './source-problem.ts';

export interface NoteStep {
  filePath: string;
  /** What the step does, as the warning says it: "reading the file", "reading its footers". */
  step: string;
  /** What the note gets instead, as the warning says it: "with an empty body". */
  fallbackText: string;
  /** The file line the failure is about, where known. */
  line?: number | undefined;
}

/** The failure's first line: enough to recognise it, never a stack trace. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

export function noteStepProblem(step: NoteStep, error: unknown): SourceProblem {
  return {
    filePath: step.filePath,
    line: step.line,
    message: `${step.step} failed (${failureReason(error)}); the note is published ${step.fallbackText}. Simplify or fix this part of the file; if it looks right, report it as a bug`,
  };
}

/** `run()`, or on any exception `fallback()` with a problem added to `problems`. */
export function guardNoteStep<T>(step: NoteStep, problems: SourceProblem[], run: () => T, fallback: () => T): T {
  try {
    return run();
  } catch (error) {
    problems.push(noteStepProblem(step, error));
    return fallback();
  }
}

/** The same for a step that awaits. */
export async function guardNoteStepAsync<T>(step: NoteStep, problems: SourceProblem[], run: () => Promise<T>, fallback: () => T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    problems.push(noteStepProblem(step, error));
    return fallback();
  }
}
