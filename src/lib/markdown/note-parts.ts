/**
 * Very large notes rendered in parts. The Markdown parser holds every event of a document
 * at once: a 12 MB note took 3.7 GB and 70 s to render in one piece, most of it garbage
 * collection, and the build of every other note waited on it. A note above
 * `LARGE_NOTE_CHARS` is cut at blank lines outside code fences into parts of about
 * `PART_CHARS`, each rendered alone, and the results joined: links, their contexts and
 * problems keep their lines. What needs the whole note does not cross parts: link reference
 * definitions (`[x]: url`) and footnotes reach only their own part. Ids stay unique across
 * parts: one that an earlier part has (a heading text used again, footnote `1` of each part)
 * is numbered, and the part's own links and outline entries follow it. The build says so
 * for each such note.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { shiftMarkerLines } from '../embeds/embed-markers.ts';
import { NoteIds } from '../site/page-ids.ts';
import type { RenderedNote } from './rendered-note.ts';

/** Above this many characters a note is rendered in parts. */
export const LARGE_NOTE_CHARS = 1_000_000;
/** About how many characters each part has. */
export const PART_CHARS = 200_000;

/**
 * Above this many footnote definitions and setext heading underlines a note is rendered in
 * parts of `FLOOD_PART_CHARS`, whatever its size. The parser's resolvers for these walk every
 * event of the document each time one is found, so their cost grows with the square of the
 * part: 80 KB of `a` / `=` lines took 65 s in one piece, 135 KB of footnotes 12.6 s. A note
 * of ordinary prose has a few dozen.
 */
export const MAX_RESOLVED_BLOCKS = 1_000;
export const FLOOD_PART_CHARS = 4_000;

const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\n]+\]:/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** How many footnote definitions and setext heading underlines the note has, outside code fences. */
export function countResolvedBlocks(markdown: string): number {
  let count = 0;
  let fence: string | undefined;
  let previousBlank = true;
  for (const line of markdown.split('\n')) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (fence === undefined && (FOOTNOTE_DEFINITION.test(line) || (!previousBlank && SETEXT_UNDERLINE.test(line)))) {
      count++;
    }
    previousBlank = line.trim() === '';
  }
  return count;
}

