/**
 * The browser side of search: loads Pagefind's own search API (`pagefind.js`, written by the
 * build) on first use, and returns results ready to show.
 */
import { exactTitleFirst, KIND_FILTER, phraseTerm, readableExcerpt, searchTerm } from '../lib/search/search-query.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch(
    term: string,
    options?: { filters?: Record<string, string> },
    timeout?: number,
  ): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchHit {
  title: string;
  /** The title of the page the note was translated from. */
  original: string | undefined;
  /** Where a click goes: the best matching section when Pagefind found one. */
  url: string;
  /** HTML with the matches in `<mark>`. */
  excerpt: string;
  /** The heading of the matching section, when the link goes to one. */
  section: string | undefined;
  kind: string | undefined;
}

export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  /** Milliseconds from asking to having the hits. */
  elapsed: number;
}

let api: Promise<PagefindApi> | undefined;

function pagefind(base: string): Promise<PagefindApi> {
  api ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const loaded = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await loaded.options({ excerptLength: 24 });
    return loaded;
  })();
  return api;
}

/** Starts loading the index code, e.g. when the search box gets focus. */
export function preloadSearch(base: string): void {
  void pagefind(base).catch(() => undefined);
}

/**
 * @param limit how many hits to load (each is a small fetch)
 * @param debounce wait this long for more typing; a newer call makes an older one return null
 */
export async function searchNotes(
  base: string,
  query: string,
  options: { limit: number; kind?: string | undefined; debounce?: number },
): Promise<SearchAnswer | null> {
  const started = performance.now();
  const term = searchTerm(query, document.documentElement.lang);
  if (term === '') return { hits: [], total: 0, elapsed: 0 };
  const search = await pagefind(base);
  const filters = options.kind ? { [KIND_FILTER]: options.kind } : undefined;
  const settings = filters ? { filters } : {};
  const response = options.debounce
    ? await search.debouncedSearch(term, settings, options.debounce)
    : await search.search(term, settings);
  if (!response) return null;
  // Pages holding the words as one phrase come first: it is what ranks a Japanese title,
  // whose words are each common, above the pages that merely share its words.
  const phrase = phraseTerm(term);
  const phraseResults = phrase ? ((await search.search(phrase, settings))?.results ?? []) : [];
  const results = uniqueById([...phraseResults, ...response.results]);
  // One more than shown, so an exact title just past the cut can still move to the front.
  const loaded = await Promise.all(results.slice(0, options.limit + 1).map((result) => result.data()));
  const hits = exactTitleFirst(loaded.map(toHit), query).slice(0, options.limit);
  return { hits, total: results.length, elapsed: performance.now() - started };
}

function uniqueById(results: PagefindResult[]): PagefindResult[] {
  const seen = new Set<string>();
  return results.filter((result) => !seen.has(result.id) && seen.add(result.id));
}

function toHit(data: PagefindResultData): SearchHit {
  // The section with the most matches, if it is a heading's (the page top has no `#`).
  const best = [...data.sub_results].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  const section = best && best.url.includes('#') ? best : undefined;
  return {
    title: readableExcerpt(data.meta.title ?? data.url),
    original: data.meta.original,
    url: section?.url ?? data.url,
    excerpt: readableExcerpt(section?.excerpt ?? data.excerpt),
    section: section ? readableExcerpt(section.title) : undefined,
    kind: data.filters[KIND_FILTER]?.[0],
  };
}
