/**
 * The frame around the notes: theme toggle, 404 page, a site served under a sub-path, the
 * files for search engines and feed readers, and what a page loads before interaction.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type ServedSite } from '../support/serve-site.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/site');
let browser: Browser;
let site: ServedSite;
let subPathSite: ServedSite;
let subPathDir: string;
/** The public address the sub-path site is built for; it is served on localhost. */
const PUBLIC_ORIGIN = 'https://notes.example.org';
const PUBLIC_URL = `${PUBLIC_ORIGIN}/wiki/`;
/** The local address of a public URL of the sub-path site. */
const local = (url: string) => {
  expect(url.startsWith(PUBLIC_URL), url).toBe(true);
  return subPathSite.url + url.slice(PUBLIC_URL.length);
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

beforeAll(async () => {
  site = await serveSite((await buildSite({ contentDir: FIXTURE })).outDir);
  const subPath = await buildSite({ contentDir: FIXTURE, env: { BASE_PATH: '/wiki/', SITE_URL: PUBLIC_ORIGIN } });
  subPathSite = await serveSite(subPath.outDir, '/wiki/');
  subPathDir = subPath.outDir;
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

describe('files for search engines and feed readers (sub-path site, SITE_URL set)', () => {
  test('the sitemap lists every page but search and 404, each answering 200', async () => {
    const index = await (await fetch(subPathSite.url + 'sitemap-index.xml')).text();
    const pages = [];
    for (const sitemap of locs(index)) pages.push(...locs(await (await fetch(local(sitemap))).text()));
    const htmlFiles = readdirSync(subPathDir, { recursive: true }).filter((file) => String(file).endsWith('index.html'));
    // Every page but the search page (404.html is not an index.html).
    expect(pages.length).toBe(htmlFiles.length - 1);
    expect(pages).toContain(`${PUBLIC_URL}notes/tacit_knowledge/`);
    expect(pages).toContain(`${PUBLIC_URL}notes/municipal_system_standardization/`);
    expect(pages.some((page) => page.includes('/search/'))).toBe(false);
    for (const page of pages) expect((await fetch(local(page))).status, page).toBe(200);
    const robots = await (await fetch(subPathSite.url + 'robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${PUBLIC_URL}sitemap-index.xml`);
  });

  test('the feed carries notes with their first lines, linking to their pages', async () => {
    const response = await fetch(subPathSite.url + 'rss.xml');
    expect(response.headers.get('content-type')).toContain('xml');
    const xml = await response.text();
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1]!);
    expect(items.length).toBe(8); // the fixture's notes; missing-link pages are not in the feed
    const tacit = items.find((item) => item.includes('<title>Tacit knowledge</title>'));
    expect(tacit).toContain(`<link>${PUBLIC_URL}notes/tacit_knowledge/</link>`);
    expect(tacit).toContain('<description>Knowledge that is hard to put into words.');
    for (const item of items) expect((await fetch(local(/<link>([^<]+)<\/link>/.exec(item)![1]!))).status).toBe(200);
    const home = await browser.newPage();
    await home.goto(subPathSite.url);
    expect(await home.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href')).toBe('/wiki/rss.xml');
    await home.close();
  });

  test('a note has its title, description, canonical URL and Open Graph tags', async () => {
    const p = await browser.newPage();
    await p.goto(subPathSite.url + 'notes/tacit_knowledge/');
    const meta = (selector: string) => p.locator(selector).getAttribute('content');
    expect(await p.title()).toBe('Tacit knowledge · Wiki Notes');
    expect(await meta('meta[name="description"]')).toBe(
      'Knowledge that is hard to put into words. Where it comes from このノートでは暗黙知について書いた。Polanyi named it. How it spreads By working side by side, see Municipal purchasing power.',
    );
    expect(await meta('meta[property="og:title"]')).toBe('Tacit knowledge');
    expect(await meta('meta[property="og:description"]')).toBe(await meta('meta[name="description"]'));
    expect(await meta('meta[property="og:type"]')).toBe('article');
    // English is Open Graph's default locale (en_US): an English page leaves it out.
    expect(await p.locator('meta[property="og:locale"]').count()).toBe(0);
    expect(await meta('meta[property="og:url"]')).toBe(`${PUBLIC_URL}notes/tacit_knowledge/`);
    expect(await p.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${PUBLIC_URL}notes/tacit_knowledge/`);
    await p.goto(subPathSite.url + 'notes/municipal_system_standardization/');
    expect(await meta('meta[name="description"]')).toBe(
      'No note has this title yet. Cited by 2 notes: Business Model of Municipal System Orders, Municipal purchasing power.',
    );
    // A missing title's page carries no card tags but its title (link previews read it):
    // shared, it shows its title and description.
    expect(await p.locator('meta[property^="og:"], meta[name^="twitter:"]').count()).toBe(1);
    expect(await meta('meta[property="og:title"]')).toBe(await p.locator('h1').innerText());
    expect(await p.title()).toBe(`${await p.locator('h1').innerText()} · Wiki Notes`);
    await p.close();
  });

  test('link previews work under the sub-path', async () => {
    const p = await browser.newPage();
    await p.goto(subPathSite.url + 'notes/tacit_knowledge/');
    await p.locator('.note-body').getByRole('link', { name: 'Municipal purchasing power' }).hover();
    await p.locator('#link-preview').waitFor({ state: 'visible' });
    expect(await p.locator('#link-preview .link-preview-text').innerText()).toMatch(/^How much municipalities can spend/);
    await p.close();
  });
});

describe('what a note page loads before the reader does anything', () => {
  test('one stylesheet, a few KB of script, and no search code until the search box is used', async () => {
    const p = await browser.newPage();
    const requests: string[] = [];
    const scriptBytes: Promise<number>[] = [];
    const countScript = (response: Response) => {
      if (response.request().resourceType() === 'script') scriptBytes.push(response.body().then((body) => body.length));
    };
    p.on('request', (request) => requests.push(new URL(request.url()).pathname));
    p.on('response', countScript);
    await p.goto(site.url + 'notes/tacit_knowledge/', { waitUntil: 'networkidle' });
    p.off('response', countScript);
    expect(requests.filter((path) => path.endsWith('.css'))).toHaveLength(1);
    expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    const bytes = await Promise.all(scriptBytes);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.reduce((sum, size) => sum + size, 0)).toBeLessThan(12 * 1024);
    // Focus loads where the title pieces start; the full-text index waits for a query no title holds.
    await p.locator('#site-search-input').focus();
    await expect.poll(() => requests.filter((path) => path.endsWith('/titles/index.json'))).toHaveLength(1);
    expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    await p.close();
  });
});

describe('the layout at phone width (360 px)', () => {
  test.each([
    ['home page', ''],
    ['note', 'notes/tacit_knowledge/'],
    ['note with a long URL-like title', 'notes/知的生産術/'],
    ['missing-link page', 'notes/municipal_system_standardization/'],
    ['browse page', 'browse/a/'],
    ['glossary', 'glossary/'],
    ['translation issues', 'translation-issues/'],
    ['search page', 'search/?q=municipal'],
    ['graph of all notes', 'graph/'],
  ])('%s does not scroll sideways, and the header keeps the theme button on the first row', async (_name, path) => {
    const p = await browser.newPage({ viewport: { width: 360, height: 740 } });
    expect((await p.goto(site.url + path))?.status()).toBe(200);
    if (path.startsWith('search')) await p.locator('.search-results li').first().waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const [name, toggle] = [await p.locator('.site-name').boundingBox(), await p.locator('.theme-toggle').boundingBox()];
    expect(Math.abs(name!.y + name!.height / 2 - (toggle!.y + toggle!.height / 2))).toBeLessThan(12);
    expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(360);
    await p.close();
  });
});

describe('keyboard focus', () => {
  test('is visible on the skip link, header links and note links, and the skip link jumps to the text', async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await p.goto(site.url + 'notes/tacit_knowledge/');
    const outline = () => p.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { tag: document.activeElement!.tagName, text: (document.activeElement as HTMLElement).innerText, outline: style.outlineStyle, width: style.outlineWidth };
    });
    await p.keyboard.press('Tab');
    const skip = await outline();
    expect(skip).toMatchObject({ tag: 'A', text: 'Skip to the text', outline: 'solid' });
    expect(await p.locator('.skip-link').evaluate((link) => link.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await p.keyboard.press('Tab');
    expect(await outline()).toMatchObject({ tag: 'A', text: 'Wiki Notes', outline: 'solid', width: '2px' });
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Enter');
    await p.waitForURL(/#main$/);
    await p.locator('.note-body a').first().focus();
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Tab');
    expect((await outline()).outline).toBe('solid');
    await p.close();
  });
});
