/**
 * Defusing lines flooded with brackets. The Markdown parser (micromark, with GFM and the
 * wiki-link syntax) takes time quadratic in a line's length for brackets that pair with
 * nothing or nest deeply: a line of 100,000 `[` took three minutes, so a hostile note could
 * stall the build for hours. Such brackets render as plain text anyway, so on a long line
 * with many of them (or many `[text](` that no `)` closes) each is escaped (`\[`), which renders the same text in linear time.
 *
 * Only lines longer than `LONG_LINE` with more than `MAX_LOOSE_BRACKETS` loose brackets
 * are touched; fenced code and inline code are left alone (a backslash would show there).
 * Well-formed links on the same line, however many, are kept.
 */
import { forEachLineOutsideFences } from './fenced-lines.ts';

export const LONG_LINE = 1000;
export const MAX_LOOSE_BRACKETS = 200;
/** `[[link]]` sits two deep; a bracket deeper than this is loose. */
const MAX_DEPTH = 2;

export interface DefusedMarkdown {
  markdown: string;
  /** 1-based lines whose loose brackets were escaped, with how many. */
  lines: { line: number; brackets: number }[];
}

export function defuseBracketFloods(markdown: string): DefusedMarkdown {
  if (markdown.length <= LONG_LINE) return { markdown, lines: [] };
  const lines = markdown.split('\n');
  const changed: DefusedMarkdown['lines'] = [];
  forEachLineOutsideFences(lines, (line, i) => {
    if (line.length <= LONG_LINE) return;
    const loose = looseBrackets(line);
    if (loose.length <= MAX_LOOSE_BRACKETS) return;
    let out = '';
    let last = 0;
    for (const at of loose) {
      out += `${line.slice(last, at)}\\`;
      last = at;
    }
    lines[i] = out + line.slice(last);
    changed.push({ line: i + 1, brackets: loose.length });
  });
  return changed.length === 0 ? { markdown, lines: [] } : { markdown: lines.join('\n'), lines: changed };
}

/**
 * Positions of brackets that pair with nothing or nest deeper than `MAX_DEPTH`, and of
 * `[label](` whose `(` no `)` closes, in order.
 */
export function looseBrackets(line: string): number[] {
  const lastParen = line.lastIndexOf(')');
  const loose: number[] = [];
  const open: { at: number; deep: boolean }[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      i++;
    } else if (char === '`') {
      // An inline code span: a run of backticks up to the next run of the same length.
      let run = 1;
      while (line[i + run] === '`') run++;
      const close = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, 'g');
      close.lastIndex = i + run;
      const end = close.exec(line);
      i = end ? end.index + run - 1 : i + run - 1;
    } else if (char === '[') {
      open.push({ at: i, deep: open.length >= MAX_DEPTH });
    } else if (char === ']') {
      const start = open.pop();
      if (!start) loose.push(i);
      else if (start.deep || (line[i + 1] === '(' && i > lastParen)) loose.push(start.at, i);
    }
  }
  // A loop, not `push(...open)`: a line of 200,000 `[` would overflow the call stack.
  for (const { at } of open) loose.push(at);
  return loose.sort((a, b) => a - b);
}
