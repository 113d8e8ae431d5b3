/**
 * The title list in the browser: `/titles.json` loaded once, when search is first used, and
 * matched as the reader types (lib/search/title-matches.ts). Without it (an old build, a
 * failed fetch) search goes on with full-text hits only.
 */
import { titleMatcher, type TitleMatcher } from '../lib/search/title-matches.ts';

let loading: Promise<TitleMatcher | undefined> | undefined;

export function loadTitles(base: string): Promise<TitleMatcher | undefined> {
  loading ??= fetch(`${base}titles.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`${base}titles.json: HTTP ${response.status}`);
      return response.json();
    })
    .then(titleMatcher)
    .catch((error: unknown) => {
      console.error('Search by title is off:', error);
      return undefined;
    });
  return loading;
}
