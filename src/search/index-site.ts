/**
 * Builds the Pagefind index of a built site, with Pagefind's Node API, as the step after
 * `astro build` (`npm run build` runs both):
 *
 *   node src/search/index-site.ts [--site dist]
 *
 * A process of its own rather than an Astro integration hook: Astro's build process still
 * holds every page's data when its last hook runs, and Pagefind's service needs as much
 * again for a large wiki; one after the other, the build's peak memory is the larger of the
 * two instead of their sum.
 *
 * The API rather than the CLI, because each page is indexed from a copy in which Japanese
 * words are split and only the searchable article is kept (`pageForIndex`): Pagefind
 * cannot search Japanese inside English pages otherwise.
 *
 * The index is written in bundles (`lib/search/index-bundles.ts`), one Pagefind index at a
 * time with its service closed in between, so the step holds one bundle's index at most. A
 * bundle whose pages are all as they were in an earlier build is copied from the build
 * cache (`lib/cache/search-bundle-cache.ts`) instead.
 *
 * Beside the index, the words it holds in pieces (`pagefind/words/`, `lib/search/word-list.ts`),
 * from which the browser picks the word nearest to a misspelt one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { rendererVersion } from '../lib/cache/render-cache-file.ts';
import { pruneBundles, restoreBundle, searchBundleCache, storeBundle } from '../lib/cache/search-bundle-cache.ts';
import { pageForIndex } from '../lib/search/index-html.ts';
import { BUNDLE_LIST_FILE, bundleCount, bundleFolder, bundleList, bundleOf, SEARCH_FOLDER } from '../lib/search/index-bundles.ts';
import { listedWords, splitWordList, WORD_LIST_FOLDER } from '../lib/search/word-list.ts';
import { settings } from '../settings.ts';

/** Files sent to Pagefind at once: it parses them on its own threads while Node reads the next. */
const FILES_IN_FLIGHT = 16;
/** The options every bundle's index is made with; part of each bundle's cache key. */
const PAGEFIND_OPTIONS = {};
/** What a bundle other than bundle 0 keeps of Pagefind's output: its index, not the script that reads it. */
const INDEX_FILES = /^(pagefind-entry\.json|[^/\\]+\.pf_meta|(index|fragment|filter)[/\\].+)$/;
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface IndexOptions {
  /** The build cache folder (`settings().cacheDir`); none: every bundle is indexed. */
  cacheDir?: string | undefined;
  /** About how many pages one bundle holds. */
  pagesPerBundle: number;
  /** Where to say that a cached bundle could not be used. */
  warn?: (line: string) => void;
}

export interface IndexSummary {
  searchable: number;
  bundles: number;
  /** Bundles copied from the build cache. */
  restored: number;
  /** Pages indexed by Pagefind (those of the bundles not restored). */
  indexed: number;
  /** Reading and fingerprinting every page. */
  readSeconds: number;
  /** Indexing and writing the bundles that were not restored. */
  indexSeconds: number;
  /** Copying the bundles that were. */
  restoreSeconds: number;
}

/** A searchable page: its file in the built site, its URL, and a fingerprint of what Pagefind gets of it. */
interface SearchablePage {
  file: string;
  url: string;
  hash: string;
}

export async function indexSite(outDir: string, options: IndexOptions): Promise<IndexSummary> {
  const started = performance.now();
  // An earlier index is not read as pages, nor left to mix with this one.
  const searchDir = join(outDir, SEARCH_FOLDER);
  await rm(searchDir, { recursive: true, force: true });
  const { pages, pagesHolding } = await searchablePages(outDir);
  const bundles = splitIntoBundles(pages, options.pagesPerBundle);
  const readSeconds = (performance.now() - started) / 1000;
  const cacheRoot = options.cacheDir === undefined ? undefined : searchBundleCache(options.cacheDir);
  const version = await indexerVersion();
  const keys = new Set<string>();
  const summary: IndexSummary = { searchable: pages.length, bundles: bundles.length, restored: 0, indexed: 0, readSeconds, indexSeconds: 0, restoreSeconds: 0 };
  // In order, bundle 0 first: it is `pagefind/` itself, and the others are written inside it.
  for (const [n, bundle] of bundles.entries()) {
    const bundleStarted = performance.now();
    const key = bundleKey(version, n, bundles.length, bundle);
    keys.add(key);
    const target = join(searchDir, bundleFolder(n));
    if (cacheRoot) {
      const cached = await restoreBundle(cacheRoot, key, target);
      if (cached.restored) {
        summary.restored++;
        summary.restoreSeconds += (performance.now() - bundleStarted) / 1000;
        continue;
      }
      if (cached.problem) options.warn?.(`[search-index] The cached search bundle ${join(cacheRoot, key)} cannot be used (${cached.problem}): it is indexed again.`);
    }
    const files = await indexBundle(outDir, bundle, target, n === 0);
    summary.indexed += bundle.length;
    if (cacheRoot) {
      await storeBundle(cacheRoot, key, target, files).catch((error: Error) =>
        options.warn?.(`[search-index] The search bundle ${n} could not be kept in the build cache (${error.message}); the next build indexes it again.`),
      );
    }
    summary.indexSeconds += (performance.now() - bundleStarted) / 1000;
  }
  await writeFile(join(searchDir, BUNDLE_LIST_FILE), JSON.stringify(bundleList(bundles.length)));
  await writeWordList(join(searchDir, WORD_LIST_FOLDER), pagesHolding);
  if (cacheRoot) await pruneBundles(cacheRoot, keys);
  return summary;
}

