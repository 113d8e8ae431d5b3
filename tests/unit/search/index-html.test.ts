import { describe, expect, test } from 'vitest';
import { htmlForIndex, pageForIndex } from '../../../src/lib/search/index-html.ts';
import { WORD_BREAK } from '../../../src/lib/search/japanese-words.ts';

/** Expected outputs are written with `|` for each inserted break. */
const withBreaks = (html: string) => html.replaceAll('|', WORD_BREAK);

describe('htmlForIndex', () => {
  test.each([
    ['text in a paragraph', '<p>暗黙知について</p>', '<p>暗黙|知|について</p>'],
    ['a heading', '<h1 data-pagefind-weight="10">知的生産術</h1>', '<h1 data-pagefind-weight="10">知的|生産|術</h1>'],
    ['text between two tags', '<b>Polanyi</b>このノート<i>暗黙知</i>', '<b>Polanyi</b>この|ノート<i>暗黙|知</i>'],
    ['text next to an entity', '<p>暗黙知&amp;形式知</p>', '<p>暗黙|知|&amp;|形式|知</p>'],
    ['text after a comment', '<!-- note -->暗黙知', '<!-- note -->暗黙|知'],
    ['text on several lines', '<p>暗黙知\n形式知</p>', '<p>暗黙|知\n形式|知</p>'],
  ])('breaks Japanese words in %s', (_why, html, expected) => {
    expect(htmlForIndex(html)).toBe(withBreaks(expected));
  });

  test.each([
    ['a Japanese attribute value', '<h1 data-title="知的生産術" title=\'暗黙知\'>'],
    ['a Japanese href', '<a href="https://scrapbox.io/nishio/自治体の購買力" lang="ja">'],
    ['an unquoted attribute', '<a title=暗黙知>'],
    ['a script', '<script>const title = "暗黙知"; if (a < b && c > d) {}</script>'],
    ['a module script with attributes', '<script type="module" src="/x.js">document.title = "知的生産術";</script>'],
    ['a style', '<style>.x::after { content: "暗黙知"; }</style>'],
    ['a comment', '<!-- 暗黙知 <p>知的生産術</p> -->'],
    ['a self-closing tag', '<img alt="暗黙知" src="/暗黙知.png" />'],
    ['a doctype', '<!doctype html>'],
    // Astro escapes only `&` and `"` in attribute values: a `>` stays raw. Real case: the
    // "Translated from" link of the note '9.11>9.9" is a false dichotomy.'
    [
      'an attribute value with a ">" in it',
      '<a href="https://scrapbox.io/nishio/&quot;9.11>9.9&quot;が正しいか正しくないかは誤った二分法" lang="ja">',
    ],
    ['a data-title with a ">" in it', '<h1 data-title="A -> 暗黙知" data-pagefind-meta="title[data-title]">'],
  ])('leaves %s as it is', (_why, html) => {
    expect(htmlForIndex(html)).toBe(html);
  });

  test('changes only the text of a whole page, which reads the same without the breaks', () => {
    const page = [
      '<!DOCTYPE html><html lang="en"><head><title>知的生産術 · Wiki Notes</title>',
      '<link rel="alternate" hreflang="ja" href="https://scrapbox.io/nishio/知的生産術">',
      '<style>h1::before{content:"暗黙知"}</style></head><body>',
      '<article data-pagefind-body data-pagefind-filter="kind:Notes">',
      '<h1 data-pagefind-weight="10" data-title="知的生産術" data-pagefind-meta="title[data-title]">知的生産術</h1>',
      '<p class="translated-from"><span data-pagefind-ignore>Translated from Japanese:</span> ',
      '<a href="https://scrapbox.io/nishio/自治体の購買力" lang="ja" data-pagefind-weight="10">自治体の購買力</a></p>',
      '<!-- 暗黙知 --><p>このノートでは暗黙知について書いた。Polanyi named it.</p>',
      '</article><script type="module">const q = "自治体の購買力";</script></body></html>',
    ].join('\n');
    const indexed = htmlForIndex(page);
    expect(indexed.replaceAll(WORD_BREAK, '')).toBe(page);
    const tags = (html: string) => html.match(/<[^>]*>/g);
    expect(tags(indexed)).toEqual(tags(page));
    expect(indexed).toContain(withBreaks('>知的|生産|術</h1>'));
    expect(indexed).toContain(withBreaks('>自治体|の|購買|力</a>'));
    expect(indexed).toContain(withBreaks('<p>この|ノート|では|暗黙|知|について|書|い|た|。|Polanyi named it.</p>'));
    expect(indexed).toContain('<!-- 暗黙知 -->');
    expect(indexed).toContain('const q = "自治体の購買力";');
    expect(indexed).toContain('content:"暗黙知"');
  });

  test('returns a page without Japanese unchanged', () => {
    const page = '<html><body><h1>Tacit knowledge</h1><p>Knowledge that is hard to put into words.</p></body></html>';
    expect(htmlForIndex(page)).toBe(page);
  });
});

describe('pageForIndex', () => {
  const page = (article: string) =>
    `<!doctype html><html lang="en"><head><title>T</title><meta name="description" content="暗黙知"></head><body>` +
    `<header><a href="/">Wiki Notes</a></header><main>${article}<section id="backlinks"><p>暗黙知 from elsewhere</p></section></main></body></html>`;

  test('keeps the html tag and the searchable article only, Japanese words split', () => {
    const indexed = pageForIndex(page('<article class="page" data-pagefind-body><h1>知的生産術</h1><p>text</p></article>'));
    expect(indexed).toBe(
      withBreaks('<!doctype html><html lang="en"><head></head><body><article class="page" data-pagefind-body><h1>知的|生産|術</h1><p>text</p></article></body></html>'),
    );
  });

  test.each(['ja', 'ja-JP', 'JA'])('leaves the words of a page marked lang="%s" to Pagefind, split once', (lang) => {
    const indexed = pageForIndex(
      page('<article class="page" data-pagefind-body><h1>知的生産術</h1><p>text</p></article>').replace('<html lang="en">', `<html lang="${lang}">`),
    );
    expect(indexed).toBe(
      `<!doctype html><html lang="${lang}"><head></head><body><article class="page" data-pagefind-body><h1>知的生産術</h1><p>text</p></article></body></html>`,
    );
  });

  test('keeps an article inside the note body whole', () => {
    const indexed = pageForIndex(page('<article data-pagefind-body><h1>A</h1><article><p>inner</p></article><p>after</p></article>'));
    expect(indexed).toContain('<article><p>inner</p></article><p>after</p></article></body>');
    expect(indexed).not.toContain('backlinks');
  });

  test('a page without a searchable article is not indexed', () => {
    expect(pageForIndex(page('<h1>Glossary</h1><table></table>'))).toBeUndefined();
    expect(pageForIndex(page('<article><h1>Not marked</h1></article>'))).toBeUndefined();
  });
});
