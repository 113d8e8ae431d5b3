/**
 * Remark plugin: TeX math as Pandoc reads it (`remark-math` with one rule changed).
 *
 * `$$…$$` (inline or on lines of their own) is `remark-math`'s. A single `$…$` is math only by
 * Pandoc's `tex_math_dollars` rule: no space right after the opening `$`, none right before the
 * closing one, and no digit right after the closing one. So `$275 a month and $300 a year`
 * stays text, while `$x_j$` is math. Where Pandoc would look on for a later closing `$`, this
 * one gives up and leaves the opening `$` as text (`$5, and $x$` is "$5, and" + math `x`):
 * prices next to a formula read better so. One rule of our own: single-dollar math holds no
 * backtick, so `$5 and \`${name}\`` keeps its code span.
 *
 * The rule is a wrapper around `micromark-extension-math`'s own tokenizer (not a copy): it
 * watches the codes that tokenizer consumes and refuses the two places the rule forbids.
 */
import remarkMath from 'remark-math';
import { math } from 'micromark-extension-math';
import { markdownLineEndingOrSpace } from 'micromark-util-character';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const DOLLAR = 36;
const BACKTICK = 96;

function isDigit(code: Code): boolean {
  return code !== null && code >= 48 && code <= 57;
}

function isSpaceOrEnd(code: Code): boolean {
  return code === null || markdownLineEndingOrSpace(code);
}

/** The single-dollar construct of `micromark-extension-math`, refusing what Pandoc refuses. */
export function pandocMathText(): Construct {
  const base = math({ singleDollarTextMath: true }).text![DOLLAR] as Construct;
  return {
    ...base,
    name: 'pandocMathText',
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const consumed: Code[] = [];
      const watched: Effects = {
        ...effects,
        consume(code) {
          consumed.push(code);
          effects.consume(code);
        },
      };
      const closed: State = (code) => {
        const beforeClosing = consumed.at(-2) ?? null;
        // Only a single `$` is ours (`$$…$$` is left to `remark-math`'s construct).
        // Math holding a backtick would swallow the start of a code span (`$5 and \`${name}\``).
        return isDigit(code) || isSpaceOrEnd(beforeClosing) || consumed.includes(BACKTICK) ? nok(code) : ok(code);
      };
      const wrap =
        (state: State): State =>
        (code) => {
          if (consumed.length === 1 && (code === DOLLAR || isSpaceOrEnd(code))) return nok(code);
          const next = state(code);
          return typeof next === 'function' ? wrap(next) : next;
        };
      return wrap(base.tokenize.call(this, watched, closed, nok));
    },
  };
}

/** `remark-math` with `$$` only, then the Pandoc `$` construct, which micromark tries first. */
export function remarkPandocMath(this: Processor) {
  remarkMath.call(this as never, { singleDollarTextMath: false });
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ text: { [DOLLAR]: pandocMathText() } });
  return (tree: Root, file: VFile) => markDisplayDollars(tree, String(file.value));
}

/**
 * Inline math written with exactly two dollars (`$$x$$` inside a line) is display math, as in
 * Pandoc and Obsidian; `remark-math` makes it inline. Three or more stay inline
 * (`scrapbox-math.ts` writes those).
 */
export function markDisplayDollars(tree: Root, source: string): void {
  visit(tree, 'inlineMath', (node) => {
    const start = node.position?.start.offset;
    if (start === undefined || !source.startsWith('$$', start) || source[start + 2] === '$') return;
    node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
  });
}
