import { describe, expect, test } from 'vitest';
import { hrefForSlug, MAX_SEGMENT_BYTES, NOTES_ROUTE, shortHash, slugForKey, type NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';

const slugOf = (title: string): NoteSlug => slugForKey(titleKey(title));
const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('slugForKey', () => {
  test.each([
    ['Task Management', 'task_management'],
    ['TF-IDF', 'tf-idf'],
    ['Start/expand/connect', 'start/expand/connect'],
    ['Product/Market Fit', 'product/market_fit'],
    ['product market fit', 'product_market_fit'],
    ['@babel/preset-react', '@babel/preset-react'],
    ['Social Hack Day #57', 'social_hack_day_＃57'],
    ['ScrapboxSQUARE#2', 'scrapboxsquare＃2'],
    ['#Generation Z values', '＃generation_z_values'],
    ['Use # for a comment', 'use_＃_for_a_comment'],
    ['"Have you read it?"', '"have_you_read_it？"'],
    ['100% sure', '100％_sure'],
    ['C:\\Windows', 'c:＼windows'],
    ['Also available in black.', 'also_available_in_black.'],
    ['"Quoted" phrase (with a note)', '"quoted"_phrase_(with_a_note)'],
    ["'Somebody's' idea of a title.\"", "'somebody's'_idea_of_a_title.\""],
    ['(parenthesised) title', '(parenthesised)_title'],
    ['& more', '&_more'],
    ['Two types of notifications: "may see"', 'two_types_of_notifications:_"may_see"'],
    ['The easiest way | The Cybozu Method', 'the_easiest_way_|_the_cybozu_method'],
    ['知的生産術', '知的生産術'],
    ['Apple Distribution certificates （配布用証明書）', 'apple_distribution_certificates_（配布用証明書）'],
    ['Cafe\u0301', 'café'],
  ])('gives %j the slug %j', (title, slug) => {
    expect(slugOf(title)).toBe(slug);
  });

  test.each([
    ['.', '-dot'],
    ['..', '-dot-dot'],
    ['...', '-dot-dot-dot'],
    ['a/./b', 'a/-dot/b'],
    ['a/../b', 'a/-dot-dot/b'],
    ['../etc/passwd', '-dot-dot/etc/passwd'],
    ['/leading slash', '-/leading_slash'],
    ['trailing slash/', 'trailing_slash/-'],
    ['a//b', 'a/-/b'],
    ['bell\u0007char', 'bell-char'],
    ['delete\u007fchar', 'delete-char'],
  ])('rewrites the special segments of %j into %j and the hash of the key', (title, slug) => {
    expect(slugOf(title)).toBe(`${slug}~${shortHash(titleKey(title))}`);
  });

  test.each([
    ['a title with a full-width replacement character', 'A＃b', 'a＃b'],
    ['a title that ends like a hashed slug', 'x~0123abcd', 'x~0123abcd'],
    ['a segment that ends like a hashed slug', 'x~0123abcd/y', 'x~0123abcd/y'],
  ])('adds the hash to %s, which another key could otherwise share', (_why, title, slug) => {
    expect(slugOf(title)).toBe(`${slug}~${shortHash(titleKey(title))}`);
  });

  test.each([
    ['..hidden', '..hidden'],
    ['-dot', '-dot'],
    ['a-b', 'a-b'],
    ['x~0123abcdx', 'x~0123abcdx'],
  ])('keeps %j plain', (title, slug) => {
    expect(slugOf(title)).toBe(slug);
  });

  test.each([
    ['Task Management', 'task_management'],
    ['Task Management', '  TASK   MANAGEMENT '],
    ['Caf\u00e9', 'CAFE\u0301'],
    ['Start/expand/connect', 'start/Expand/CONNECT'],
  ])('gives every spelling of a title one slug: %j and %j', (a, b) => {
    expect(slugOf(a)).toBe(slugOf(b));
  });

  test.each([
    ['"/" versus " "', 'Product/Market Fit', 'product market fit'],
    ['"/" versus "-"', 'Start/expand/connect', 'Start-expand-connect'],
    ['" " versus "-"', '2 hop links', '2-hop links'],
    ['" " versus "-" in a one-word title', 'a b', 'a-b'],
    ['a trailing "."', 'Also available in black.', 'Also available in black'],
    ['a "#" is not dropped', 'ScrapboxSQUARE#2', 'ScrapboxSQUARE2'],
    ['"." versus ".." segments', 'a/./b', 'a/../b'],
  ])('keeps distinct titles on distinct slugs (%s): %j, %j', (_why, a, b) => {
    expect(slugOf(a)).not.toBe(slugOf(b));
  });

  test.each([
    ['ASCII', 'a'.repeat(250)],
    ['Japanese (3 bytes a character)', '知'.repeat(70)],
    ['emoji (4 bytes a character)', '🪴'.repeat(60)],
    ['mixed, with a 2-byte character at the cut', `${'a'.repeat(190)}é${'b'.repeat(40)}`],
  ])('cuts a %s segment over 200 UTF-8 bytes on a character boundary and adds a hash', (_kind, title) => {
    const key = titleKey(title);
    const slug = slugForKey(key);
    expect(bytes(slug)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(slug.endsWith(`~${shortHash(key)}`)).toBe(true);
    const kept = slug.slice(0, -9);
    expect(key.startsWith(kept)).toBe(true);
    expect(kept.isWellFormed()).toBe(true);
    expect(bytes(kept)).toBeGreaterThan(MAX_SEGMENT_BYTES - 9 - 4);
  });

  test('cuts a 250-character ASCII title to 191 characters, "~" and the 8-digit hash', () => {
    const key = titleKey('a'.repeat(250));
    expect(slugForKey(key)).toBe(`${'a'.repeat(191)}~${shortHash(key)}`);
  });

  test.each([
    [MAX_SEGMENT_BYTES, false],
    [MAX_SEGMENT_BYTES + 1, true],
  ])('a segment of %i bytes is cut: %s', (length, isCut) => {
    const slug = slugOf('x'.repeat(length));
    expect(slug === 'x'.repeat(length)).toBe(!isCut);
  });

  test('keeps the longest corpus title (184 characters) whole', () => {
    const title = `${'Long title words '.repeat(10)}${'end'.padEnd(14, '.')}`;
    expect(title).toHaveLength(184);
    expect(slugOf(title)).toBe(titleKey(title).replace(/ /g, '_'));
  });

  test('keeps long titles that share their first 300 bytes on distinct slugs', () => {
    const prefix = 'the same long beginning '.repeat(13);
    expect(bytes(prefix)).toBeGreaterThan(300);
    const a = slugOf(`${prefix}ending one`);
    const b = slugOf(`${prefix}ending two`);
    expect(a).not.toBe(b);
    expect(a.slice(0, -8)).toBe(b.slice(0, -8));
  });

  test('hashes the whole key, so a long segment in a path depends on the other segments too', () => {
    const long = 'b'.repeat(250);
    const a = slugOf(`one/${long}`);
    const b = slugOf(`two/${long}`);
    expect(a.split('/')[1]).not.toBe(b.split('/')[1]);
    expect(a).toBe(`one/${'b'.repeat(191)}~${shortHash(`one/${long}`)}`);
  });

  test.each([
    'Start/expand/connect',
    '.',
    '..',
    './..',
    '/',
    '//',
    'a/ /b',
    'Social Hack Day #57?%\\',
    `${'知'.repeat(100)}/${'.'.repeat(3)}`,
    `${'🪴'.repeat(80)}/x`,
    'tab\tcontrol\u0001',
  ])('never yields an empty, "." or ".." segment, a raw #?%\\ or a segment over 200 bytes: %j', (title) => {
    for (const segment of slugOf(title).split('/')) {
      expect(segment).not.toBe('');
      expect(segment).not.toBe('.');
      expect(segment).not.toBe('..');
      expect(segment).not.toMatch(/[#?%\\\u0000-\u001f\u007f]/);
      expect(bytes(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    }
  });
});

describe('shortHash', () => {
  test.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ])('is FNV-1a 32 bits: %j hashes to %s', (text, hash) => {
    expect(shortHash(text)).toBe(hash);
  });

  test('hashes UTF-8 bytes, so NFC and NFD spellings differ', () => {
    expect(shortHash('caf\u00e9')).not.toBe(shortHash('cafe\u0301'));
    expect(shortHash('知')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('hrefForSlug', () => {
  test.each([
    ['task_management', '/', '/notes/task_management/'],
    ['task_management', '/docs/', '/docs/notes/task_management/'],
    ['task_management', '/docs', '/docs/notes/task_management/'],
    ['task_management', '', '/notes/task_management/'],
    ['start/expand/connect', '/', '/notes/start/expand/connect/'],
    ['start/expand/connect', '/wiki/', '/wiki/notes/start/expand/connect/'],
    ['social_hack_day_＃57', '/', '/notes/social_hack_day_%EF%BC%8357/'],
    ['have_you_read_it？', '/', '/notes/have_you_read_it%EF%BC%9F/'],
    ['知的生産術', '/', '/notes/%E7%9F%A5%E7%9A%84%E7%94%9F%E7%94%A3%E8%A1%93/'],
    ['"quoted"_phrase', '/', '/notes/%22quoted%22_phrase/'],
    ['the_easiest_way_|_the_cybozu_method', '/', '/notes/the_easiest_way_%7C_the_cybozu_method/'],
    ['two_types:_"may_see"', '/', '/notes/two_types:_%22may_see%22/'],
    ['&_more', '/', '/notes/&_more/'],
    ['café', '/', '/notes/caf%C3%A9/'],
    ['also_available_in_black.', '/', '/notes/also_available_in_black./'],
    ['@babel/preset-react', '/', '/notes/@babel/preset-react/'],
  ])('links slug %j under base %j as %j', (slug, base, href) => {
    expect(hrefForSlug(slug as NoteSlug, base)).toBe(href);
  });

  test('uses "/" as the default base', () => {
    expect(hrefForSlug('x' as NoteSlug)).toBe(`/${NOTES_ROUTE}/x/`);
  });

  test.each([
    'Social Hack Day #57',
    'Have you read it?',
    '100% sure',
    'Two types of notifications: "may see" and "want to see."',
    'Product/Market Fit',
    '知的生産術',
    `${'知'.repeat(100)}`,
  ])('encodes each segment of %j so that decoding gives the slug back', (title) => {
    const slug = slugOf(title);
    const href = hrefForSlug(slug, '/base/');
    expect(href.startsWith('/base/notes/')).toBe(true);
    expect(href.endsWith('/')).toBe(true);
    const path = href.slice('/base/notes/'.length, -1);
    expect(path).not.toMatch(/[#?\s"]/);
    expect(path.split('/').map(decodeURIComponent).join('/')).toBe(slug);
  });
});
