/**
 * Rehype plugin: the math that `pandoc-math.ts` found, rendered at build time by KaTeX
 * (`rehype-katex`) to HTML and MathML; the reader's browser needs only KaTeX's stylesheet and
 * fonts, which the page loads only when it holds math (`hasMath`).
 *
 * It runs before the sanitizer (`../rehype-sanitize-note.ts`), on the `code.language-math`
 * elements the Markdown made (raw HTML in the note is not parsed yet, so it cannot pose as
 * math), and the sanitizer sets its output aside untouched: KaTeX's output needs `style`
 * attributes the sanitizer strips, and it is made from the TeX as text, escaped, with
 * `\href`, `\includegraphics` and HTML extensions refused (`trust: false`, KaTeX's default).
 *
 * TeX that KaTeX cannot read never fails the build: it is shown as its source in a marked box
 * (`katex-error`, with KaTeX's reason as its title) and reported on its line.
 */
import type { Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The class KaTeX puts on every rendered formula; a page whose HTML holds it loads KaTeX's CSS. */
export const MATH_CLASS = 'katex';
export const MATH_ERROR_CLASS = 'katex-error';

/** The outermost elements of KaTeX's output, which the sanitizer passes through. */
export const RENDERED_MATH_CLASSES: ReadonlySet<string> = new Set([MATH_CLASS, 'katex-display', MATH_ERROR_CLASS]);

export function hasMath(html: string): boolean {
  return html.includes(`<span class="${MATH_CLASS}">`) || html.includes(`<span class="${MATH_ERROR_CLASS}"`);
}

export function rehypeMath() {
  // `strict: 'ignore'`: text such as Japanese inside math renders without a console warning.
  // `errorColor: 'inherit'`: the error box is coloured by the site's stylesheet, in both themes.
  const render = rehypeKatex({ strict: 'ignore', errorColor: 'inherit' });
  return (tree: Root, file: VFile) => {
    const before = file.messages.length;
    render(tree, file);
    // The search index gets each formula once, from its MathML and TeX: KaTeX's visual copy,
    // glyph by glyph, is left out of it.
    visit(tree, 'element', (element) => {
      const className = element.properties.className;
      if (Array.isArray(className) && className.includes('katex-html')) element.properties.dataPagefindIgnore = '';
    });
    for (const message of file.messages.slice(before)) {
      if (message.source !== 'rehype-katex') continue;
      const cause = message.cause instanceof Error ? message.cause.message.replace(/^KaTeX parse error: /, '') : String(message.cause);
      message.reason = `this math could not be rendered (${cause}); it is shown as its TeX source in a marked box. Fix the TeX, or write \\$ for a dollar sign that is not math`;
    }
  };
}