/**
 * Every page of the site with a searchable part, sorted by file: Pagefind numbers pages in
 * the order they reach it, so this order (not the timing of reads) decides the index's bytes.
 */
async function searchablePages(outDir: string): Promise<{ pages: SearchablePage[]; pagesHolding: Map<string, number> }> {
  const files = (await readdir(outDir, { recursive: true }))
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
    .sort();
  const pages: SearchablePage[] = [];
  const pagesHolding = new Map<string, number>();
  for (const [file, content] of readInOrder(outDir, files)) {
    if (content === undefined) continue;
    pages.push({ file, url: pageUrl(file), hash: createHash('sha256').update(content).digest('base64url') });
    for (const word of listedWords(content)) pagesHolding.set(word, (pagesHolding.get(word) ?? 0) + 1);
  }
  return { pages, pagesHolding };
}

/** The index's words in pieces: `index.json` (where each starts) and `<n>.json`. */
async function writeWordList(folder: string, pagesHolding: ReadonlyMap<string, number>): Promise<void> {
  const { index, pieces } = splitWordList(pagesHolding);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.json'), JSON.stringify(index));
  for (const [n, piece] of pieces.entries()) await writeFile(join(folder, `${n}.json`), JSON.stringify(piece));
}

/** Site-relative: Pagefind's script puts the base path (where it is served from) in front. */
function pageUrl(file: string): string {
  return `/${file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The pages of each bundle, each bundle in file order. */
function splitIntoBundles(pages: readonly SearchablePage[], pagesPerBundle: number): SearchablePage[][] {
  const count = bundleCount(pages.length, pagesPerBundle);
  const bundles = Array.from({ length: count }, (): SearchablePage[] => []);
  for (const page of pages) bundles[bundleOf(page.url, count)]!.push(page);
  return bundles;
}

/**
 * What a bundle's files follow from: the indexer (Pagefind's version, its options, this
 * code), the bundle's place among how many, and each page's URL and what Pagefind gets of it.
 */
function bundleKey(version: string, n: number, count: number, pages: readonly SearchablePage[]): string {
  const hash = createHash('sha256').update(`${version}\0${n}/${count}\0`);
  for (const page of pages) hash.update(`${page.url}\0${page.hash}\n`);
  return hash.digest('hex');
}

let version: Promise<string> | undefined;

/** This step's code and the lock file (Pagefind's version), and the options it gives Pagefind. */
function indexerVersion(): Promise<string> {
  version ??= rendererVersion(PROJECT_ROOT, ['src/search']).then((code) => `${code}\0${JSON.stringify(PAGEFIND_OPTIONS)}`);
  return version;
}

/**
 * Indexes one bundle's pages into `target` with a Pagefind service of its own, closed after,
 * so that no two bundles' indexes are held at once. Returns the files it keeps there: all of
 * Pagefind's output for bundle 0, only the index for the others.
 */
async function indexBundle(outDir: string, pages: readonly SearchablePage[], target: string, primary: boolean): Promise<string[]> {
  await rm(target, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const inFlight: Promise<void>[] = [];
    const urls = new Map(pages.map((page) => [page.file, page.url]));
    for (const [file, content] of readInOrder(
      outDir,
      pages.map((page) => page.file),
    )) {
      if (content === undefined) throw new Error(`${file} had a searchable part when the pages were read, and has none now`);
      const adding = index.addHTMLFile({ url: urls.get(file)!, content }).then((added) => {
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      });
      // Awaited below, in order; this only keeps Node from calling a failure unhandled before then.
      adding.catch(() => {});
      inFlight.push(adding);
      if (inFlight.length >= FILES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const files = (await readdir(target, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(target.length).replace(/^[/\\]/, ''));
  if (primary) return files;
  const extra = files.filter((file) => !INDEX_FILES.test(file));
  await Promise.all(extra.map((file) => rm(join(target, file))));
  return files.filter((file) => INDEX_FILES.test(file));
}

/**
 * Each file's searchable copy (`pageForIndex`), in the order given. Read synchronously: the
 * files are small and many (69,000 at 24,000 notes), and reading them through Node's I/O
 * threads, 16 at a time, spent more time handing each read over than reading (14–17 s).
 */
function* readInOrder(outDir: string, files: readonly string[]): Generator<[string, string | undefined]> {
  for (const file of files) yield [file, pageForIndex(readFileSync(join(outDir, file), 'utf8'))];
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string', default: settings().outDir } } });
  // Relative to the project, as Astro reads OUT_DIR.
  const outDir = resolve(values.site!);
  const { cacheDir, searchBundlePages } = settings();
  const summary = await indexSite(outDir, { cacheDir, pagesPerBundle: searchBundlePages, warn: (line) => console.warn(line) });
  const total = summary.readSeconds + summary.indexSeconds + summary.restoreSeconds;
  console.log(
    `[search-index] Indexed ${summary.searchable} pages for search in ${total.toFixed(1)} s, in ${summary.bundles} bundle${summary.bundles === 1 ? '' : 's'}: ` +
      `${summary.bundles - summary.restored} indexed (${summary.indexed} pages, ${summary.indexSeconds.toFixed(1)} s), ` +
      `${summary.restored} copied from the build cache (${summary.restoreSeconds.toFixed(1)} s); reading the pages took ${summary.readSeconds.toFixed(1)} s. ` +
      `Into ${join(outDir, SEARCH_FOLDER)}`,
  );
}
