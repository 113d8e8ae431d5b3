/**
 * The words around a link, shown with each backlink so a reader sees why a note links here.
 *
 * Notes from Scrapbox are written a line at a time, so the context is the line (or list
 * item, or table cell) holding the link; a line that is too long is narrowed to the
 * sentences around the link, then clipped.
 */

export interface LinkContext {
  before: string;
  /** The link's own text, as the reader saw it. */
  linkText: string;
  after: string;
}

/** The most characters kept on each side of the link. */
export const CONTEXT_SIDE_CHARS = 140;
/**
 * How far from the link (in UTF-16 units) the sentence search looks. A line of 10,000
 * links would otherwise be split into sentences once per link.
 */
const SEARCH_WINDOW = 8 * CONTEXT_SIDE_CHARS;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * @param blockText the plain text of the block holding the link
 * @param start where the link's text starts in `blockText`
 * @param end where it ends
 */
export function linkContext(blockText: string, start: number, end: number): LinkContext {
  const windowStart = Math.max(0, start - SEARCH_WINDOW);
  const lineStart = windowStart + blockText.slice(windowStart, start).lastIndexOf('\n') + 1;
  const windowEnd = Math.min(blockText.length, end + SEARCH_WINDOW);
  const newlineAfter = blockText.slice(end, windowEnd).indexOf('\n');
  const lineEnd = newlineAfter === -1 ? windowEnd : end + newlineAfter;
  let before = blockText.slice(lineStart, start);
  let after = blockText.slice(end, lineEnd);
  if (before.length > CONTEXT_SIDE_CHARS) before = lastSentences(before);
  if (after.length > CONTEXT_SIDE_CHARS) after = firstSentences(after);
  return {
    before: clipStart(before.replace(/^\s+/, '')),
    linkText: blockText.slice(start, end),
    after: clipEnd(after.replace(/\s+$/, '')),
  };
}

/** The text after the last sentence break: the start of the link's own sentence. */
function lastSentences(text: string): string {
  let lastStart = 0;
  for (const { index } of sentenceSegmenter.segment(text)) lastStart = index;
  return text.slice(lastStart);
}

function firstSentences(text: string): string {
  const first = sentenceSegmenter.segment(text)[Symbol.iterator]().next();
  return first.done ? text : first.value.segment;
}

// Clipping counts code points, so an emoji or other astral character is never cut in half.
function clipStart(text: string): string {
  const chars = [...text];
  if (chars.length <= CONTEXT_SIDE_CHARS) return text;
  const cut = chars.slice(chars.length - CONTEXT_SIDE_CHARS).join('');
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < 30 ? cut.slice(space + 1) : cut}`;
}

function clipEnd(text: string): string {
  const chars = [...text];
  if (chars.length <= CONTEXT_SIDE_CHARS) return text;
  const cut = chars.slice(0, CONTEXT_SIDE_CHARS).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > CONTEXT_SIDE_CHARS - 30 ? cut.slice(0, space) : cut}…`;
}
