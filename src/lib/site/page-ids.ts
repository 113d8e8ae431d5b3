/**
 * The element ids the site's own pages use (layout, components, page templates, and the
 * ones its scripts add). A note may not take one: `<div id="backlinks">` in a note, or a
 * heading "Main" (`#main`), would become the target of the page's `#backlinks` or of the
 * skip link, and of the `aria-labelledby` that names a section. The sanitizer prefixes
 * such ids in raw HTML (`rehype-sanitize-note.ts`), and headings skip them
 * (`markdown/links/heading-ids.ts`: a heading "Main" gets `main-1`); a unit test checks
 * this list against the templates.
 */
export const PAGE_IDS: ReadonlySet<string> = new Set([
  // The search box's options (`scripts/search-box.ts`): one per result shown, and the link to all.
  ...Array.from({ length: 8 }, (_, i) => `search-option-${i}`),
  'search-option-all',
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

/**
 * The ids of one note's HTML, each handed out once: a wanted id that is taken gets `-1`,
 * `-2`, … (as `github-slugger` numbers repeated headings), and none is one of the page's own.
 */
export class NoteIds {
  readonly #taken = new Set<string>(PAGE_IDS);
  /** The last number given to each wanted id, so that 10,000 equal ids take linear time. */
  readonly #numbered = new Map<string, number>();

  claim(wanted: string): string {
    let id = wanted;
    while (this.#taken.has(id)) {
      const n = (this.#numbered.get(wanted) ?? 0) + 1;
      this.#numbered.set(wanted, n);
      id = `${wanted}-${n}`;
    }
    this.#taken.add(id);
    return id;
  }
}
