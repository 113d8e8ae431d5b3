/**
 * The element ids the site's own pages use (layout, components, page templates). A note's
 * raw HTML may not take one: `<div id="backlinks">` in a note would become the target of
 * the page's `#backlinks` and of the `aria-labelledby` that names a section. The sanitizer
 * prefixes such ids (`rehype-sanitize-note.ts`); a unit test checks this list against the
 * templates.
 */
export const PAGE_IDS: ReadonlySet<string> = new Set([
  'backlinks',
  'backlinks-heading',
  'damaged-links',
  'glossary-filter',
  'graph-legend-heading',
  'graph-search-input',
  'link-preview',
  'local-graph',
  'local-graph-heading',
  'main',
  'near-titles',
  'no-original',
  'not-found-query',
  'outline-heading',
  'recently-changed',
  'search-page-input',
  'site-search-input',
  'site-search-results',
  'two-hop-heading',
  'two-hop-links',
  'unreadable-footers',
]);

/** The prefix `hast-util-sanitize` gives clobbering names; ids that clash get it too. */
export const USER_CONTENT_PREFIX = 'user-content-';
