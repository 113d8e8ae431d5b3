import { describe, expect, test } from 'vitest';
import { bundleCount, bundleFolder, bundleList, bundleListPaths, bundleOf, keepHoldingEveryWord, queryWords } from '../../../src/lib/search/index-bundles.ts';

describe('bundleCount', () => {
  test.each([
    [0, 8000, 1],
    [1, 8000, 1],
    [8000, 8000, 1],
    [8001, 8000, 2],
    [69021, 8000, 9],
    [21732, 8000, 3],
  ])('%i pages at %i a bundle: %i bundles', (pages, perBundle, expected) => {
    expect(bundleCount(pages, perBundle)).toBe(expected);
  });
});

describe('bundleOf', () => {
  const urls = Array.from({ length: 9000 }, (_, i) => `/notes/note_${i}/`);

  test('is the same for the same URL and count, whatever else is asked', () => {
    const first = urls.map((url) => bundleOf(url, 7));
    bundleOf('/notes/other/', 3);
    expect(urls.map((url) => bundleOf(url, 7))).toEqual(first);
  });

  test('uses every bundle, each about as often', () => {
    const sizes = new Array<number>(9).fill(0);
    for (const url of urls) sizes[bundleOf(url, 9)]!++;
    expect(Math.min(...sizes)).toBeGreaterThan(800);
    expect(Math.max(...sizes)).toBeLessThan(1200);
  });

  test('puts every page in bundle 0 when there is one bundle', () => {
    expect(new Set(urls.map((url) => bundleOf(url, 1)))).toEqual(new Set([0]));
  });

  test('tells apart URLs that differ in one Japanese character', () => {
    const a = Array.from({ length: 50 }, (_, i) => bundleOf(`/notes/暗黙知${i}/`, 50));
    expect(new Set(a).size).toBeGreaterThan(20);
  });
});

describe('the list of bundles to merge', () => {
  test('names every bundle but bundle 0, which is pagefind/ itself', () => {
    expect(bundleFolder(0)).toBe('');
    expect(bundleList(1)).toEqual({ merge: [] });
    expect(bundleList(3)).toEqual({ merge: ['bundle-1/', 'bundle-2/'] });
  });

  test('reads back what it wrote', () => {
    expect(bundleListPaths(JSON.parse(JSON.stringify(bundleList(4))))).toEqual(['bundle-1/', 'bundle-2/', 'bundle-3/']);
  });

  test.each([
    ['nothing', null],
    ['a string', 'bundle-1/'],
    ['no list', { merge: 'bundle-1/' }],
  ])('reads %s as no bundles to merge', (_what, json) => {
    expect(bundleListPaths(json)).toEqual([]);
  });

  test('drops a path that is not a bundle folder: no other origin or folder is ever merged', () => {
    expect(bundleListPaths({ merge: ['bundle-1/', 'https://example.org/pagefind/', '../x/', 'bundle-0/', 'bundle-2/', 3] })).toEqual([
      'bundle-1/',
      'bundle-2/',
    ]);
  });
});

describe('results of merged bundles', () => {
  const page = (id: string) => ({ id });

  test('splits a query into its words, each once', () => {
    expect(queryWords(' tacit  knowledge tacit 暗黙 知 ')).toEqual(['tacit', 'knowledge', '暗黙', '知']);
  });

  test('keeps only the pages that hold every word', () => {
    // Page b came from a bundle that lacks "polanyi": it holds "tacit" only.
    const results = [page('a'), page('b'), page('c')];
    expect(keepHoldingEveryWord(results, [new Set(['a', 'b', 'c']), new Set(['a', 'c', 'x'])])).toEqual([page('a'), page('c')]);
  });

  test('leaves out a word that no page holds, as one index does', () => {
    const results = [page('a'), page('b')];
    expect(keepHoldingEveryWord(results, [new Set(['a', 'b']), new Set()])).toEqual(results);
  });

  test('keeps the order of the results', () => {
    const results = [page('c'), page('a'), page('b')];
    expect(keepHoldingEveryWord(results, [new Set(['a', 'b', 'c'])])).toEqual(results);
  });
});
