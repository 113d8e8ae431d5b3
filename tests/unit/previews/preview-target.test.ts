import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isPreviewable, notesPathOf, previewUrl } from '../../../src/lib/previews/preview-target.ts';

const site = 'https://notes.example';
const page = { origin: site, pathname: '/wiki/notes/here/' };

describe('notesPathOf', () => {
  test.each([
    ['/', '/notes/'],
    ['/wiki/', '/wiki/notes/'],
  ])('under %s the notes are in %s', (base, path) => {
    expect(notesPathOf(base)).toBe(path);
  });
});

describe('isPreviewable', () => {
  test.each([
    ['another note', { origin: site, pathname: '/wiki/notes/there/' }, true],
    ['a missing title’s page', { origin: site, pathname: '/wiki/notes/no-note-yet/' }, true],
    ['the page itself (a heading link)', { origin: site, pathname: '/wiki/notes/here/' }, false],
    ['a page outside the notes', { origin: site, pathname: '/wiki/graph/' }, false],
    ['the notes folder of another base', { origin: site, pathname: '/notes/there/' }, false],
    ['another site', { origin: 'https://elsewhere.example', pathname: '/wiki/notes/there/' }, false],
  ])('%s: %s', (_name, link, expected) => {
    expect(isPreviewable(link, page, '/wiki/notes/')).toBe(expected);
  });

  test('for any link: previewable exactly when it is on this site, under the notes, and not this page', () => {
    const segment = fc.constantFrom('notes', 'graph', 'a', 'b', 'wiki', '');
    const path = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
    const origin = fc.constantFrom(site, 'https://elsewhere.example');
    fc.assert(
      fc.property(fc.record({ origin, pathname: path }), fc.record({ origin: fc.constant(site), pathname: path }), (link, here) => {
        const expected = link.origin === site && link.pathname.startsWith('/notes/') && link.pathname !== here.pathname;
        expect(isPreviewable(link, here, '/notes/')).toBe(expected);
      }),
    );
  });
});

describe('previewUrl', () => {
  test('drops the query and the fragment: one preview per page', () => {
    const link = new URL('https://notes.example/notes/there/?q=1#heading');
    expect(previewUrl(link)).toBe('https://notes.example/notes/there/');
  });

  test('for any link: the same URL whatever its query and fragment', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (address) => {
        const url = new URL(address);
        const bare = new URL(url.origin + url.pathname);
        expect(previewUrl(url)).toBe(previewUrl(bare));
      }),
    );
  });
});
