/**
 * The cheap mode for a note too large to render as Markdown at a bounded cost (more than
 * `PLAIN_NOTE_CHARS`): its paragraphs (text between blank lines) as plain paragraphs, its
 * `[[wiki links]]` resolved and rendered as the renderer renders them, and nothing else
 * read: no Markdown syntax, no raw HTML (shown as text), no highlighting. Its links still
 * count, with their contexts, so backlinks and 2-hop links hold. The build warns for it.
 */
import { classesFor, hrefFor } from '../links/link-href.ts';
import { linkContext } from '../links/link-context.ts';
import type { WikiLinkOccurrence } from '../links/link-nodes.ts';
import { resolveWikiLink } from '../links/wiki-links.ts';
import type { TitleIndex } from '../titles/title-index.ts';
import { holdsNoTitle } from './links/remark-title-less-links.ts';
import { cutText } from './note-excerpt.ts';
import type { RenderedNote } from './rendered-note.ts';

/** Above this many characters a note is published in the cheap mode. */
export const PLAIN_NOTE_CHARS = 4_000_000;

/** A wiki link as `remark-wiki-link` reads one: no brackets or line break inside. */
const WIKI_LINK = /\[\[([^[\]\n]+)\]\]/g;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderPlainNote(markdown: string, index: TitleIndex, base: string): RenderedNote {
  const html: string[] = [];
  const links: WikiLinkOccurrence[] = [];
  let excerpt = '';
  let line = 1;
  for (const paragraph of markdown.split(/\r?\n[ \t]*\r?\n/)) {
    const startLine = line;
    line += (paragraph.match(/\n/g)?.length ?? 0) + 2;
    if (paragraph.trim() === '') continue;
    let shown = '';
    let text = '';
    let last = 0;
    const spans: { link: WikiLinkOccurrence['link']; written: string; start: number; end: number; line: number }[] = [];
    for (const match of paragraph.matchAll(WIKI_LINK)) {
      if (holdsNoTitle(match[1]!)) continue;
      const before = paragraph.slice(last, match.index);
      shown += escapeHtml(before);
      text += before;
      const written = match[1]!;
      const link = resolveWikiLink(written, index);
      shown += `<a href="${escapeHtml(hrefFor(link, base))}" class="${classesFor(link).join(' ')}">${escapeHtml(link.label)}</a>`;
      const linkLine = startLine + (paragraph.slice(0, match.index).match(/\n/g)?.length ?? 0);
      spans.push({ link, written, start: text.length, end: text.length + link.label.length, line: linkLine });
      text += link.label;
      last = match.index + match[0].length;
    }
    shown += escapeHtml(paragraph.slice(last));
    text += paragraph.slice(last);
    html.push(`<p>${shown.trim()}</p>`);
    for (const span of spans) {
      if (span.link.kind === 'same-page-heading') continue;
      links.push({ text: span.written, link: span.link, context: linkContext(text, span.start, span.end), line: span.line });
    }
    if (excerpt.length < 240) excerpt = cutText(`${excerpt} ${text.replace(/\s+/g, ' ').trim()}`.trim());
  }
  return {
    html: html.join('\n'),
    headings: [],
    links,
    pathLinks: [],
    excerpt,
    problems: [
      {
        line: undefined,
        message: `the note has ${(markdown.length / 1_000_000).toFixed(1)} million characters, more than ${PLAIN_NOTE_CHARS.toLocaleString('en')}: it is published as plain paragraphs with its [[wiki links]], without Markdown formatting or HTML. Split it into notes of less than ${PLAIN_NOTE_CHARS.toLocaleString('en')} characters to have it rendered in full`,
      },
    ],
  };
}
