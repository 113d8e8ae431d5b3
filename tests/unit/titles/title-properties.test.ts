/** Property tests (fast-check): title keys, URLs and link resolution over arbitrary Unicode. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hrefForSlug, slugForKey } from '../../../src/lib/titles/slugs.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

const title = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
const anyTitle = fc.oneof(title, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''));
const RUNS = { numRuns: 2000 };

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

  test('give different keys different slugs', () => {
    fc.assert(
      fc.property(anyTitle, anyTitle, (a, b) => {
        const [keyA, keyB] = [titleKey(a), titleKey(b)];
        return keyA === keyB || slugForKey(keyA) !== slugForKey(keyB);
      }),
      { numRuns: 5000, examples: [['a#b', 'a＃b'], ['.', '-dot'], ['a\u0001', 'a-']] },
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
