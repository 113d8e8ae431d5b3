/**
 * Scrapbox's math, `[$ x^2]`, rewritten as Markdown math before the note is parsed: the TeX
 * goes between dollar runs of at least three (`$$$x^2$$$`, longer than any run inside), which
 * `remark-math` reads as inline math whatever the TeX holds. (Three, not two: an inline
 * `$$…$$` written by the writer is display math, `pandoc-math.ts`.)
 *
 * Translated notes often lost the closing `]`: then the rest of the line is the TeX, and the
 * line is reported. Fenced code, inline code and escaped brackets are left alone, and so is
 * `[[$ …]]` (a wiki link). The rewrite keeps every line where it was, so problems found later
 * still name the right line. `[$ …](url)` is a Markdown link, not math.
 */
import { forEachLineOutsideFences } from '../fenced-lines.ts';

export interface ScrapboxMathRewrite {
  markdown: string;
  /** 1-based lines where a `[$` had no closing `]`. */
  unclosed: number[];
}

const OPENING = /\[\$[ \t]/y;

export function rewriteScrapboxMath(markdown: string): ScrapboxMathRewrite {
  if (!markdown.includes('[$')) return { markdown, unclosed: [] };
  const lines = markdown.split('\n');
  const unclosed: number[] = [];
  forEachLineOutsideFences(lines, (line, i) => {
    if (!line.includes('[$')) return;
    const rewritten = rewriteLine(line);
    lines[i] = rewritten.line;
    if (rewritten.unclosed) unclosed.push(i + 1);
  });
  return { markdown: lines.join('\n'), unclosed };
}

function rewriteLine(line: string): { line: string; unclosed: boolean } {
  let out = '';
  let unclosed = false;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '`') {
      const end = codeSpanEnd(line, i);
      out += line.slice(i, end);
      i = end;
      continue;
    }
    OPENING.lastIndex = i;
    if (char === '[' && line[i - 1] !== '[' && OPENING.test(line)) {
      const close = closingBracket(line, i + 2);
      const tex = line.slice(i + 2, close ?? line.length).trim();
      // `[$ - String Interpolation](https://…)` is a Markdown link whose label starts with `$`.
      const isLinkLabel = close !== undefined && line[close + 1] === '(';
      if (tex !== '' && !isLinkLabel) {
        const run = '$'.repeat(Math.max(3, longestDollarRun(tex) + 1));
        out += `${run}${tex}${run}`;
        if (close === undefined) unclosed = true;
        i = close === undefined ? line.length : close + 1;
        continue;
      }
    }
    out += char;
    i++;
  }
  return { line: out, unclosed };
}

/** The `]` that closes the bracket opened before `from`, brackets inside the TeX paired. */
function closingBracket(line: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** Where the inline code span starting at `start` ends (or the backticks alone, if unclosed). */
function codeSpanEnd(line: string, start: number): number {
  let run = 1;
  while (line[start + run] === '`') run++;
  const close = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, 'g');
  close.lastIndex = start + run;
  const end = close.exec(line);
  return end ? end.index + run : start + run;
}

function longestDollarRun(text: string): number {
  return Math.max(0, ...(text.match(/\$+/g) ?? []).map((run) => run.length));
}
