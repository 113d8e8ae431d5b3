import { describe, expect, test } from 'vitest';
import {
  extractTranslationFooters,
  sourcesWithFrontmatter,
  type TranslationSource,
} from '../../../src/lib/translation/translation-source.ts';

const INVITATION =
  " If you looks something interesting but the auto-translated English is not good enough to understand it, feel free to let me know at [@nishio_en](https://twitter.com/nishio_en). I'm very happy to spread my thought to non-Japanese readers.";

/** A footer line as the corpus writes it. */
const footer = (title: string, url = `https://scrapbox.io/nishio/${title}`, engine: string | undefined = 'DeepL') =>
  `This page is auto-translated from [/nishio/${title}](${url})${engine ? ` using ${engine}` : ''}.${INVITATION}`;

const source = (title: string, engine: string | undefined = 'DeepL'): TranslationSource => ({
  title,
  url: `https://scrapbox.io/nishio/${title}`,
  project: 'nishio',
  engine,
});

const lineCount = (text: string) => text.split('\n').length;

describe('extractTranslationFooters', () => {
  test.each([
    ['a footer using DeepL', footer('自治体の購買力'), source('自治体の購買力')],
    ['a footer without "using …"', footer('自治体の購買力', undefined, undefined), source('自治体の購買力', undefined)],
    ['a footer naming another engine', footer('暗黙知', undefined, 'Google Translate'), source('暗黙知', 'Google Translate')],
    [
      'a URL with spaces and parentheses',
      footer('(2.2.3) 不確定要素がある場合の大小関係は？'),
      source('(2.2.3) 不確定要素がある場合の大小関係は？'),
    ],
    ['a title with an unclosed "("', footer('(コラム 二種類の暗黙知'), source('(コラム 二種類の暗黙知')],
    ['a title with an unopened ")"', footer('コラム) 二種類の暗黙知'), source('コラム) 二種類の暗黙知')],
    ['a title with "]" inside its URL only', footer('a', 'https://scrapbox.io/nishio/a]b'), { ...source('a'), url: 'https://scrapbox.io/nishio/a]b' }],
    ['a footer without the invitation after it', 'This page is auto-translated from [/nishio/暗黙知](https://scrapbox.io/nishio/暗黙知) using DeepL.', source('暗黙知')],
  ])('reads %s', (_why, footerLine, expected) => {
    const body = `Some text.\n\n---\n${footerLine}\n`;
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([expected]);
    expect(extracted.unreadableLines).toEqual([]);
    expect(extracted.body).toBe('Some text.\n\n\n\n');
  });

  test('reads the exact footer from the issue: spaces and parentheses in the URL', () => {
    const body =
      'Body.\n---\nThis page is auto-translated from [/nishio/(2.2.3) 不確定要素がある場合の大小関係は？](https://scrapbox.io/nishio/(2.2.3) 不確定要素がある場合の大小関係は？) using DeepL.';
    expect(extractTranslationFooters(body)).toEqual({
      body: 'Body.\n\n',
      sources: [
        {
          title: '(2.2.3) 不確定要素がある場合の大小関係は？',
          url: 'https://scrapbox.io/nishio/(2.2.3) 不確定要素がある場合の大小関係は？',
          project: 'nishio',
          engine: 'DeepL',
        },
      ],
      unreadableLines: [],
    });
  });

  test.each([
    ['after a text line', `Some text.\n${footer('暗黙知')}`, 'Some text.\n'],
    ['after an empty line', `Some text.\n\n${footer('暗黙知')}\n`, 'Some text.\n\n\n'],
    ['as the only line', footer('暗黙知'), ''],
    ['indented', `Some text.\n  ${footer('暗黙知')}`, 'Some text.\n'],
  ])('reads a footer without a preceding "---" %s', (_why, body, kept) => {
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([source('暗黙知')]);
    expect(extracted.body).toBe(kept);
  });

  test('reads and blanks both footers of a note made of two pages', () => {
    const body = `First page.\n\n---\n${footer('一つ目')}\nSecond page.\n\n---\n${footer('二つ目')}\n`;
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([source('一つ目'), source('二つ目')]);
    expect(extracted.body).toBe('First page.\n\n\n\nSecond page.\n\n\n\n');
    expect(extracted.body).not.toContain('auto-translated');
  });

  test('reads a footer in the middle and keeps the text after it', () => {
    const body = `Intro.\n\n---\n${footer('暗黙知')}\n\nMore text after the footer.\n- a [[link]]\n`;
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([source('暗黙知')]);
    expect(extracted.body).toBe('Intro.\n\n\n\n\nMore text after the footer.\n- a [[link]]\n');
  });

  test.each([
    ['one footer at the end', `a\nb\n\n---\n${footer('一')}\n`],
    ['one footer without a final newline', `a\nb\n---\n${footer('一')}`],
    ['a footer in the middle', `a\n---\n${footer('一')}\nc\nd\n`],
    ['two footers', `a\n---\n${footer('一')}\nb\n---\n${footer('二')}\n\n`],
    ['a footer on the first line', `${footer('一')}\na`],
  ])('keeps the line count of the body with %s', (_why, body) => {
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources.length).toBeGreaterThan(0);
    expect(lineCount(extracted.body)).toBe(lineCount(body));
  });

  test('keeps later lines on their line numbers', () => {
    const body = `one\n---\n${footer('一')}\nfour [[link]]\nfive`;
    const lines = extractTranslationFooters(body).body.split('\n');
    expect(lines.indexOf('four [[link]]') + 1).toBe(4);
    expect(lines.indexOf('five') + 1).toBe(5);
  });

  // Left in, the "---" would end the note with a rule, or turn the line above into a heading.
  test.each([
    ['after an empty line', `Some text.\r\n\r\n---\r\n${footer('暗黙知')}\r\n`, ['Some text.', '', '', '', '']],
    ['right after a text line', `Some text.\r\n---\r\n${footer('暗黙知')}\r\n`, ['Some text.', '', '', '']],
  ])('blanks the "---" before a footer %s in a note with Windows line ends', (_why, body, keptLines) => {
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([source('暗黙知')]);
    expect(extracted.body.split(/\r?\n/).map((line) => line.trim())).toEqual(keptLines);
  });

  test.each([
    ['no link at all', 'This page is auto-translated from somewhere using DeepL.', 4],
    ['a link without its closing ")"', 'This page is auto-translated from [/nishio/一](https://scrapbox.io/nishio/一 using DeepL.', 4],
    ['a link that is not to a project page', 'This page is auto-translated from [一](https://scrapbox.io/nishio/一) using DeepL.', 4],
    ['a URL that is not http(s)', 'This page is auto-translated from [/nishio/一](scrapbox.io/nishio/一) using DeepL.', 4],
  ])('reports an unreadable footer (%s) with its line and keeps it as text', (_why, footerLine, line) => {
    const body = `a\n\n---\n${footerLine}\nb`;
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([]);
    expect(extracted.unreadableLines).toEqual([line]);
    expect(extracted.body).toBe(body);
  });

  test('reports the right line for an unreadable footer after a readable one', () => {
    const body = `a\n---\n${footer('一')}\nb\nThis page is auto-translated from nowhere.\nc`;
    const extracted = extractTranslationFooters(body);
    expect(extracted.sources).toEqual([source('一')]);
    expect(extracted.unreadableLines).toEqual([5]);
    expect(extracted.body.split('\n')[4]).toBe('This page is auto-translated from nowhere.');
  });

  test.each([
    ['a note without a footer', 'Just text.\n\n---\nA closing line.\n'],
    ['the sentence quoted inside a line', 'He wrote "This page is auto-translated from [/nishio/a](https://x)" once.'],
    ['an empty body', ''],
  ])('leaves %s alone', (_why, body) => {
    expect(extractTranslationFooters(body)).toEqual({ body, sources: [], unreadableLines: [] });
  });
});

