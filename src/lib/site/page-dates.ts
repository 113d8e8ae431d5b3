/**
 * When each page last changed, for the sitemap's `<lastmod>`: a note's page by the note's date
 * (`lib/notes/note-dates.ts`), the page of a missing or shared title by the newest of the
 * notes it lists (what it shows is theirs). The loader writes them to a file of the build's
 * cache folder (`PAGE_DATES_FILE`, `lib/cache/cache-files.ts`); the sitemap integration reads it when the site is built.
 */

/** ISO 8601 dates by page path (decoded, base included, e.g. `/wiki/notes/知的生産術/`). */
export type PageDates = Record<string, string>;

export interface DatedPage {
  /** The page's path as linked (`hrefForSlug`), percent-encoded or not. */
  href: string;
  /** Its own date (a note), or undefined (a missing or shared title). */
  updated: string | undefined;
  /** Paths of the notes it lists, whose newest date it takes when it has none of its own. */
  lists: readonly string[];
}

export function pageDates(pages: readonly DatedPage[]): PageDates {
  const own = new Map<string, string>();
  for (const page of pages) if (page.updated !== undefined) own.set(pathKey(page.href), page.updated);
  const dates: PageDates = {};
  for (const page of pages) {
    const date = page.updated ?? newest(page.lists.map((href) => own.get(pathKey(href))));
    if (date !== undefined) dates[pathKey(page.href)] = date;
  }
  return dates;
}

/** A sitemap entry's `lastmod`: the date of the page at `url`, if it has one. */
export function lastmodOf(url: string, dates: PageDates): string | undefined {
  return dates[pathKey(new URL(url).pathname)];
}

function newest(dates: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const date of dates) if (date !== undefined && (best === undefined || date > best)) best = date;
  return best;
}

/** Paths compared decoded: the sitemap encodes what our links leave as they are (`:`, `'`). */
function pathKey(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
