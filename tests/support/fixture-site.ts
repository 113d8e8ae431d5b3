/**
 * For a browser test file: builds a content folder once, serves it on localhost and starts
 * Chromium before the tests, and closes both after them.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, PROJECT_ROOT } from './build-site.ts';
import { launchChromium } from './browser.ts';
import { listOutputFiles, pagesWithDuplicateIds, readBuiltPages } from './read-built-site.ts';
import { serveSite, type ServedSite } from './serve-site.ts';

export const FIXTURE_SITE = join(PROJECT_ROOT, 'tests/fixtures/site');

export interface SiteUnderTest {
  /** The site's root URL, ending in `/`. */
  readonly url: string;
  readonly browser: Browser;
}

/** @param env settings for the build, e.g. `{ SINGLE_MENTION_PAGES: '1' }` */
export function useBuiltSite(contentDir = FIXTURE_SITE, env?: Record<string, string>): SiteUnderTest {
  let browser: Browser | undefined;
  let site: ServedSite | undefined;
  beforeAll(async () => {
    const { outDir } = await buildSite({ contentDir, ...(env ? { env } : {}) });
    // Every site a browser test builds has no id twice (issue 29): a skip link or an outline
    // entry would jump to the wrong element.
    const twice = pagesWithDuplicateIds(readBuiltPages(outDir, listOutputFiles(outDir)));
    if (twice.length > 0) throw new Error(`pages with an id twice: ${twice.join('; ')}`);
    site = await serveSite(outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = () => {
    if (!site || !browser) throw new Error('the site is not built yet (use it inside a test)');
    return { site, browser };
  };
  return {
    get url() {
      return ready().site.url;
    },
    get browser() {
      return ready().browser;
    },
  };
}
