/**
 * The browser side of search: loads Pagefind's own search API (`pagefind.js`, written by the
 * build) and the title list (`title-search.ts`) on first use, and returns results ready to
 * show: the pages the query names by title first, then full-text hits, then titles without a
 * note that hold every word of the query (their pages are not in the full-text index).
 */
import { BUNDLE_LIST_FILE, bundleListPaths, keepHoldingEveryWord, queryWords, SEARCH_FOLDER } from '../lib/search/index-bundles.ts';
import { exactTitleFirst, KIND_FILTER, KIND_MISSING, KIND_NOTE, phraseTerm, readableExcerpt, searchTerm } from '../lib/search/search-query.ts';
import type { TitlePageKind } from '../lib/search/title-list.ts';
import { holdingEveryWordBesides, titleMatchHref, type TitleMatch, type TitleMatcher } from '../lib/search/title-matches.ts';
import { titlesOnlyMatches } from '../lib/search/titles-only.ts';
import { nearestWord, WORD_LIST_FOLDER, WORD_LIST_VERSION, wordPiecesFor, wordsToCheck, withReplacements, type WordEntry, type WordPieceIndex } from '../lib/search/word-list.ts';
import { hrefForSlug } from '../lib/titles/slugs.ts';
import { loadTitleIndex, titlesFor } from './title-search.ts';

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
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
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
  /** The query searched instead, when no page held a word as typed (`correctedTerm`). */
  searchedInstead?: string | undefined;
  /** The hits are titles only, the full text not searched (`fullText: 'when no title holds it'`). */
  titlesOnly?: boolean;
}

/** Pagefind, and how many bundles of the index it searches. */
interface LoadedIndex {
  search: PagefindApi;
  bundles: number;
}

let api: Promise<LoadedIndex> | undefined;

/** Pagefind's options, for bundle 0 and every bundle merged into it. */
const PAGEFIND_OPTIONS = { excerptLength: 24 };

/**
 * Pagefind with every bundle of the index merged into bundle 0 (see `index-bundles.ts`): the
 * list of bundles is fetched while Pagefind's script loads.
 */
function pagefind(base: string): Promise<LoadedIndex> {
  api ??= (async () => {
    const folder = `${base}${SEARCH_FOLDER}`;
    const listed = fetch(`${folder}${BUNDLE_LIST_FILE}`)
      .then((response) => (response.ok ? response.json() : null))
      .then(bundleListPaths, () => []);
    const search = (await import(/* @vite-ignore */ `${folder}pagefind.js`)) as PagefindApi;
    await search.options(PAGEFIND_OPTIONS);
    const merged = await listed;
    await Promise.all(merged.map((path) => search.mergeIndex(`${folder}${path}`, PAGEFIND_OPTIONS)));
    return { search, bundles: merged.length + 1 };
  })();
  return api;
}

/**
 * The results that hold every word of `term` that some page holds, as one index answers
 * (`keepHoldingEveryWord`): each word is searched alone, its chunks already loaded.
 */
async function holdingEveryWord(
  search: PagefindApi,
  term: string,
  settings: { filters?: Record<string, string> },
  results: PagefindResult[],
): Promise<PagefindResult[]> {
  const words = queryWords(term);
  if (words.length < 2) return results;
  const pagesOfEachWord = await Promise.all(
    words.map(async (word) => new Set(((await search.search(word, settings))?.results ?? []).map((result) => result.id))),
  );
  return keepHoldingEveryWord(results, pagesOfEachWord);
}

/** Starts loading the title list's index, e.g. when the search box gets focus. */
export function preloadTitles(base: string): void {
  void loadTitleIndex(base);
}

let wordIndex: Promise<WordPieceIndex | undefined> | undefined;
const wordPieces = new Map<number, Promise<WordEntry[]>>();

/** The word of the index nearest to `word` (`word-list.ts`), from the pieces that can hold it. */
async function nearestIndexWord(base: string, word: string): Promise<string | undefined> {
  const folder = `${base}${SEARCH_FOLDER}${WORD_LIST_FOLDER}`;
  const json = async <T>(url: string): Promise<T> => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  wordIndex ??= json<WordPieceIndex>(`${folder}index.json`).then(
    (index) => (index.version === WORD_LIST_VERSION ? index : undefined),
    () => undefined,
  );
  const index = await wordIndex;
  if (!index) return undefined;
  try {
    const pieces = await Promise.all(
      wordPiecesFor(index, word).map((at) => {
        let piece = wordPieces.get(at);
        if (!piece) {
          piece = json<WordEntry[]>(`${folder}${at}.json`);
          wordPieces.set(at, piece);
          piece.catch(() => wordPieces.delete(at));
        }
        return piece;
      }),
    );
    return nearestWord(word, pieces.flat());
  } catch {
    return undefined;
  }
}

