import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer, type NoteRenderer } from '../../../../src/lib/markdown/note-renderer.ts';
import { hasMath } from '../../../../src/lib/markdown/math/rehype-math.ts';
import { rewriteScrapboxMath } from '../../../../src/lib/markdown/math/scrapbox-math.ts';
import { woff2OnlyStylesheet } from '../../../../src/lib/markdown/math/katex-assets.ts';
import { buildTitleIndex } from '../../../../src/lib/titles/title-index.ts';

let renderer: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(buildTitleIndex([]), '/');
});
const render = (markdown: string) => renderer.render(markdown, 'note.md');
const html = async (markdown: string) => (await render(markdown)).html;
/** The TeX of each formula on the page, from KaTeX's MathML annotation. */
const formulas = (out: string) => [...out.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);

describe('$…$ by Pandoc’s rule', () => {
  test.each([
    ['$x_j = \\sum_k a_{jk} y_k$', ['x_j = \\sum_k a_{jk} y_k']],
    ['so $S = \\frac{\\pi^2}{6}$ holds', ['S = \\frac{\\pi^2}{6}']],
    ['$5, and $x$ is', ['x']],
    ['$a$ and $b$', ['a', 'b']],
  ])('%s is math', async (markdown, tex) => {
    expect(formulas(await html(markdown))).toEqual(tex);
  });

  test.each([
    ['a price', '$275 a month'],
    ['two prices', 'from $275 a month to $300 a year'],
    ['a space after the opening $', 'costs $ 5 or $ 6$'],
    ['a space before the closing $', 'between $x $ and'],
    ['a digit after the closing $', 'pay $x$5 now'],
    ['inline code', '`$x$` and ``$$y$$``'],
    ['a code block', '```\necho $HOME $PATH$\n```'],
    ['a shell variable in code next to a price', 'Cost is $5 and `${name}` is it'],
    ['an escaped dollar', '\\$x\\$ and \\$y$'],
  ])('no math in %s (only the formula after it is math)', async (_, markdown) => {
    const out = await html(`${markdown}\n\nThen $y^2$.`);
    expect(formulas(out)).toEqual(['y^2']);
    expect(out.replace(/<span class="katex">.*<\/span>/s, '')).toContain('$');
  });

  test('$$…$$ is display math, inline or on lines of its own', async () => {
    expect(await html('Then $$E = mc^2$$ holds')).toContain('<span class="katex-display">');
    const block = await html('$$\n\\int_0^1 x\\,dx\n$$');
    expect(block).toContain('<span class="katex-display">');
    expect(formulas(block)).toEqual(['\\int_0^1 x\\,dx']);
  });

  test('bad TeX is its source in a marked box, reported on its line', async () => {
    const rendered = await render('Fine\n\nbad $\\frac{1$ here');
    expect(rendered.html).toContain('<span class="katex-error" title="ParseError: KaTeX parse error:');
    expect(rendered.html).toContain('>\\frac{1</span>');
    expect(rendered.problems).toEqual([{ line: 3, message: expect.stringContaining('this math could not be rendered') }]);
  });

  test('KaTeX output passes the sanitizer with its styles; raw HTML cannot pose as math', async () => {
    expect(await html('$\\sqrt{x}$')).toMatch(/style="height:/);
    const forged = await html('<span class="katex" style="position:fixed" onclick="x()">a</span>');
    expect(forged).not.toContain('onclick');
    expect(forged).not.toContain('position:fixed');
  });

  test('the search index gets the MathML and TeX of a formula, not KaTeX’s glyphs', async () => {
    const out = await html('$x^2$');
    expect(out).toContain('<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">');
    expect(out.match(/data-pagefind-ignore/g)).toHaveLength(1);
  });

  test('hasMath finds rendered math and errors only', async () => {
    expect(hasMath(await html('$x$'))).toBe(true);
    expect(hasMath(await html('$\\frac{$'))).toBe(true);
    expect(hasMath(await html('no math, class="katexish"'))).toBe(false);
  });

  test('prose with prices renders no math: only the formula after it is math', async () => {
    const amount = fc.integer({ min: 0, max: 99999 }).map((n) => `$${n}`);
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const line = fc.array(fc.oneof(amount, word), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        expect(formulas(await html(`${text} and $z$`))).toEqual(['z']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Scrapbox math', () => {
  test.each([
    ['[$ x^2]', '$$$x^2$$$', []],
    ['a [$ f(\\cdot)] b', 'a $$$f(\\cdot)$$$ b', []],
    ['[$ \\sqrt[3]{x}] end', '$$$\\sqrt[3]{x}$$$ end', []],
    ['is [$ p = x/(x+c)', 'is $$$p = x/(x+c)$$$', [1]],
    ['[$ a$b]', '$$$a$b$$$', []],
  ])('%s → %s', (written, expected, unclosed) => {
    expect(rewriteScrapboxMath(written)).toEqual({ markdown: expected, unclosed });
  });

  test.each([
    ['a wiki link', '[[$CRV]] and [[$ CRV]]'],
    ['no space after $', '[$x]'],
    ['inline code', '`[$ x]`'],
    ['a code block', '```\n[$ x]\n```'],
    ['an escaped bracket', '\\[$ x]'],
    ['a Markdown link label', '[$ - String Interpolation (C# Reference)](https://example.com/interpolated)'],
  ])('%s is left alone', (_, written) => {
    expect(rewriteScrapboxMath(written)).toEqual({ markdown: written, unclosed: [] });
  });

  test('renders inline, and an unclosed one is reported on its line', async () => {
    const rendered = await render('one\ntwo [$ \\frac{1}{2}] and [$ 1/(S+1)');
    expect(formulas(rendered.html)).toEqual(['\\frac{1}{2}', '1/(S+1)']);
    expect(rendered.html).not.toContain('katex-display');
    expect(rendered.problems).toEqual([{ line: 2, message: expect.stringContaining('no closing ]') }]);
  });
});

test('the published stylesheet names only WOFF2 fonts', () => {
  const css = '@font-face{src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff"),url(fonts/A.ttf) format("truetype")}';
  expect(woff2OnlyStylesheet(css)).toBe('@font-face{src:url(fonts/A.woff2) format("woff2")}');
});
