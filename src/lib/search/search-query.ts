// Bundled for the browser: imports nothing from node:*.
/**
 * What the search box does with a reader's query and Pagefind's answers, apart from the DOM:
 * the query is split into words like the index was (`japanese-words.ts`), excerpts lose the
 * inserted word breaks, pages holding the whole query as a phrase come before pages that only
 * hold its words, and a note whose title is the query comes first.
 */
import { breakJapaneseWords, pagefindSplitsJapanese, withoutJapaneseBreaks } from './japanese-words.ts';
import { titleKey } from '../titles/titles.ts';

/**
 * The term handed to Pagefind for what the reader typed.
 * @param pageLanguage the page's `<html lang>`: on a Japanese site Pagefind splits the query itself
 */
export function searchTerm(query: string, pageLanguage?: string): string {
  return pagefindSplitsJapanese(pageLanguage) ? query.trim() : breakJapaneseWords(query.trim(), ' ');
}

/**
 * The same term as a Pagefind exact-phrase search (`"…"`), for queries of more than one word;
 * undefined for one word or a query that is already quoted.
 */
export function phraseTerm(term: string): string | undefined {
  const words = term.split(/\s+/u).filter(Boolean);
  if (words.length < 2 || /^\s*".*"\s*$/u.test(term)) return undefined;
  return `"${words.join(' ')}"`;
}

/** A Pagefind excerpt (HTML with `<mark>`) as the reader should see it. */
export function readableExcerpt(excerptHtml: string): string {
  return withoutJapaneseBreaks(excerptHtml);
}

/**
 * The same results with a note titled exactly as the query (by the link rules) first, or,
 * failing that, the note translated from a page of that title.
 */
export function exactTitleFirst<T extends { title: string; original?: string | undefined }>(
  results: readonly T[],
  query: string,
): T[] {
  const key = titleKey(query);
  let exact = results.findIndex((result) => titleKey(result.title) === key);
  if (exact === -1) exact = results.findIndex((result) => result.original !== undefined && titleKey(result.original) === key);
  if (exact <= 0) return [...results];
  return [results[exact]!, ...results.slice(0, exact), ...results.slice(exact + 1)];
}

/** Search filters, as the pages mark themselves with `data-pagefind-filter`. */
export const KIND_FILTER = 'kind';
export const KIND_NOTE = 'Notes';
export const KIND_MISSING = 'Missing-link pages';
