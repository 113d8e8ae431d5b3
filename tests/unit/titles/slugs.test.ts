import { describe, expect, test } from 'vitest';
import {
  explainSlug,
  fileSystemKey,
  hrefForSlug,
  MAX_SEGMENT_BYTES,
  MAX_SLUG_BYTES,
  MAX_SLUG_DEPTH,
  NOTES_ROUTE,
  plainSlugForKey,
  shortHash,
  slugForKey,
  type NoteSlug,
} from '../../../src/lib/titles/slugs.ts';
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
    ['a title that ends like a hashed slug', 'x~abcdefghijklmnopqrstuvwxyz', 'x~abcdefghijklmnopqrstuvwxyz'],
    ['a segment that ends like a hashed slug', 'x~abcdefghijklmnopqrst234567/y', 'x~abcdefghijklmnopqrst234567/y'],
  ])('adds the hash to %s, which another key could otherwise share', (_why, title, slug) => {
    expect(slugOf(title)).toBe(`${slug}~${shortHash(titleKey(title))}`);
  });

  test.each([
    ['..hidden', '..hidden'],
    ['-dot', '-dot'],
    ['a-b', 'a-b'],
    ['x~abcdefghijklmnopqrstuvwxyzx', 'x~abcdefghijklmnopqrstuvwxyzx'],
    ['x~0123abcd', 'x~0123abcd'],
    ['console', 'console'],
    ['con-tent', 'con-tent'],
    ['index.htm', 'index.htm'],
    ['index.html.x', 'index.html.x'],
    ['Also available in black.', 'also_available_in_black.'],
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
    const kept = slug.slice(0, -27);
    expect(key.startsWith(kept)).toBe(true);
    expect(kept.isWellFormed()).toBe(true);
    expect(bytes(kept)).toBeGreaterThan(MAX_SEGMENT_BYTES - 27 - 4);
  });

  test('cuts a 250-character ASCII title to 173 characters, "~" and the 26-character hash', () => {
    const key = titleKey('a'.repeat(250));
    expect(slugForKey(key)).toBe(`${'a'.repeat(173)}~${shortHash(key)}`);
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
    expect(a.slice(0, -26)).toBe(b.slice(0, -26));
  });

  test('hashes the whole key, so a long segment in a path depends on the other segments too', () => {
    const long = 'b'.repeat(250);
    const a = slugOf(`one/${long}`);
    const b = slugOf(`two/${long}`);
    expect(a.split('/')[1]).not.toBe(b.split('/')[1]);
    expect(a).toBe(`one/${'b'.repeat(173)}~${shortHash(`one/${long}`)}`);
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

describe('slugForKey and the paths file systems accept', () => {
  test.each([
    ['con', 'con~'],
    ['CON', 'con~'],
    ['Nul.txt', 'nul~.txt'],
    ['aux.tar.gz', 'aux~.tar.gz'],
    ['prn.', 'prn~.'],
    ['COM1', 'com1~'],
    ['lpt9.md', 'lpt9~.md'],
    ['com¹', 'com¹~'],
    ['aux/notes', 'aux~/notes'],
    ['a/nul/b', 'a/nul~/b'],
  ])('rewrites the Windows device name in %j into %j and the hash of the key', (title, slug) => {
    expect(slugOf(title)).toBe(`${slug}~${shortHash(titleKey(title))}`);
    expect(explainSlug(titleKey(title)).rewrites).toEqual(['device-name']);
  });

  test.each([
    ['index.html', 'index.html~'],
    ['a/index.html', 'a/index.html~'],
    ['a/INDEX.HTML/b', 'a/index.html~/b'],
    // A dotless ı upper-cases to I: Windows and macOS take this name for INDEX.HTML.
    ['ındex.html', 'ındex.html~'],
  ])('rewrites %j, a page file name where a folder would be, into %j and the hash of the key', (title, slug) => {
    expect(slugOf(title)).toBe(`${slug}~${shortHash(titleKey(title))}`);
    expect(explainSlug(titleKey(title)).rewrites).toEqual(['page-file']);
  });

  test.each([
    ['2,100 segments of "ab" (6,299 bytes)', Array(2100).fill('ab').join('/')],
    ['40 one-letter segments', Array(40).fill('x').join('/')],
    ['8 segments of 180 bytes', Array.from({ length: 8 }, (_, i) => `${i}${'s'.repeat(179)}`).join('/')],
    ['6 segments of 250 Japanese characters', Array(6).fill('知'.repeat(250)).join('/')],
  ])('bounds the whole path of %s and says so', (_what, title) => {
    const key = titleKey(title);
    const { slug, rewrites } = explainSlug(key);
    expect(bytes(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug.split('/').length).toBeLessThanOrEqual(MAX_SLUG_DEPTH);
    for (const segment of slug.split('/')) expect(bytes(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(slug.endsWith(`~${shortHash(key)}`)).toBe(true);
    expect(rewrites).toEqual(['long-path']);
    // The first segments stay as written, the rest is folded into the last.
    expect(slug.startsWith(slugOf(title.split('/')[0]!.slice(0, 20)))).toBe(true);
  });

  test.each([
    ['32 segments', Array(MAX_SLUG_DEPTH).fill('x').join('/'), false],
    ['33 segments', Array(MAX_SLUG_DEPTH + 1).fill('x').join('/'), true],
    ['1,024 bytes', `${Array(7).fill('y'.repeat(127)).join('/')}/${'y'.repeat(128)}`, false],
    ['1,025 bytes', `${Array(7).fill('y'.repeat(127)).join('/')}/${'y'.repeat(129)}`, true],
  ])('a path of %s is folded: %s', (_what, title, isFolded) => {
    expect(bytes(title) > MAX_SLUG_BYTES || title.split('/').length > MAX_SLUG_DEPTH).toBe(isFolded);
    expect(slugOf(title) === title).toBe(!isFolded);
  });

  test('rewrites lone surrogates, which no file name can hold, and keeps such keys apart', () => {
    const a = slugOf('a\uD800');
    const b = slugOf('a\uDC01');
    expect(a.isWellFormed() && b.isWellFormed()).toBe(true);
    expect(a).not.toBe(b);
    expect(a.startsWith('a-~')).toBe(true);
  });
});

describe('plainSlugForKey', () => {
  test.each(['Task Management', 'Start/expand/connect', '知的生産術', 'Also available in black.'])('is the slug of %j, which has no hash', (title) => {
    expect(plainSlugForKey(titleKey(title))).toBe(slugOf(title));
  });

  test.each(['a＃b', 'x'.repeat(250), 'con', 'a/index.html', '..', Array(40).fill('x').join('/')])('is undefined for %j, whose slug has a hash', (title) => {
    expect(plainSlugForKey(titleKey(title))).toBeUndefined();
  });
});

describe('fileSystemKey', () => {
  test.each([
    ['kapı', 'kapi'],
    ['ſun', 'sun'],
    ['λόγος', 'λόγοσ'],
    ['\u212Aelvin', 'kelvin'],
    ['straße', 'straße'],
    ['知的生産術', '知的生産術'],
  ])('compares %j as %j, as macOS and Windows compare names', (slug, key) => {
    expect(fileSystemKey(slug as NoteSlug)).toBe(key);
  });
});

describe('shortHash', () => {
  test.each([
    // SHA-256 (FIPS 180-4 test vectors) in base32: e3b0c442…, ca978112…, c3ab8ff1….
    ['', '4oymiquy7qobjgx36tejs35zeq'],
    ['a', 'zklycewkdo64v6wcggzzui64jw'],
    ['foobar', 'yovy74jxeduk3ech3u4um2z4rf'],
  ])('is SHA-256 cut to 130 bits in lower-case base32: %j hashes to %s', (text, hash) => {
    expect(shortHash(text)).toBe(hash);
  });

  test('hashes UTF-8 bytes, so NFC and NFD spellings differ', () => {
    expect(shortHash('caf\u00e9')).not.toBe(shortHash('cafe\u0301'));
    expect(shortHash('知')).toMatch(/^[a-z2-7]{26}$/);
  });

  test('keeps texts with lone surrogates apart from each other and from U+FFFD, which their UTF-8 would be', () => {
    const hashes = ['a\uD800', 'a\uD801', 'a\uDC00', 'a\uFFFD', 'a\uD800\uD800'].map(shortHash);
    expect(new Set(hashes).size).toBe(5);
    for (const hash of hashes) expect(hash).toMatch(/^[a-z2-7]{26}$/);
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

  test('does not throw on a slug with a lone surrogate, whatever made it', () => {
    expect(hrefForSlug('a\uD800/b' as NoteSlug)).toBe('/notes/a%EF%BF%BD/b/');
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
