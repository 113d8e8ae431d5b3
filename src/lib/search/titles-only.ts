// Bundled for the browser: imports nothing from node:*.
/**
 * What the search box in the header answers before it loads the full-text index, as
 * Scrapbox's box does: the titles that hold what is typed. Pagefind costs a reader its
 * metadata, WASM and an index chunk per word (1.5 MB at 24,000 notes); the title pieces a query
 * needs, a few KB. The full text is searched when no title holds the query, or when the reader
 * asks for it (the box's last row, the search page).
 */
import type { TitleMatch } from './title-matches.ts';

/**
 * The titles the box shows: the pages the query names (`TitleMatcher.match`: the exact title,
 * titles starting with it, titles it misspells), then the titles holding every word of it
 * (`TitleMatcher.holdingEveryWord`), each page once, at most `limit`.
 */
export function titlesOnlyMatches(named: readonly TitleMatch[], holding: readonly TitleMatch[], limit: number): TitleMatch[] {
  const seen = new Set<string>();
  const shown: TitleMatch[] = [];
  for (const match of [...named, ...holding]) {
    if (shown.length >= limit) break;
    if (seen.has(match.slug)) continue;
    seen.add(match.slug);
    shown.push(match);
  }
  return shown;
}

