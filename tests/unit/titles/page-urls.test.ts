import { describe, expect, test } from 'vitest';
import { allocateUrls, freeSlug, type UrlClaim } from '../../../src/lib/titles/page-urls.ts';
import { shortHash, type NoteSlug } from '../../../src/lib/titles/slugs.ts';
import type { TitleKey } from '../../../src/lib/titles/titles.ts';

const claim = (key: string, filePath: string | undefined, wanted: string): UrlClaim => ({
  key: key as TitleKey,
  title: key,
  filePath,
  wanted: wanted as NoteSlug,
  slug: wanted as NoteSlug,
});

describe('allocateUrls', () => {
  test.each([
    ['in one order', [0, 1, 2]],
    ['in another', [2, 0, 1]],
  ])('keeps the URL for the first claim by key and file, whatever the order of the claims (%s)', (_order, order) => {
    const claims = [claim('b', 'b.md', 'x'), claim('a', 'z.md', 'x'), claim('a', undefined, 'x')];
    const holders = allocateUrls(order.map((i) => claims[i]!), shortHash);
    const [b, aFile, listing] = claims;
    expect(listing!.slug).toBe('x');
    expect(holders.get(aFile!)).toBe(listing);
    expect(holders.get(b!)).toBe(listing);
    expect(new Set(claims.map((c) => c.slug)).size).toBe(3);
    for (const loser of [b!, aFile!]) expect(loser.slug).toMatch(/^x~[a-z2-7]{26}$/);
  });

  test('treats URLs that differ only where macOS and Windows ignore case as one', () => {
    const claims = [claim('kapı', 'door.md', 'kapı'), claim('kapi', 'kapi.md', 'kapi')];
    allocateUrls(claims, shortHash);
    expect(claims[1]!.slug).toBe('kapi');
    expect(claims[0]!.slug).toMatch(/^kapı~[a-z2-7]{26}$/);
  });

  test('leaves claims alone that want URLs of their own', () => {
    const claims = [claim('a', 'a.md', 'a'), claim('b', 'b.md', 'b')];
    expect(allocateUrls(claims, shortHash).size).toBe(0);
    expect(claims.map((c) => c.slug)).toEqual(['a', 'b']);
  });
});

describe('freeSlug', () => {
  test('tries further hashes until one is free', () => {
    const first = `x~${shortHash('t1')}`;
    const taken = new Set(['x', first]);
    expect(freeSlug('x' as NoteSlug, (attempt) => `t${attempt}`, (slug) => taken.has(slug), shortHash)).toBe(`x~${shortHash('t2')}`);
  });
});
