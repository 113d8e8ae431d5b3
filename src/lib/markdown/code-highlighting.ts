/**
 * How code blocks are highlighted: Astro's Shiki defaults, with no time limit per line.
 *
 * Shiki gives up on a line once tokenizing it has taken longer than `tokenizeTimeLimit`
 * (500 ms by default, measured with `Date.now()`), and the next line inherits the state it
 * stopped in. On a loaded machine (a busy CI runner, four render workers on two cores) that
 * made the same code block come out differently from one build to the next, and the render
 * cache then kept the wrong page. With no limit the output depends only on the code.
 * Astro does not pass the option through, so a transformer sets it on the options of each
 * block before Shiki tokenizes it (`preprocess` sees the very object `codeToTokens` reads).
 *
 * Without the time limit, one huge line (minified code, base64) would hold a render worker
 * for seconds (a 1 MB line: 12 s). Lines of `MAX_HIGHLIGHTED_LINE` characters or more are
 * therefore shown uncoloured, which depends only on their length. No line of the three
 * corpora is that long, so no page changes.
 */
import { markdownConfigDefaults, type ShikiConfig } from '@astrojs/markdown-remark';

type ShikiTransformer = NonNullable<ShikiConfig['transformers']>[number];

/** 0 turns the limit off (vscode-textmate checks the clock only for a non-zero limit). */
const NO_TIME_LIMIT = 0;
/** Longer lines are not tokenized: shown as plain text in the block. */
export const MAX_HIGHLIGHTED_LINE = 10_000;

const tokenizeWithoutTimeLimit: ShikiTransformer = {
  name: 'wiki-notes:tokenize-without-time-limit',
  preprocess(code, options) {
    options.tokenizeTimeLimit = NO_TIME_LIMIT;
    options.tokenizeMaxLineLength = MAX_HIGHLIGHTED_LINE;
    return code;
  },
};

export const SHIKI_CONFIG: ShikiConfig = {
  ...markdownConfigDefaults.shikiConfig,
  transformers: [tokenizeWithoutTimeLimit],
};
