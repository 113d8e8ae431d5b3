/**
 * The Markdown pipeline for notes: Astro's unified processor (`@astrojs/markdown-remark`)
 * with GFM (once: Astro's own copy is switched off so ours is the only one),
 * `remark-wiki-link` to parse `[[links]]` (where the brackets allow one, `faithful-brackets.ts`) and our resolver to turn them into page links.
 * Indented code and HTML blocks are off (see `remark-line-based-blocks.ts`).
 * Raw HTML in notes is parsed and sanitized (`rehype-sanitize-note.ts`): Scrapbox icons
 * (`<img alt='nishio.icon'>`) render as inline images, scripts do not run. Images on other
 * hosts load lazily and send no referrer (`rehype-remote-images.ts`).
 * What Obsidian writers expect (`obsidian/`): `%%comments%%` taken out, callouts, `==highlights==`,
 * `^block-ids`, Mermaid diagrams (drawn in the browser); TeX math (`math/`: `$…$` by Pandoc's rule, `$$…$$`, Scrapbox's `[$ …]`) rendered
 * by KaTeX, whose output the sanitizer lets through.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkWikiLink from 'remark-wiki-link';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defuseBracketFloods } from './bracket-floods.ts';
import { defuseInlineFloods, MAX_DELIMITER_RUNS, type InlineFlood } from './inline-floods.ts';
import { remarkFaithfulBrackets } from './faithful-brackets.ts';
import { SHIKI_CONFIG } from './code-highlighting.ts';
import { remarkLineBasedBlocks } from './remark-line-based-blocks.ts';
import { remarkResolveWikiLinks } from './links/remark-resolve-wiki-links.ts';
import { remarkTitleLessLinks } from './links/remark-title-less-links.ts';
import { remarkUnclosedFence } from './remark-unclosed-fence.ts';
import { remarkExcerpt } from './note-excerpt.ts';
import { rehypeRemoteImages } from './rehype-remote-images.ts';
import { rehypeSanitizeNote } from './rehype-sanitize-note.ts';
import { remarkPandocMath } from './math/pandoc-math.ts';
import { rehypeMath } from './math/rehype-math.ts';
import { rewriteScrapboxMath } from './math/scrapbox-math.ts';
import { remarkBlockIds } from './obsidian/remark-block-ids.ts';
import { remarkCallouts } from './obsidian/remark-callouts.ts';
import { remarkComments } from './obsidian/remark-comments.ts';
import { remarkHighlights } from './obsidian/remark-highlights.ts';
import { remarkMermaid } from './obsidian/remark-mermaid.ts';
import type { RenderedNote } from './rendered-note.ts';
import { unrenderedNote } from './unrendered-note.ts';
import type { TitleIndex } from '../titles/title-index.ts';
import type { VFile } from 'vfile';

export interface NoteRenderer {
  /** @param fileId any string unique to the note (its path); it names the note in errors. */
  render(markdown: string, fileId: string): Promise<RenderedNote>;
}

/**
 * `remark-wiki-link` splits `[[target:alias]]` at a divider (`:` by default); our titles
 * contain `:` and `|`, so the divider is a character Markdown never delivers (micromark
 * turns NUL into U+FFFD) and the resolver reads aliases itself.
 */
const NO_ALIAS_DIVIDER = '\u0000';

export interface NoteRendererOptions {
  /** Keep raw HTML unsanitized (see `rehype-sanitize-note.ts`); default false. */
  trustedHtml?: boolean;
  /** Read `#word` as a link (`links/hashtags.ts`); default true. */
  hashtagLinks?: boolean;
}