/**
 * The term with each word that no page holds (a word of 5 letters or more, not Japanese)
 * replaced by the nearest word of the index (`nearestIndexWord`), or failing that of a title
 * (`TitleMatcher.nearestTitleWord`); undefined when no word was replaced. A misspelt word
 * then still finds the pages that hold it spelt right. `listOnly`: only the index's word list
 * is asked (no search per word, no titles), for a query Pagefind already answered.
 */
async function correctedTerm(
  search: PagefindApi,
  base: string,
  term: string,
  settings: { filters?: Record<string, string> },
  listOnly = false,
): Promise<string | undefined> {
  const replacements = new Map<string, string>();
  await Promise.all(
    wordsToCheck(term).map(async (word) => {
      // The word list knows the index's words exactly; Pagefind also answers a word it does
      // not hold with pages holding similar ones, so it decides only where the list gives no word.
      const nearest = await nearestIndexWord(base, word);
      if (nearest !== undefined) {
        replacements.set(word, nearest);
        return;
      }
      if (listOnly) return;
      if (((await search.search(word, settings))?.results.length ?? 0) > 0) return;
      const nearestInTitles = (await titlesFor(base, word))?.nearestTitleWord(word);
      if (nearestInTitles !== undefined) replacements.set(word, nearestInTitles);
    }),
  );
  return replacements.size > 0 ? withReplacements(term, replacements) : undefined;
}

/** The title kinds a search filter keeps (the filter values are the pages' `kind` filter). */
const TITLE_KINDS: Record<string, TitlePageKind[]> = { [KIND_NOTE]: ['n', 'd'], [KIND_MISSING]: ['m'] };
/** The kinds of page found by title only: titles without a note are not in the full-text index. */
const TITLE_ONLY_KINDS: readonly TitlePageKind[] = ['m'];
const ALL_KINDS: readonly TitlePageKind[] = ['n', 'd', 'm'];

/** The number of the newest `searchNotes` call. */
let latestCall = 0;

/**
 * The hits for a query, in this order: the pages it names (`TitleMatcher.match`), the notes'
 * full-text hits, then the titles without a note that hold every word of it.
 *
 * @param limit how many hits to load (each is a small fetch)
 * @param titles how many pages named by the query come first: the page with the query as its
 *   title or other name, then titles that start with it (unless `prefixes` is false), then
 *   titles it misspells
 * @param debounce wait this long for more typing before loading anything for the query (the
 *   title pieces it needs, Pagefind's chunks); a newer call makes an older one return null
 * @param fullText `'when no title holds it'`: the titles that hold the query, named or holding
 *   every word of it, are the answer (`titlesOnly`), and Pagefind is loaded only for a query
 *   that no title holds (`lib/search/titles-only.ts`)
 */
export async function searchNotes(
  base: string,
  query: string,
  options: {
    limit: number;
    titles: number;
    prefixes?: boolean;
    kind?: string | undefined;
    debounce?: number;
    fullText?: 'always' | 'when no title holds it';
    /** Called with the pages the query names as soon as they are known, before the full-text hits. */
    onTitles?: (hits: SearchHit[]) => void;
  },
): Promise<SearchAnswer | null> {
  const started = performance.now();
  const call = ++latestCall;
  const term = searchTerm(query, document.documentElement.lang);
  if (term === '') return { hits: [], total: 0, elapsed: 0 };
  // Each keystroke would load its own title pieces and index chunks: only the last one does.
  if (options.debounce) {
    await new Promise((resolve) => setTimeout(resolve, options.debounce));
    if (call !== latestCall) return null;
  }
  const titlesFirstOnly = options.fullText === 'when no title holds it';
  const loadingIndex = titlesFirstOnly ? undefined : pagefind(base);
  const titles = await titlesFor(base, query);
  if (options.debounce && call !== latestCall) return null;
  const kinds = options.kind ? TITLE_KINDS[options.kind] : undefined;
  const named = titles?.match(query, Math.max(options.titles, 1), { kinds, prefixes: options.prefixes ?? true }) ?? [];
  if (titlesFirstOnly && titles) {
    const answer = titlesOnlyAnswer(titles, named, query, options.limit, kinds ?? ALL_KINDS, base);
    if (answer.hits.length > 0) return { ...answer, elapsed: performance.now() - started };
  }
  // The titles are small and near: shown while Pagefind still loads or searches.
  if (options.onTitles && named.length > 0) options.onTitles(named.map((match) => titleHit(match, undefined, base)));
  const index = await (loadingIndex ?? pagefind(base));
  if (options.debounce && call !== latestCall) return null;
  let fullText = options.kind === KIND_MISSING ? { hits: [], total: 0 } : await fullTextHits(index, term, query, options);
  if (!fullText || (options.debounce && call !== latestCall)) return null;
  let searchedInstead: string | undefined;
  // A query that names no page: a word no page holds is misspelt even when Pagefind answers it
  // (with pages holding words that merely look like it), and the nearest word of the index is
  // searched instead; with no answer at all, titles' words are tried too. (A query naming a
  // page loads no word list: its first search stays small.)
  if (options.kind !== KIND_MISSING && named.length === 0) {
    const filters = options.kind ? { filters: { [KIND_FILTER]: options.kind } } : {};
    const corrected = await correctedTerm(index.search, base, term, filters, fullText.total > 0);
    const retried = corrected === undefined ? undefined : await fullTextHits(index, corrected, corrected, options);
    if (options.debounce && call !== latestCall) return null;
    if (retried && retried.total > 0) {
      fullText = retried;
      searchedInstead = corrected;
    }
  }
  const hits = titlesFirst(named, fullText.hits, base);
  const extra = named.filter((match) => !fullText.hits.some((hit) => samePage(hit.url, hrefForSlug(match.slug, base)))).length;
  const titleOnlyKinds = TITLE_ONLY_KINDS.filter((kind) => !kinds || kinds.includes(kind));
  const byWords = titles ? holdingEveryWordBesides(titles, named, query, options.limit, titleOnlyKinds) : { matches: [], total: 0 };
  for (const match of byWords.matches) hits.push(titleHit(match, undefined, base));
  return {
    hits: hits.slice(0, options.limit),
    total: fullText.total + extra + byWords.total,
    elapsed: performance.now() - started,
    searchedInstead,
  };
}

