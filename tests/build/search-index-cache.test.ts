/**
 * The search index step keeps its bundles in the build cache and copies a bundle whose pages
 * did not change instead of indexing it again. What it copies must be what indexing would
 * write: after every change below the index is compared, file for file, with the index of
 * the same pages made without a cache. A cached bundle that is damaged is ignored with one
 * line and indexed again.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEARCH_PAGE_FINGERPRINTS } from '../../src/lib/cache/cache-files.ts';
import { searchBundleCache } from '../../src/lib/cache/search-bundle-cache.ts';
import { indexSite, type IndexSummary } from '../../src/search/index-site.ts';
import { cachedSearchBundles, siteBytes } from '../support/build-folders.ts';
import { plainPagePath, writePlainPage, writePlainSite } from '../support/plain-site.ts';

const PAGES = 1500;
const PAGES_PER_BUNDLE = 400;
const folders: string[] = [];
const folder = (prefix: string) => {
  const made = mkdtempSync(join(tmpdir(), prefix));
  folders.push(made);
  return made;
};

let site: string;
let cacheDir: string;
let warnings: string[];

/** Indexes the site with the cache, as `npm run build` does. */
function indexWithCache(): Promise<IndexSummary> {
  warnings = [];
  return indexSite(site, { cacheDir, pagesPerBundle: PAGES_PER_BUNDLE, warn: (line) => warnings.push(line) });
}

/** Asserts the site's index is the one its pages get without any cache. */
async function expectSameAsWithoutCache(): Promise<void> {
  const fresh = folder('index-cache-fresh-');
  cpSync(site, fresh, { recursive: true });
  rmSync(join(fresh, 'pagefind'), { recursive: true });
  await indexSite(fresh, { pagesPerBundle: PAGES_PER_BUNDLE });
  const expected = siteBytes(join(fresh, 'pagefind'));
  const actual = siteBytes(join(site, 'pagefind'));
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  expect([...expected].filter(([file, bytes]) => !actual.get(file)!.equals(bytes)).map(([file]) => file)).toEqual([]);
}

/** The cached bundles' keys (beside them, the cached word list). */
const cachedBundles = () => cachedSearchBundles(cacheDir).map((folder) => basename(folder));

beforeAll(async () => {
  site = writePlainSite(PAGES, 'index-cache-site-');
  folders.push(site);
  cacheDir = folder('index-cache-');
  const first = await indexWithCache();
  expect(first).toMatchObject({ searchable: PAGES, bundles: 4, restored: 0, indexed: PAGES });
});

afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

describe('an index step with its cache', () => {
  test('with nothing changed, copies every bundle and writes the same index', async () => {
    const before = siteBytes(join(site, 'pagefind'));
    // Every page's file is the one the first step read: none is read again, the word list is copied.
    expect(await indexWithCache()).toMatchObject({ bundles: 4, restored: 4, indexed: 0, read: 0 });
    const after = siteBytes(join(site, 'pagefind'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), file).toBe(true);
    expect(warnings).toEqual([]);
  });

  test('after one page is edited, indexes that page’s bundle only, and the index is the one a clean build writes', async () => {
    writePlainPage(site, 7, ' an edited sentence');
    const summary = await indexWithCache();
    expect(summary).toMatchObject({ bundles: 4, restored: 3, read: 1 });
    expect(summary.indexed).toBeGreaterThan(0);
    expect(summary.indexed).toBeLessThan(PAGES / 2);
    await expectSameAsWithoutCache();
    // The bundle of the page as it was is gone from the cache: it holds the four in use.
    expect(cachedBundles()).toHaveLength(4);
  });

  test('a page added and another deleted: their bundles are indexed again, the index is a clean build’s', async () => {
    writePlainPage(site, PAGES);
    unlinkSync(join(site, plainPagePath(3)));
    const summary = await indexWithCache();
    expect(summary.searchable).toBe(PAGES);
    expect(summary.restored).toBeGreaterThanOrEqual(2);
    expect(summary.restored).toBeLessThanOrEqual(3);
    await expectSameAsWithoutCache();
  });

  test('a page rewritten to the same size with its modification time set back is read again: the index is a clean build’s', async () => {
    const file = join(site, plainPagePath(12));
    const { atime, mtime, size } = statSync(file);
    const edited = readFileSync(file, 'utf8').replace('number12', 'numberXY');
    expect(Buffer.byteLength(edited)).toBe(size);
    writeFileSync(file, edited);
    utimesSync(file, atime, mtime);
    const summary = await indexWithCache();
    expect(summary.read).toBe(1);
    expect(summary.restored).toBe(3);
    await expectSameAsWithoutCache();
  });

  test('a page that stops being searchable leaves the index as a clean build does', async () => {
    writeFileSync(join(site, plainPagePath(11)), '<!doctype html><html lang="en"><body><p>no article</p></body></html>');
    expect((await indexWithCache()).restored).toBe(3);
    await expectSameAsWithoutCache();
  });
});

describe('a damaged cache', () => {
  test.each([
    ['cut short', (file: string) => truncateSync(file, 30), /cannot be read|not ones this version wrote/],
    ['of another format', (file: string) => writeFileSync(file, '{"format": 0, "pages": []}'), /not ones this version wrote/],
    ['with an entry that is not [file, identity, fingerprint]', (file: string) => writeFileSync(file, JSON.stringify({ format: 1, indexer: 'x', pages: [[1, 2]] })), /not ones this version wrote/],
  ])('page fingerprints %s: ignored with one line naming them, every page read, and the index is a clean build’s', async (_what, damage, problem) => {
    const file = join(cacheDir, SEARCH_PAGE_FINGERPRINTS);
    damage(file);
    const summary = await indexWithCache();
    const pageFiles = readdirSync(site, { recursive: true }).filter((entry) => String(entry).endsWith('.html') && !String(entry).startsWith('pagefind'));
    expect(summary.read).toBe(pageFiles.length);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toMatch(problem);
    await expectSameAsWithoutCache();
    expect((await indexWithCache()).read).toBe(0);
  });


  test.each([
    ['a file cut short', (bundle: string) => truncateSync(join(bundle, 'pagefind-entry.json'), 10), /is not the file it lists/],
    ['a file missing', (bundle: string) => unlinkSync(join(bundle, 'pagefind-entry.json')), /pagefind-entry\.json is missing/],
    ['a manifest that is not JSON', (bundle: string) => writeFileSync(join(bundle, 'manifest.json'), '{"format": 1, "key'), /manifest cannot be read/],
    ['a manifest of another version', (bundle: string) => writeFileSync(join(bundle, 'manifest.json'), '{"format": 0}'), /not one this version wrote/],
  ])('%s: that bundle is ignored with one line naming it, indexed again, and the index is a clean build’s', async (_what, damage, problem) => {
    const [damaged] = cachedBundles();
    damage(join(searchBundleCache(cacheDir), damaged!));
    const summary = await indexWithCache();
    expect(summary.restored).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(searchBundleCache(cacheDir), damaged!));
    expect(warnings[0]).toMatch(problem);
    await expectSameAsWithoutCache();
    // Kept again, whole: the next step copies all four.
    expect((await indexWithCache()).restored).toBe(4);
  });
});
