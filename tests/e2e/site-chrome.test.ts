/** The frame around the notes: theme toggle, 404 page, and a site served under a sub-path. */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type ServedSite } from '../support/serve-site.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/site');
let browser: Browser;
let site: ServedSite;
let subPathSite: ServedSite;

beforeAll(async () => {
  site = await serveSite((await buildSite({ contentDir: FIXTURE })).outDir);
  const subPath = await buildSite({ contentDir: FIXTURE, env: { BASE_PATH: '/wiki/' } });
  subPathSite = await serveSite(subPath.outDir, '/wiki/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await subPathSite?.close();
});

describe('the theme toggle', () => {
  test('follows the system, switches on click, and keeps the pick across pages and reloads', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const p = await context.newPage();
    await p.goto(`${site.url}notes/tacit_knowledge/`);
    const background = () => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    const toggle = p.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await toggle.click();
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await p.reload();
    expect(await background()).toBe(dark);
    await p.goto(`${site.url}browse/`);
    expect(await background()).toBe(dark);

    await p.getByRole('button', { name: 'Dark theme' }).click();
    await p.reload();
    expect(await background()).toBe(light);
    await context.close();
  });

  test('starts dark when the system is dark', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const p = await context.newPage();
    await p.goto(site.url);
    expect(await p.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('a page that does not exist', () => {
  test('gets the 404 page with a search box that opens the search page', async () => {
    const p = await browser.newPage();
    const response = await p.goto(`${site.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await p.locator('h1').innerText()).toBe('Page not found');
    await p.getByLabel('Search the notes').fill('tacit');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.waitForURL(/\/search\/\?q=tacit$/);
    await expect.poll(() => p.locator('.search-results .search-hit-title').allInnerTexts()).toContain('Tacit knowledge');
    await p.close();
  });
});

describe('a site built under a sub-path (BASE_PATH=/wiki/)', () => {
  test('has no link that leaves the sub-path or leads nowhere', async () => {
    const p = await browser.newPage();
    const seen = new Set<string>();
    const queue = [subPathSite.url];
    const origin = new URL(subPathSite.url).origin;
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      expect((await p.goto(url))?.status(), url).toBe(200);
      for (const href of await p.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        const target = href.split('#')[0]!;
        if (!target.startsWith(origin)) continue;
        expect(target.startsWith(subPathSite.url), `${url} links to ${href}`).toBe(true);
        if (!seen.has(target)) queue.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(15);
    await p.close();
  });

  test('search works under the sub-path', async () => {
    const p = await browser.newPage();
    await p.goto(subPathSite.url);
    await p.locator('#site-search-input').fill('Polanyi');
    await expect.poll(() => p.locator('.search-popup .search-hit-title').allInnerTexts()).toEqual(['Tacit knowledge']);
    expect(await p.locator('.search-popup a.search-hit').first().getAttribute('href')).toMatch(/^\/wiki\/notes\/tacit_knowledge\//);
    await p.close();
  });
});