export interface NotePart {
  markdown: string;
  /** The body line (1-based) the part starts on. */
  firstLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The note's parts, in order; joined they are the note. A part ends at a blank line outside
 * a code fence that is followed by a line that is not indented (not the rest of a list
 * item); failing any for twice `partChars`, at any line end outside a fence.
 */
export function splitNote(markdown: string, partChars = PART_CHARS): NotePart[] {
  const parts: NotePart[] = [];
  let partStart = 0;
  let partLine = 1;
  let line = 1;
  let fence: string | undefined;
  let lineStart = 0;
  let previousBlank = false;
  let anyLineEnd: { at: number; line: number } | undefined;
  while (lineStart < markdown.length) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? markdown.length : newline;
    const text = markdown.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const blank = text.trim() === '' && lineEnd - lineStart < 200;
    const size = lineStart - partStart;
    if (fence === undefined && size >= partChars) {
      const atBlank = previousBlank && !blank && !/^\s/.test(text);
      if (atBlank || (size >= 2 * partChars && anyLineEnd)) {
        const cut = atBlank ? { at: lineStart, line } : anyLineEnd!;
        parts.push({ markdown: markdown.slice(partStart, cut.at), firstLine: partLine });
        partStart = cut.at;
        partLine = cut.line;
        anyLineEnd = undefined;
      }
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
    line++;
    if (fence === undefined) anyLineEnd = { at: lineStart, line };
    previousBlank = blank;
  }
  parts.push({ markdown: markdown.slice(partStart), firstLine: partLine });
  return parts;
}

/** The parts' renderings as one: their lines moved to the note's lines. */
export function joinRenderedParts(renderedParts: readonly { part: NotePart; result: RenderedNote }[]): RenderedNote {
  const ids = new NoteIds();
  const rendered = renderedParts.map(({ part, result }) => ({ part, result: withUnclaimedIds(result, ids) }));
  const shift = (line: number | undefined, part: NotePart) => (line === undefined ? undefined : line + part.firstLine - 1);
  return {
    // Embed markers carry their lines too (`embeds/embed-markers.ts`).
    html: rendered.map(({ part, result }) => shiftMarkerLines(result.html, part.firstLine - 1)).join('\n'),
    headings: rendered.flatMap(({ result }) => result.headings),
    links: rendered.flatMap(({ part, result }) => result.links.map((link) => ({ ...link, line: shift(link.line, part) }))),
    pathLinks: rendered.flatMap(({ result }) => result.pathLinks),
    excerpt: rendered.find(({ result }) => result.excerpt !== '')?.result.excerpt ?? '',
    problems: rendered.flatMap(({ part, result }) => result.problems.map((problem) => ({ ...problem, line: shift(problem.line, part) }))),
  };
}

/** Renders a note, in parts when it is larger than `LARGE_NOTE_CHARS`, saying so as a problem. */
export async function renderLargeNote(
  render: (markdown: string) => Promise<RenderedNote>,
  markdown: string,
  largeNoteChars = LARGE_NOTE_CHARS,
  partChars = PART_CHARS,
): Promise<RenderedNote> {
  const large = markdown.length > largeNoteChars;
  // Counted only where it can matter: a note of fewer characters cannot hold that many.
  const resolved = markdown.length > MAX_RESOLVED_BLOCKS * 3 ? countResolvedBlocks(markdown) : 0;
  const flooded = resolved > MAX_RESOLVED_BLOCKS;
  if (!large && !flooded) return render(markdown);
  const parts = splitNote(markdown, flooded ? Math.min(partChars, FLOOD_PART_CHARS) : partChars);
  // One long line, or one long code block: there is nowhere to cut it.
  if (parts.length === 1) return render(markdown);
  const rendered: { part: NotePart; result: RenderedNote }[] = [];
  for (const part of parts) rendered.push({ part, result: await render(part.markdown) });
  const joined = joinRenderedParts(rendered);
  const megabytes = (markdown.length / 1_000_000).toFixed(1);
  const why = flooded
    ? `the note has ${resolved.toLocaleString('en')} footnote definitions and setext heading underlines (a line of = or - under text), more than ${MAX_RESOLVED_BLOCKS.toLocaleString('en')}: the parser's time grows with their square, so it is rendered in ${parts.length} parts`
    : `the note has ${megabytes} million characters, more than ${largeNoteChars.toLocaleString('en')}: it is rendered in ${parts.length} parts`;
  joined.problems.unshift({
    line: undefined,
    message: `${why} split at blank lines, so link reference definitions ([x]: url) and footnotes reach only their own part. Split the note to keep it whole`,
  });
  return joined;
}

/**
 * A part's rendering with each id that `ids` has already handed out (to an earlier part)
 * numbered, as within a note (`dup` → `dup-1`), and the part's own `#links`, footnote
 * references and outline entries following; every id of the part is claimed in `ids`. A
 * part without ids is returned as it is, unparsed.
 */
function withUnclaimedIds(result: RenderedNote, ids: NoteIds): RenderedNote {
  if (!result.html.includes(' id="')) return result;
  const tree = fromHtml(result.html, { fragment: true });
  const renamed = new Map<string, string>();
  visit(tree, 'element', (element: Element) => {
    const id = element.properties.id;
    if (typeof id !== 'string') return;
    const claimed = ids.claim(id);
    if (claimed === id) return;
    element.properties.id = claimed;
    renamed.set(id, claimed);
  });
  if (renamed.size === 0) return result;
  const follow = (id: string) => renamed.get(id) ?? renamed.get(decodedFragment(id)) ?? id;
  visit(tree, 'element', (element: Element) => {
    const { href, ariaDescribedBy } = element.properties;
    if (typeof href === 'string' && href.startsWith('#')) element.properties.href = `#${follow(href.slice(1))}`;
    if (Array.isArray(ariaDescribedBy)) element.properties.ariaDescribedBy = ariaDescribedBy.map((id) => follow(String(id)));
  });
  return {
    ...result,
    html: toHtml(tree),
    headings: result.headings.map((heading) => ({ ...heading, slug: renamed.get(heading.slug) ?? heading.slug })),
  };
}

function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
