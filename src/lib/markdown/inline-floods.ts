/**
 * Defusing paragraphs flooded with emphasis delimiters or unclosed raw-HTML openers (issue 29).
 * The Markdown parser (micromark) takes time quadratic in their number within one paragraph:
 * - `*`, `_` runs: each emphasis it pairs is spliced into the paragraph's list of events, so
 *   a line of 40,000 `a*` took 16 s (80 KB) and would take minutes at 500 KB;
 * - `<!--`, `<?`, `<![CDATA[` and `<!X` that nothing closes: each is read to the end of its
 *   paragraph in search of its `-->`, `?>`, `]]>` or `>` (20 KB of `<!--` took 0.7 s, a
 *   line each 2 s: HTML blocks are off, so consecutive lines are one paragraph).
 *
 * A block (consecutive non-blank lines outside fenced code: a paragraph or more) with more
 * than `MAX_UNCLOSED_HTML` openers that nothing after them closes has the punctuation of each
 * of those escaped (`\<\!\-\-`): they are text anyway, so the block reads the same. A block with more than
 * `MAX_DELIMITER_RUNS` runs of `*` or `_` has every one escaped: it is shown with its
 * delimiters as text, no emphasis (no note of the corpora comes near; a warning names the
 * line). List bullets, thematic breaks, inline code, autolinks, raw HTML tags and bare URLs
 * are left alone. The scan is linear: every character is looked at a bounded number of times.
 */
import { spliceMany } from '../arrays/splice-many.ts';

/** More unclosed openers than this in one block are escaped: below it each is read ahead once, which costs little. */
export const MAX_UNCLOSED_HTML = 50;
/** More delimiter runs than this in one block are escaped (micromark pays about 10 ns per pair of runs: 1,000 runs about 10 ms). */
export const MAX_DELIMITER_RUNS = 1000;

export interface InlineFlood {
  /** 1-based first line of the block. */
  line: number;
  kind: 'html' | 'emphasis';
  /** How many openers or delimiter runs were escaped. */
  count: number;
}

export interface DefusedInlineFloods {
  markdown: string;
  floods: InlineFlood[];
}

