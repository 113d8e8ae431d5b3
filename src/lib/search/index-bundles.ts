// Bundled for the browser: imports nothing from node:*.
/**
 * The search index in bundles: the searchable pages are split into bundles of about
 * `SEARCH_BUNDLE_PAGES` pages, each a Pagefind index of its own, and the browser merges them
 * (Pagefind's `mergeIndex`). A page's bundle follows from its URL alone, so an edit changes
 * the bundles of the pages it changes and no other: the index step takes every other bundle
 * from its cache instead of indexing it again. Fewer pages in one Pagefind index also bound
 * the step's memory.
 *
 * Used by the index step (Node) and by the browser (the list of bundles, the merged results).
 */

/** Bundle 0 is Pagefind's own folder, `pagefind/`, with its script; the others are inside it. */
export const SEARCH_FOLDER = 'pagefind/';

/** The file in `pagefind/` that names the bundles to merge into bundle 0. */
export const BUNDLE_LIST_FILE = 'bundles.json';

/** How many bundles `pages` searchable pages take. */
export function bundleCount(pages: number, pagesPerBundle: number): number {
  return Math.max(1, Math.ceil(pages / pagesPerBundle));
}

/**
 * The bundle of the page at `url`: FNV-1a of its UTF-16 code units, so the same URL lands in
 * the same bundle on every machine, whatever else the site holds, as long as the count holds.
 */
export function bundleOf(url: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Where bundle `n` goes, relative to `pagefind/`: bundle 0 is `pagefind/` itself. */
export function bundleFolder(n: number): string {
  return n === 0 ? '' : `bundle-${n}/`;
}

/** The content of `pagefind/bundles.json` for `count` bundles: the folders to merge into bundle 0. */
export function bundleList(count: number): { merge: string[] } {
  return { merge: Array.from({ length: count - 1 }, (_, i) => bundleFolder(i + 1)) };
}

/**
 * The folders (relative to `pagefind/`) that a `bundles.json` names, for the browser; none
 * for anything that is not such a list, so that a site built before bundles, or a list that
 * cannot be read, still searches bundle 0.
 */
export function bundleListPaths(json: unknown): string[] {
  const merge = (json as { merge?: unknown } | null)?.merge;
  if (!Array.isArray(merge)) return [];
  return merge.filter((path): path is string => typeof path === 'string' && /^bundle-[1-9]\d*\/$/.test(path));
}

/** The words of a query that bundles are asked about one by one (see `keepHoldingEveryWord`). */
export function queryWords(term: string): string[] {
  return [...new Set(term.split(/\s+/).filter(Boolean))];
}

/**
 * Of the pages merged bundles answered, those that hold every word some page holds (each
 * word's pages from searching it alone), as one index answers: Pagefind leaves out of a query
 * the words its index does not have, so a bundle lacking a rare word answers with the pages
 * holding only the other words. A word no page holds is left out, as one index leaves it out.
 */
export function keepHoldingEveryWord<T extends { id: string }>(results: readonly T[], pagesOfEachWord: readonly ReadonlySet<string>[]): T[] {
  const held = pagesOfEachWord.filter((pages) => pages.size > 0);
  return results.filter((result) => held.every((pages) => pages.has(result.id)));
}
