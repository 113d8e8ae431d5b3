/**
 * The cache key of a page for Astro's incremental build (`experimental.incrementalBuild`): a
 * page whose key and code are unchanged is copied from the last build instead of rendered.
 * So the key must cover everything the page shows that does not come from its code: its
 * entry, what it derives from the rest of the site (2-hop links), and the settings the
 * layout reads. A field left out would leave a stale page; a field that changes without
 * changing the page only costs a render.
 */
import { hashOf } from './render-cache.ts';

/**
 * Entry fields that never reach the page: where the note's HTML lies in the HTML file (it
 * moves whenever an earlier note's HTML changes size; `htmlHash` stands for the HTML). The
 * note's dates are in the key: the page shows them ("Updated …"). Dated by git they stay the
 * same from checkout to checkout; dated by file times, a fresh copy renders every page again.
 */
const NOT_SHOWN = new Set(['html']);

export function pageCacheKey(data: Record<string, unknown>, derived: unknown, settings: unknown): string {
  const shown = Object.fromEntries(Object.entries(data).filter(([field]) => !NOT_SHOWN.has(field)));
  return hashOf(JSON.stringify(shown), JSON.stringify(derived), JSON.stringify(settings));
}
