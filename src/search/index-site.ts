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
 * from which the browser picks the word nearest to a misspelt one; kept in the build cache
 * under the keys of all bundles, so that it is copied when every bundle is.
 *
 * A page whose file is the one the step read last time (same size, inode, modification and
 * change times: `lib/cache/page-fingerprints.ts`) is not read again to learn whether its
 * bundle changed; a page is read at most once per build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { SEARCH_PAGE_FINGERPRINTS } from '../lib/cache/cache-files.ts';
import { fileIdentity, knownFingerprint, readPageFingerprints, writePageFingerprints, type PageFingerprints } from '../lib/cache/page-fingerprints.ts';
import { rendererVersion } from '../lib/cache/render-cache-file.ts';
import { pruneBundles, restoreBundle, searchBundleCache, storeBundle } from '../lib/cache/search-bundle-cache.ts';
import { pageForIndex } from '../lib/search/index-html.ts';
import { BUNDLE_LIST_FILE, bundleCount, bundleFolder, bundleList, bundleOf, SEARCH_FOLDER } from '../lib/search/index-bundles.ts';
import { listedWords, splitWordList, WORD_LIST_FOLDER, WORD_LIST_VERSION } from '../lib/search/word-list.ts';
import { settings } from '../settings.ts';

/** Files sent to Pagefind at once: it parses them on its own threads while Node reads the next. */
const FILES_IN_FLIGHT = 16;
/** The options every bundle's index is made with; part of each bundle's cache key. */
const PAGEFIND_OPTIONS = {};
/** What a bundle other than bundle 0 keeps of Pagefind's output: its index, not the script that reads it. */
export const INDEX_FILES = /^(pagefind-entry\.json|[^/\\]+\.pf_meta|(index|fragment|filter)[/\\].+)$/;
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
  /** Pages read to learn their fingerprint (the others' files were as the last build left them). */
  read: number;
  /** Listing the pages, and reading and fingerprinting those that changed. */
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
  const version = await indexerVersion();
  const fingerprintsFile = options.cacheDir === undefined ? undefined : join(options.cacheDir, SEARCH_PAGE_FINGERPRINTS);
  const known = fingerprintsFile === undefined ? undefined : await readPageFingerprints(fingerprintsFile, version);
  if (known?.problem) options.warn?.(`[search-index] ${known.problem}`);
  const words = new WordCounts();
  const { pages, fingerprints, read } = searchablePages(outDir, known?.known ?? new Map(), words);
  const bundles = splitIntoBundles(pages, options.pagesPerBundle);
  const readSeconds = (performance.now() - started) / 1000;
  const cacheRoot = options.cacheDir === undefined ? undefined : searchBundleCache(options.cacheDir);
  const keys = new Set<string>();
  /** False once a page was found unlike its fingerprint: then nothing keyed by fingerprints is kept. */
  let trusted = true;
  const summary: IndexSummary = { searchable: pages.length, bundles: bundles.length, restored: 0, indexed: 0, read, readSeconds, indexSeconds: 0, restoreSeconds: 0 };
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
    const { files, unlike } = await indexBundle(outDir, bundle, target, n === 0, words);
    summary.indexed += bundle.length;
    if (unlike.length > 0) {
      // Its key came from fingerprints that no longer hold: kept under it, it could be copied for other pages.
      trusted = false;
      options.warn?.(`[search-index] ${unlike[0]}${unlike.length > 1 ? ` and ${unlike.length - 1} other pages` : ''} changed without a new file identity: bundle ${n} is indexed from the pages as they are and not kept in the build cache.`);
    } else if (cacheRoot) {
      await storeBundle(cacheRoot, key, target, files).catch((error: Error) =>
        options.warn?.(`[search-index] The search bundle ${n} could not be kept in the build cache (${error.message}); the next build indexes it again.`),
      );
    }
    summary.indexSeconds += (performance.now() - bundleStarted) / 1000;
  }
  await writeFile(join(searchDir, BUNDLE_LIST_FILE), JSON.stringify(bundleList(bundles.length)));
  const wordsKey = wordListKey(version, keys);
  const wordsFolder = join(searchDir, WORD_LIST_FOLDER);
  const cachedWords = cacheRoot ? await restoreBundle(cacheRoot, wordsKey, wordsFolder) : { restored: false as const };
  if (!cachedWords.restored) {
    if (cachedWords.problem) options.warn?.(`[search-index] The cached word list ${join(cacheRoot!, wordsKey)} cannot be used (${cachedWords.problem}): it is made again.`);
    // The pages no bundle's indexing read (those of bundles copied from the cache).
    const unread = pages.map((page) => page.file).filter((file) => !words.has(file));
    for (const [file, content] of readInOrder(outDir, unread)) if (content !== undefined) words.add(file, content);
    const written = await writeWordList(wordsFolder, words.pagesHolding);
    if (cacheRoot && trusted) {
      await storeBundle(cacheRoot, wordsKey, wordsFolder, written).catch((error: Error) =>
        options.warn?.(`[search-index] The word list could not be kept in the build cache (${error.message}); the next build makes it again.`),
      );
    }
  }
  keys.add(wordsKey);
  if (fingerprintsFile !== undefined) {
    await writePageFingerprints(fingerprintsFile, version, trusted ? fingerprints : new Map()).catch((error: Error) =>
      options.warn?.(`[search-index] The page fingerprints could not be kept in the build cache (${error.message}); the next build reads every page.`),
    );
  }
  if (cacheRoot) await pruneBundles(cacheRoot, keys);
  return summary;
}