/** The titles that hold the query (`titlesOnlyMatches`), and how many there are in the pieces loaded. */
function titlesOnlyAnswer(
  titles: TitleMatcher,
  named: readonly TitleMatch[],
  query: string,
  limit: number,
  kinds: readonly TitlePageKind[],
  base: string,
): { hits: SearchHit[]; total: number; titlesOnly: true } {
  const holding = holdingEveryWordBesides(titles, named, query, limit, kinds);
  const matches = titlesOnlyMatches(named, holding.matches, limit);
  return { hits: matches.map((match) => titleHit(match, undefined, base)), total: Math.max(matches.length, named.length + holding.total), titlesOnly: true };
}

/**
 * Pagefind's hits for the query, the pages holding it as one phrase first (it is what ranks a
 * Japanese title, whose words are each common, above the pages that merely share its words),
 * then the others; the exact title first if it is among them. Null: a newer call took over.
 */
async function fullTextHits(
  { search, bundles }: LoadedIndex,
  term: string,
  query: string,
  options: { limit: number; kind?: string | undefined; debounce?: number },
): Promise<{ hits: SearchHit[]; total: number } | null> {
  const filters = options.kind ? { [KIND_FILTER]: options.kind } : undefined;
  const settings = filters ? { filters } : {};
  const response = await search.search(term, settings);
  if (!response) return null;
  const matching = bundles > 1 ? await holdingEveryWord(search, term, settings, response.results) : response.results;
  const phrase = phraseTerm(term);
  const phraseResults = phrase ? ((await search.search(phrase, settings))?.results ?? []) : [];
  const results = uniqueById([...phraseResults, ...matching]);
  // One more than shown, so an exact title just past the cut can still move to the front.
  const loaded = await Promise.all(results.slice(0, options.limit + 1).map((result) => result.data()));
  return { hits: exactTitleFirst(loaded.map(toHit), query), total: results.length };
}

/** A page named by its title, with the excerpt of its full-text hit if it has one. */
function titleHit(match: TitleMatch, hit: SearchHit | undefined, base: string): SearchHit {
  return {
    title: match.title,
    original: match.name ?? hit?.original,
    url: titleMatchHref(match, base),
    excerpt: hit?.excerpt ?? '',
    section: undefined,
    kind: match.kind === 'm' ? KIND_MISSING : KIND_NOTE,
  };
}

/**
 * The named pages first, each with its full-text hit's excerpt when it has one, then the other
 * full-text hits.
 */
function titlesFirst(named: readonly TitleMatch[], fullText: readonly SearchHit[], base: string): SearchHit[] {
  const rest = [...fullText];
  const first = named.map((match): SearchHit => {
    const found = rest.findIndex((hit) => samePage(hit.url, hrefForSlug(match.slug, base)));
    return titleHit(match, found === -1 ? undefined : rest.splice(found, 1)[0], base);
  });
  return [...first, ...rest];
}

/** Whether two hrefs are the same page, whatever their percent-encoding and section. */
function samePage(a: string, b: string): boolean {
  const path = (href: string) => {
    const pathname = href.split('#')[0]!;
    try {
      return decodeURIComponent(pathname).normalize('NFC');
    } catch {
      return pathname;
    }
  };
  return path(a) === path(b);
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
