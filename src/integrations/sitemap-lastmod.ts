/**
 * The sitemap's `<lastmod>`: a `serialize` for `@astrojs/sitemap` that gives each page the
 * date the loader wrote for it (`lib/site/page-dates.ts`, in the build's cache folder). Read
 * once, when the sitemap is written (after every page). A page without a date gets none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastmodOf, type PageDates } from '../lib/site/page-dates.ts';
import { PAGE_DATES_FILE } from '../lib/cache/cache-files.ts';

interface SitemapItem {
  url: string;
  lastmod?: string;
}

export function sitemapLastmod(cacheDir: string): <T extends SitemapItem>(item: T) => T {
  let dates: PageDates | undefined;
  return (item) => {
    dates ??= readDates(join(cacheDir, PAGE_DATES_FILE));
    const lastmod = lastmodOf(item.url, dates);
    return lastmod === undefined ? item : { ...item, lastmod };
  };
}

/** No file (the loader did not run) means no dates, never a failed build. */
function readDates(file: string): PageDates {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageDates;
  } catch {
    return {};
  }
}