describe('sourcesWithFrontmatter', () => {
  const fromFooters = [source('一つ目'), source('二つ目')];

  test('lets original_title and source replace the first footer, keeping the others', () => {
    expect(sourcesWithFrontmatter({ original_title: '原題', source: 'https://example.org/原題' }, fromFooters)).toEqual([
      { ...source('一つ目'), title: '原題', url: 'https://example.org/原題' },
      source('二つ目'),
    ]);
  });

  test.each([
    ['original_title alone', { original_title: '原題' }, { ...source('一つ目'), title: '原題' }],
    ['source alone', { source: 'https://example.org/x' }, { ...source('一つ目'), url: 'https://example.org/x' }],
  ])('lets %s replace only its own field of the first footer', (_why, frontmatter, first) => {
    expect(sourcesWithFrontmatter(frontmatter, fromFooters)).toEqual([first, source('二つ目')]);
  });

  test('makes a source from the frontmatter alone when there is no footer', () => {
    expect(sourcesWithFrontmatter({ original_title: '原題', source: 'https://example.org/原題' }, [])).toEqual([
      { title: '原題', url: 'https://example.org/原題' },
    ]);
  });

  test.each([
    ['no such fields', { title: 'Tacit knowledge' }],
    ['fields that are not text', { original_title: 42, source: ['https://example.org'] }],
    ['null fields', { original_title: null, source: null }],
  ])('keeps the footers when the frontmatter has %s', (_why, frontmatter) => {
    expect(sourcesWithFrontmatter(frontmatter, fromFooters)).toEqual(fromFooters);
  });

  test('keeps no source when there is neither footer nor frontmatter', () => {
    expect(sourcesWithFrontmatter({}, [])).toEqual([]);
  });
});