export async function createNoteRenderer(index: TitleIndex, base: string, options: NoteRendererOptions = {}): Promise<NoteRenderer> {
  const resultsByFile = new Map<string, Pick<RenderedNote, 'links' | 'pathLinks' | 'excerpt'> & { file: VFile }>();
  const processor = await createMarkdownProcessor({
    gfm: false,
    smartypants: false,
    shikiConfig: SHIKI_CONFIG,
    rehypePlugins: [rehypeMath, [rehypeSanitizeNote, { trusted: options.trustedHtml ?? false }], rehypeRemoteImages],
    remarkPlugins: [
      remarkLineBasedBlocks,
      remarkGfm,
      remarkPandocMath,
      [remarkWikiLink, { aliasDivider: NO_ALIAS_DIVIDER }],
      remarkComments,
      remarkFaithfulBrackets,
      remarkTitleLessLinks,
      remarkCallouts,
      remarkHighlights,
      remarkBlockIds,
      remarkMermaid,
      [remarkResolveWikiLinks, { index, base, hashtags: options.hashtagLinks ?? true }],
      remarkUnclosedFence,
      remarkExcerpt,
      // Hands each file's links and problems out of the pipeline: `render()` returns only HTML
      // and metadata. (Its problems are read once the rehype plugins have added theirs.)
      () => (_tree: unknown, file: VFile) => {
        resultsByFile.set(file.path, {
          links: file.data.wikiLinks ?? [],
          pathLinks: file.data.pathLinks ?? [],
          excerpt: file.data.excerpt ?? '',
          file,
        });
      },
    ],
  });
  const renderOnce = async (markdown: string, fileId: string): Promise<RenderedNote> => {
    const fileURL = pathToFileURL(`/${fileId}`);
    const path = fileURLToPath(fileURL);
    try {
      const result = await processor.render(markdown, { fileURL });
      const { links = [], pathLinks = [], excerpt = '', file } = resultsByFile.get(path) ?? {};
      const problems = (file?.messages ?? []).map((message) => ({ line: message.line ?? undefined, message: message.reason }));
      return { html: result.code, headings: result.metadata.headings, links, pathLinks, excerpt, problems };
    } finally {
      resultsByFile.delete(path);
    }
  };
  return {
    async render(written, fileId) {
      const scrapboxMath = rewriteScrapboxMath(written);
      const { markdown: bracketsDefused, lines } = defuseBracketFloods(scrapboxMath.markdown);
      const { markdown, floods: inlineFloods } = defuseInlineFloods(bracketsDefused);
      const floods = [
        ...scrapboxMath.unclosed.map((line) => ({
          line,
          message: 'this line has Scrapbox math, [$ …, with no closing ]: the rest of the line is read as TeX. Close it with ] where the math ends',
        })),
        ...lines.map(({ line, brackets }) => ({
          line,
          message: `this line has ${brackets} brackets that pair with nothing or nest more than two deep; they are shown as text, escaped so that the line parses in linear time. Write them as \\[ and \\] or put them in \`code\``,
        })),
        ...inlineFloods.map((flood) => ({ line: flood.line, message: inlineFloodMessage(flood) })),
      ].sort((a, b) => a.line - b.line);
      let result: RenderedNote;
      try {
        result = await renderOnce(markdown, fileId);
      } catch (error) {
        result = await renderFallback(markdown, fileId, error, renderOnce);
      }
      return floods.length === 0 ? result : { ...result, problems: [...floods, ...result.problems] };
    },
  };
}

function inlineFloodMessage({ kind, count }: InlineFlood): string {
  return kind === 'html'
    ? `the paragraph starting here has ${count} \`<!--\`, \`<?\`, \`<![CDATA[\` or \`<!…\` that nothing closes; they are shown as text, escaped so that it parses in linear time. Close them or write \`\\<\``
    : `the paragraph starting here has ${count} runs of \`*\` or \`_\` (more than ${MAX_DELIMITER_RUNS}); they are shown as text, without emphasis, so that it parses in linear time. Split the paragraph or write \`\\*\` and \`\\_\``;
}

/**
 * A note the pipeline cannot render (thousands of nested HTML elements overflow the parser's
 * stack) is still published: first with its HTML shown as text, which keeps its Markdown and
 * links; failing that as its plain source. Either way the build reports it.
 */
async function renderFallback(
  markdown: string,
  fileId: string,
  error: unknown,
  renderOnce: (markdown: string, fileId: string) => Promise<RenderedNote>,
): Promise<RenderedNote> {
  const reason = error instanceof Error ? (error.message.split('\n').at(-1) ?? error.message) : String(error);
  const problem = (shown: string) => ({
    line: undefined,
    message: `the note could not be rendered as written (${reason}); it is published with ${shown}. Simplify its HTML or split it to fix this`,
  });
  try {
    // `\<` is a literal `<` in Markdown: no HTML is parsed.
    const result = await renderOnce(markdown.replace(/</g, '\\<'), fileId);
    return { ...result, problems: [...result.problems, problem('its HTML shown as text')] };
  } catch {
    return unrenderedNote(markdown, problem('its source shown as plain text and its links not followed').message);
  }
}