/** Each raw-HTML opener the parser reads ahead for, with what closes it and where the closer may start at the earliest. */
const OPENERS = [
  { opener: '<!--', closer: '-->', from: 2 },
  { opener: '<![CDATA[', closer: ']]>', from: 9 },
  // As `bracket-floods.ts` leaves it on a line of many.
  { opener: '<!\\[CDATA\\[', closer: ']]>', from: 11 },
  { opener: '<?', closer: '?>', from: 2 },
] as const;
const QUOTES = /^\s*(?:>\s?)*/;
/** What interrupts a paragraph: a list item with text (an ordered one from 1), a heading, a thematic break. */
const STARTS_BLOCK = /^\s*(?:>\s*)*(?:[-*+][ \t]+\S|1[.)][ \t]+\S|#{1,6}(?:\s|$)|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$|(?:-[ \t]*){3,}$)/;
/** A line after which a new paragraph starts: a heading, a setext underline, a thematic break. */
const HEADING = /^\s*(?:>\s*)*(?:#{1,6}(?:\s|$)|=+[ \t]*$|-+[ \t]*$|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
const WORD = /[\p{L}\p{N}]/u;
const FENCE = /^(\s*(?:>\s*)*)(`{3,}|~{3,})(.*)$/;

/** The limits, as parameters for tests. */
export interface InlineFloodLimits {
  maxUnclosedHtml: number;
  maxDelimiterRuns: number;
}

export function defuseInlineFloods(
  markdown: string,
  limits: InlineFloodLimits = { maxUnclosedHtml: MAX_UNCLOSED_HTML, maxDelimiterRuns: MAX_DELIMITER_RUNS },
): DefusedInlineFloods {
  // Cheap test first: a note without enough of either character is left as it is.
  if (!mayFlood(markdown, limits)) return { markdown, floods: [] };
  const lines = markdown.split('\n');
  const floods: InlineFlood[] = [];
  let fence: { marker: string; quotes: number } | undefined;
  let blockStart = -1;
  let lastDepth = 0;
  let afterHeading = false;
  const endBlock = (end: number) => {
    if (blockStart >= 0) defuseBlock(lines, blockStart, end, floods, limits);
    blockStart = -1;
  };
  lines.forEach((line, i) => {
    const [, prefix = '', marker, rest = ''] = FENCE.exec(line) ?? [];
    const quotes = prefix.split('>').length - 1;
    // A fence closes in the quote it opened in (a closer of another depth is text in it), with
    // nothing after it; a fence of backticks opens with no backtick after it.
    const opens = fence === undefined && !(marker?.[0] === '`' && rest.includes('`'));
    const closes = fence !== undefined && marker !== undefined && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && quotes === fence.quotes && rest.trim() === '';
    if (marker && (opens || closes)) {
      endBlock(i);
      fence = fence === undefined ? { marker, quotes } : undefined;
      return;
    }
    if (fence !== undefined) return;
    // A paragraph ends at a blank line, and where a quote starts or deepens, a list item or a
    // heading starts. A line with fewer `>` than the one before continues its paragraph (a
    // lazy line), as Markdown reads it.
    const depth = (QUOTES.exec(line)?.[0].match(/>/g) ?? []).length;
    const blank = line.trim() === '';
    if (blank || depth > lastDepth || STARTS_BLOCK.test(line) || afterHeading) endBlock(i);
    if (!blank && blockStart < 0) blockStart = i;
    lastDepth = blank ? 0 : depth;
    afterHeading = HEADING.test(line);
  });
  endBlock(lines.length);
  return floods.length === 0 ? { markdown, floods: [] } : { markdown: lines.join('\n'), floods };
}

function mayFlood(markdown: string, limits: InlineFloodLimits): boolean {
  let lt = 0;
  let delimiters = 0;
  for (let i = 0; i < markdown.length; i++) {
    const code = markdown.charCodeAt(i);
    if (code === 60) lt++;
    else if (code === 42 || code === 95) delimiters++;
    if (lt > limits.maxUnclosedHtml || delimiters > limits.maxDelimiterRuns) return true;
  }
  return false;
}

/** Lines `start` to `end` (exclusive) of one block, rewritten in `lines` when flooded. */
function defuseBlock(lines: string[], start: number, end: number, floods: InlineFlood[], limits: InlineFloodLimits): void {
  const text = lines.slice(start, end).join('\n');
  const { unclosedHtml, delimiterRuns } = inlineHazards(text);
  const escapeHtml = unclosedHtml.length > limits.maxUnclosedHtml;
  const escapeRuns = delimiterRuns.length > limits.maxDelimiterRuns;
  if (!escapeHtml && !escapeRuns) return;
  const at = new Set<number>();
  // Every punctuation mark of the opener, not only `<`: `\<!--` would leave `!` and `--` as
  // two pieces of text, which micromark merges with a splice of the paragraph's events, again
  // quadratic (48,000 lines of `\<!--` took 74 s).
  if (escapeHtml) {
    for (const { at: openerAt, length } of unclosedHtml) {
      for (let k = 0; k < length; k++) {
        if (text[openerAt + k] === '\\') k++;
        else if (/[!-/:-@[-`{-~]/.test(text[openerAt + k]!)) at.add(openerAt + k);
      }
    }
  }
  if (escapeRuns) for (const { at: runAt, length } of delimiterRuns) for (let k = 0; k < length; k++) at.add(runAt + k);
  let out = '';
  let last = 0;
  for (const position of [...at].sort((a, b) => a - b)) {
    out += `${text.slice(last, position)}\\`;
    last = position;
  }
  out += text.slice(last);
  spliceMany(lines, start, end - start, out.split('\n'));
  if (escapeHtml) floods.push({ line: start + 1, kind: 'html', count: unclosedHtml.length });
  if (escapeRuns) floods.push({ line: start + 1, kind: 'emphasis', count: delimiterRuns.length });
}

/** A stretch of a block: where it starts and how many characters. */
interface Run {
  at: number;
  length: number;
}

/**
 * In one block: the positions of the `<` of raw-HTML openers nothing after them closes, and
 * the runs of `*` and `_` that could delimit emphasis, outside code spans, autolinks, tags and bare URLs.
 */