/** How many pages hold each word of the index, each page counted once whichever step reads it. */
class WordCounts {
  readonly pagesHolding = new Map<string, number>();
  readonly #counted = new Set<string>();
  has(file: string): boolean {
    return this.#counted.has(file);
  }
  add(file: string, content: string): void {
    if (this.#counted.has(file)) return;
    this.#counted.add(file);
    for (const word of listedWords(content)) this.pagesHolding.set(word, (this.pagesHolding.get(word) ?? 0) + 1);
  }
}

/** The word list follows from the pages of every bundle, so from their keys (in bundle order). */
function wordListKey(version: string, bundleKeys: ReadonlySet<string>): string {
  const hash = createHash('sha256').update(`words\0${WORD_LIST_VERSION}\0${version}\0`);
  for (const key of bundleKeys) hash.update(`${key}\n`);
  return hash.digest('hex');
}

/**
 * Every page of the site with a searchable part, sorted by file: Pagefind numbers pages in
 * the order they reach it, so this order (not the timing of reads) decides the index's bytes.
 * A page is read only when its file is not the one `known` fingerprinted (its words are
 * counted then); `fingerprints` is what is known after.
 */
function searchablePages(
  outDir: string,
  known: PageFingerprints,
  words: WordCounts,
): { pages: SearchablePage[]; fingerprints: PageFingerprints; read: number } {
  const files = readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
    .sort();
  const pages: SearchablePage[] = [];
  const fingerprints: PageFingerprints = new Map();
  let read = 0;
  for (const file of files) {
    // The identity before the read: a file written after it gets another, and is read next time.
    const identity = fileIdentity(statSync(join(outDir, file), { bigint: true }));
    let fingerprint = knownFingerprint(known, file, identity);
    if (fingerprint === undefined) {
      read++;
      const content = pageForIndex(readFileSync(join(outDir, file), 'utf8'));
      fingerprint = content === undefined ? null : createHash('sha256').update(content).digest('base64url');
      if (content !== undefined) words.add(file, content);
    }
    fingerprints.set(file, { identity, fingerprint });
    if (fingerprint !== null) pages.push({ file, url: pageUrl(file), hash: fingerprint });
  }
  return { pages, fingerprints, read };
}

/** The index's words in pieces: `index.json` (where each starts) and `<n>.json`. Returns the files written. */
async function writeWordList(folder: string, pagesHolding: ReadonlyMap<string, number>): Promise<string[]> {
  const { index, pieces } = splitWordList(pagesHolding);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.json'), JSON.stringify(index));
  for (const [n, piece] of pieces.entries()) await writeFile(join(folder, `${n}.json`), JSON.stringify(piece));
  return ['index.json', ...pieces.map((_, n) => `${n}.json`)];
}

/** Site-relative: Pagefind's script puts the base path (where it is served from) in front. */
export function pageUrl(file: string): string {
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
async function indexBundle(
  outDir: string,
  pages: readonly SearchablePage[],
  target: string,
  primary: boolean,
  words: WordCounts,
): Promise<{ files: string[]; unlike: string[] }> {
  await rm(target, { recursive: true, force: true });
  // Pages whose content is not the one their fingerprint (and so the bundle's key) says.
  const unlike: string[] = [];
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const inFlight: Promise<void>[] = [];
    const urls = new Map(pages.map((page) => [page.file, page.url]));
    const fingerprints = new Map(pages.map((page) => [page.file, page.hash]));
    for (const [file, content] of readInOrder(
      outDir,
      pages.map((page) => page.file),
    )) {
      if (content === undefined) throw new Error(`${file} had a searchable part when the pages were read, and has none now`);
      words.add(file, content);
      if (createHash('sha256').update(content).digest('base64url') !== fingerprints.get(file)) unlike.push(file);
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
  if (primary) return { files, unlike };
  const extra = files.filter((file) => !INDEX_FILES.test(file));
  await Promise.all(extra.map((file) => rm(join(target, file))));
  return { files: files.filter((file) => INDEX_FILES.test(file)), unlike };
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
      `${summary.restored} copied from the build cache (${summary.restoreSeconds.toFixed(1)} s); ${summary.read} pages read to see what changed (${summary.readSeconds.toFixed(1)} s). ` +
      `Into ${join(outDir, SEARCH_FOLDER)}`,
  );
}
