/**
 * Faithful brackets: `[[` opens a wiki link only where the writer can have meant one.
 *
 * The translation damages Scrapbox brackets: `[[[Video Editing]] How to use Premiere Pro
 * []](https://…)` is a Markdown link whose text starts with a wiki link, and
 * `remark-wiki-link` read it as a link to `[Video Editing`, leaving `]](https://…)` as text.
 * The rule (docs/links.md):
 *
 * - a wiki link's text neither starts with `[` nor holds `[[`: in a run of `[`, the last two
 *   open the link and the ones before are text (or open a Markdown link around it); in
 *   `[[a [[b]] c]]` only `[[b]]` is a link;
 * - a wiki link inside a Markdown link's text is taken out of it and put before or after it,
 *   so both links work and no `<a>` sits inside another.
 *
 * The first rule guards `remark-wiki-link`'s micromark construct (a check that runs before
 * it, not a tokenizer of our own); the second is a tree step, `hoistWikiLinksOutOfLinks`.
 */
import type { Link, PhrasingContent, Root } from 'mdast';
import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { pushMany, spliceMany } from '../arrays/splice-many.ts';

const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;

/** The codes micromark gives for line endings (all negative but space and tab's virtual ones). */
const isLineEnding = (code: Code) => code === null || code < -2;
const isSpaceOrTab = (code: Code) => code === -2 || code === -1 || code === 32;

/**
 * Succeeds where `[[` starts text that is no wiki link by the rule above: a `[` right after
 * the `[[` (spaces aside), or a further `[[` before the first `]` on the line.
 */
const tokenizeBracketBeforeLink: Tokenizer = function (effects, ok, nok) {
  let opening = 0;
  let previous: Code = null;
  const start: State = (code) => {
    effects.enter('data');
    return open(code);
  };
  const open: State = (code) => {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    opening++;
    return opening === 2 ? leading : open;
  };
  const leading: State = (code) => {
    if (code === LEFT_BRACKET) return found(code);
    if (isSpaceOrTab(code)) {
      effects.consume(code);
      return leading;
    }
    return inside(code);
  };
  const inside: State = (code) => {
    if (code === RIGHT_BRACKET || isLineEnding(code)) {
      effects.exit('data');
      return nok(code);
    }
    if (code === LEFT_BRACKET && previous === LEFT_BRACKET) return found(code);
    previous = code;
    effects.consume(code);
    return inside;
  };
  const found: State = (code) => {
    effects.consume(code);
    effects.exit('data');
    return ok;
  };
  return start;
};

const bracketBeforeLink: Construct = { tokenize: tokenizeBracketBeforeLink, partial: true };

/** The wiki-link construct, refusing to start where `bracketBeforeLink` matches. */
export function guardWikiLinkConstruct(wikiLink: Construct): Construct {
  return {
    ...wikiLink,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const tokenizeWikiLink = wikiLink.tokenize.call(this, effects, ok, nok);
      return effects.check(bracketBeforeLink, nok, tokenizeWikiLink);
    },
  };
}

/**
 * Remark plugin, used right after `remark-wiki-link`: guards the construct it registered.
 * Throws if it finds none, so a changed `remark-wiki-link` cannot silently lose the rule.
 */
export function remarkFaithfulBrackets(this: Processor): void {
  // `remark-wiki-link` adds its construct to the processor's data, where `remark-parse` reads it.
  const extensions = (this.data() as { micromarkExtensions?: Extension[] }).micromarkExtensions ?? [];
  const at = extensions.findLastIndex((extension) => {
    const construct = extension.text?.[LEFT_BRACKET];
    return construct !== undefined && !Array.isArray(construct) && construct !== null;
  });
  const extension = extensions[at];
  const construct = extension?.text?.[LEFT_BRACKET] as Construct | undefined;
  if (!extension || !construct) throw new Error('remarkFaithfulBrackets must come right after remark-wiki-link, which registers the [[ construct it guards');
  extensions[at] = { ...extension, text: { ...extension.text, [LEFT_BRACKET]: guardWikiLinkConstruct(construct) } };
}

/**
 * Takes every wiki link out of the Markdown links that hold it: `[a [[B]] c](url)` becomes
 * `[a](url) [[B]] [c](url)`; white space next to the wiki link stays outside the links, and
 * a part that would be only white space stays text.
 */
export function hoistWikiLinksOutOfLinks(tree: Root): void {
  visit(tree, 'link', (node: Link, index, parent) => {
    if (!parent || index === undefined || !node.children.some((child) => child.type === 'wikiLink')) return;
    const parts: PhrasingContent[] = [];
    let run: PhrasingContent[] = [];
    const endRun = () => {
      if (run.length === 0) return;
      const blank = run.every((child) => child.type === 'text' && child.value.trim() === '');
      if (blank) {
        pushMany(parts, run);
      } else {
        // The white space next to the wiki link stays outside the Markdown link's underline.
        const first = run[0];
        const last = run.at(-1);
        const leading = first?.type === 'text' ? (/^\s+/.exec(first.value)?.[0] ?? '') : '';
        const trailing = last?.type === 'text' ? (/\s+$/.exec(last.value)?.[0] ?? '') : '';
        if (first?.type === 'text' && leading) run[0] = { ...first, value: first.value.slice(leading.length) };
        const end = run.length - 1;
        const tail = run[end];
        if (tail?.type === 'text' && trailing) run[end] = { ...tail, value: tail.value.slice(0, tail.value.length - trailing.length) };
        if (leading) parts.push({ type: 'text', value: leading });
        parts.push({ ...node, children: run } as Link);
        if (trailing) parts.push({ type: 'text', value: trailing });
      }
      run = [];
    };
    for (const child of node.children) {
      if (child.type === 'wikiLink') {
        endRun();
        parts.push(child);
      } else {
        run.push(child);
      }
    }
    endRun();
    spliceMany(parent.children as PhrasingContent[], index, 1, parts);
    return [SKIP, index + parts.length];
  });
}