export function inlineHazards(text: string): { unclosedHtml: Run[]; delimiterRuns: Run[] } {
  const nextCloser = new Map(OPENERS.map(({ closer }) => [closer, nextIndexOf(text, closer)]));
  const codeSpanEnd = codeSpanEnds(text);
  const unclosedHtml: Run[] = [];
  const delimiterRuns: Run[] = [];
  const nextGt = nextIndexOf(text, '>');
  const nextNewline = nextIndexOf(text, '\n');
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      lineStart = true;
      continue;
    }
    const atLineStart = lineStart;
    if (char !== ' ' && char !== '\t' && char !== '>') lineStart = false;
    if (char === '\\') {
      i++;
    } else if (char === '`') {
      i = codeSpanEnd.get(i) ?? i;
      while (text[i + 1] === '`') i++;
    } else if (char === '<') {
      const opener = OPENERS.find(({ opener }) => text.startsWith(opener, i));
      if (opener) {
        // Closed: raw HTML up to its first closer, nothing inside it counts.
        const close = nextCloser.get(opener.closer)!(i + opener.from);
        if (close === text.length) unclosedHtml.push({ at: i, length: opener.opener.length });
        else i = close + opener.closer.length - 1;
      } else if (text[i + 1] === '!' && /[A-Za-z]/.test(text[i + 2] ?? '')) {
        const close = nextGt(i);
        if (close === text.length) unclosedHtml.push({ at: i, length: 2 });
        else i = close;
      } else if (/[A-Za-z/]/.test(text[i + 1] ?? '')) {
        // A tag or an autolink: its `_` and `*` are not delimiters (and a backslash would show).
        const close = nextGt(i);
        if (close >= 0 && close < nextNewline(i)) i = close;
      }
    } else if ((char === 'h' || char === 'w') && /^(?:https?:\/\/|www\.)/.test(text.slice(i, i + 8)) && !/\w/.test(text[i - 1] ?? '')) {
      while (i + 1 < text.length && !/\s/.test(text[i + 1]!)) i++;
    } else if (char === '*' || char === '_') {
      let length = 1;
      while (text[i + length] === char) length++;
      const rest = text.slice(i + length, i + length + 1);
      const bullet = atLineStart && char === '*' && length === 1 && (rest === ' ' || rest === '\t');
      const lineEnd = nextNewline(i);
      const isBreak = atLineStart && /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$/.test(text.slice(i, lineEnd));
      // `_` inside a word (`snake_case`, `#tag_name`) neither opens nor closes emphasis.
      const inWord = char === '_' && WORD.test(text[i - 1] ?? '') && WORD.test(rest);
      if (isBreak) i = lineEnd - 1;
      else if (!bullet && !inWord) delimiterRuns.push({ at: i, length });
      if (!isBreak) i += length - 1;
    }
  }
  return { unclosedHtml, delimiterRuns };
}

/**
 * `indexOf(needle, from)` (the text's length when there is none) for `from` that never
 * decreases: each answer is kept until passed, so all calls together read the text once.
 */
function nextIndexOf(text: string, needle: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from) {
      found = text.indexOf(needle, from);
      if (found < 0) found = text.length;
    }
    return found;
  };
}

/**
 * Where each code span that opens at a backtick run ends (the last backtick of its closing
 * run), in linear time: a run closes at the next run of the same length. A backslash escapes
 * the first backtick of a run that would open, but is literal before a closing one.
 */
function codeSpanEnds(text: string): Map<number, number> {
  const runs: { at: number; length: number; escaped: boolean }[] = [];
  let backslashes = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '`') {
      backslashes = text[i] === '\\' ? backslashes + 1 : 0;
      continue;
    }
    let length = 1;
    while (text[i + length] === '`') length++;
    runs.push({ at: i, length, escaped: backslashes % 2 === 1 });
    backslashes = 0;
    i += length - 1;
  }
  const runsOfLength = new Map<number, number[]>();
  runs.forEach(({ length }, r) => {
    const list = runsOfLength.get(length) ?? [];
    list.push(r);
    runsOfLength.set(length, list);
  });
  const ends = new Map<number, number>();
  const pointer = new Map<number, number>();
  let inside = -1;
  runs.forEach((run, r) => {
    if (r <= inside) return;
    const at = run.escaped ? run.at + 1 : run.at;
    const length = run.escaped ? run.length - 1 : run.length;
    const list = runsOfLength.get(length);
    if (!list) return;
    let p = pointer.get(length) ?? 0;
    while (p < list.length && list[p]! <= r) p++;
    pointer.set(length, p);
    if (p < list.length) {
      const closer = runs[list[p]!]!;
      ends.set(at, closer.at + closer.length - 1);
      inside = list[p]!;
    }
  });
  return ends;
}
