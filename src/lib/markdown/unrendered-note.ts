/**
 * The last fallback of rendering: a note nothing else could render is published as its
 * plain source in a `<pre>`, with no links followed, and one problem that says so.
 */
import type { RenderedNote } from './rendered-note.ts';

export function unrenderedNote(markdown: string, message: string): RenderedNote {
  const escaped = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    html: `<pre class="note-unrendered">${escaped}</pre>`,
    headings: [],
    links: [],
    pathLinks: [],
    excerpt: '',
    problems: [{ line: undefined, message }],
  };
}
