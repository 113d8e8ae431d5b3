/** Property tests (fast-check): title keys, URLs and link resolution over arbitrary Unicode. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fileSystemKey, hrefForSlug, MAX_SEGMENT_BYTES, MAX_SLUG_BYTES, MAX_SLUG_DEPTH, shortHash, slugForKey, type NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

const title = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
const anyTitle = fc.oneof(title, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''));
const RUNS = { numRuns: 2000 };
/** Titles as paths: many segments, some long, some a device or page file name. */
const segment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('con', 'NUL.txt', 'com1', 'Lpt9.x', 'aux.', 'index.html', 'INDEX.HTML', 'ındex.html', '.', '..', '', 'x.', 'x ', 'a\uD800'),
);
const pathTitle = fc.array(segment, { minLength: 1, maxLength: 60 }).map((parts) => parts.join('/')).filter((text) => text.trim() !== '');
const bytes = (text: string) => new TextEncoder().encode(text).length;
/** Names Windows refuses, with or without an extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/;

describe('titleKey', () => {
  test('is idempotent', () => {
    fc.assert(fc.property(anyTitle, (text) => titleKey(titleKey(text)) === titleKey(text)), RUNS);
  });
  test('ignores NFC/NFD, underscores versus spaces, and lower-casing', () => {
    fc.assert(
      fc.property(anyTitle, (text) => {
        const key = titleKey(text);
        return (
          titleKey(text.normalize('NFD')) === key &&
          titleKey(text.normalize('NFC')) === key &&
          titleKey(text.replaceAll(' ', '_')) === key &&
          titleKey(text.toLowerCase()) === key
        );
      }),
      RUNS,
    );
  });
});

describe('slugForKey and hrefForSlug', () => {
  test('give a path that a browser reads back as the slug, inside /notes/', () => {
    fc.assert(
      fc.property(anyTitle, (text) => {
        const slug = slugForKey(titleKey(text));
        const url = new URL(hrefForSlug(slug, '/wiki/'), 'https://example.org');
        expect(url.origin).toBe('https://example.org');
        expect(url.pathname.startsWith('/wiki/notes/')).toBe(true);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        // A server maps the path back to the page: segment by segment, decoded.
        expect(url.pathname.split('/').slice(3, -1).map(decodeURIComponent).join('/')).toBe(slug);
        expect(url.pathname.endsWith('/')).toBe(true);
        for (const segment of slug.split('/')) {
          expect(segment).not.toBe('');
          expect(segment).not.toMatch(/^\.+$/);
          expect(segment).not.toMatch(/[\u0000-\u001f\u007f#?%\\]/);
          expect(new TextEncoder().encode(segment).length).toBeLessThanOrEqual(200);
        }
      }),
      RUNS,
    );
  });

  test('give a path that file systems accept: bounded in bytes and depth, portable names', () => {
    fc.assert(
      fc.property(fc.oneof(anyTitle, pathTitle), (text) => {
        const slug = slugForKey(titleKey(text));
        expect(bytes(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
        expect(slug.split('/').length).toBeLessThanOrEqual(MAX_SLUG_DEPTH);
        expect(slug.isWellFormed()).toBe(true);
        for (const part of slug.split('/')) {
          expect(bytes(part)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
          expect(part).not.toMatch(/^\.+$|^$| $/);
          expect(fileSystemKey(part as NoteSlug)).not.toMatch(WINDOWS_DEVICE);
          // The page of `a` is the file `a/index.html`: no other page may need it as a folder.
          expect(fileSystemKey(part as NoteSlug)).not.toBe('index.html');
        }
      }),
      RUNS,
    );
  });

  test('give different keys different slugs', () => {
    fc.assert(
      fc.property(anyTitle, anyTitle, (a, b) => {
        const [keyA, keyB] = [titleKey(a), titleKey(b)];
        return keyA === keyB || slugForKey(keyA) !== slugForKey(keyB);
      }),
      { numRuns: 5000, examples: [['a#b', 'a＃b'], ['.', '-dot'], ['a\u0001', 'a-']] },
    );
    fc.assert(
      fc.property(pathTitle, pathTitle, (a, b) => {
        const [keyA, keyB] = [titleKey(a), titleKey(b)];
        return keyA === keyB || slugForKey(keyA) !== slugForKey(keyB);
      }),
      { numRuns: 2000, examples: [['con', 'con~'], ['a\uD800', 'a\uD801'], ['index.html', 'index.html~']] },
    );
  });

  test('never make one page\'s file a folder of another page', () => {
    fc.assert(
      fc.property(fc.oneof(anyTitle, pathTitle), fc.oneof(anyTitle, pathTitle), (a, b) => {
        const fileA = fileSystemKey(`${slugForKey(titleKey(a))}/index.html` as NoteSlug);
        const folderB = fileSystemKey(`${slugForKey(titleKey(b))}/` as NoteSlug);
        return !folderB.startsWith(`${fileA}/`);
      }),
      { numRuns: 2000, examples: [['a', 'a/index.html'], ['x', 'x/INDEX.HTML/y']] },
    );
  });
});

describe('buildTitleIndex', () => {
  test('gives every page a URL of its own, on case-insensitive file systems too, and no missing title a page\'s URL, even with a hash that collides', () => {
    // 4 values for title keys: long titles that begin alike collide all the time.
    const weakHash = (text: string) => (text.includes('\n') ? shortHash(text) : 'abcd'[text.length % 4]!.repeat(26));
    const longTitle = fc.constantFrom('', ' ', 'i', 'ı', 'İ', 'x', 's', 'ſ').chain((end) => fc.nat(6).map((n) => `${'p'.repeat(210)}${end}${'q'.repeat(n)}`));
    const someTitle = fc.oneof(title, longTitle, fc.constantFrom('Kapı', 'kapi', 'KAPI', 'σ', 'ς'));
    fc.assert(
      fc.property(fc.array(someTitle, { minLength: 1, maxLength: 10 }), fc.array(someTitle, { maxLength: 5 }), (titles, links) => {
        const index = buildTitleIndex(titles.map((text, i) => ({ title: text, filePath: `${i}.md` })), { hash: weakHash });
        const pageUrls = [...index.notes.map((note) => note.slug), ...index.ambiguousTitles.map((shared) => shared.slug)].map((slug) => fileSystemKey(slug));
        expect(new Set(pageUrls).size).toBe(pageUrls.length);
        for (const link of links) {
          const key = titleKey(link);
          if (index.noteByKey(key) || index.ambiguousByKey(key)) continue;
          expect(pageUrls).not.toContain(fileSystemKey(index.slugForMissing(key)));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('resolveWikiLink', () => {
  test('finds a note whatever the case, Unicode form or underscores of the link', () => {
    fc.assert(
      fc.property(fc.uniqueArray(title, { minLength: 1, maxLength: 8, selector: titleKey }), fc.nat(), (titles, pick) => {
        const index = buildTitleIndex(titles.map((text, i) => ({ title: text, filePath: `${i}.md` })));
        const wanted = titles[pick % titles.length]!;
        const link = resolveWikiLink(wanted, index);
        for (const variant of [wanted.normalize('NFD'), wanted.toLowerCase(), wanted.replaceAll(' ', '_')]) {
          const again = resolveWikiLink(variant, index);
          expect(again.kind).toBe(link.kind);
          if (link.kind === 'note' && again.kind === 'note') expect(again.note.slug).toBe(link.note.slug);
        }
      }),
      RUNS,
    );
  });
});
