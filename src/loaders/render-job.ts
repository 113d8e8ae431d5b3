/**
 * One note's rendering, in the main thread or a render worker (`render-pool.ts`,
 * `render-worker.ts`): the notes' renderer behind the per-note guard and the size limits.
 */
import type { NoteRenderer } from '../lib/markdown/note-renderer.ts';
import { renderLargeNote } from '../lib/markdown/note-parts.ts';
import { PLAIN_NOTE_CHARS, renderPlainNote } from '../lib/markdown/plain-note.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import { unrenderedNote } from '../lib/markdown/unrendered-note.ts';
import { failureReason } from '../lib/notes/note-guard.ts';
import type { TitleIndex } from '../lib/titles/title-index.ts';

export interface RenderJob {
  filePath: string;
  markdown: string;
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
