/**
 * Notes that try to run script or reach another host (tests/fixtures/hostile/) are inert in
 * Chromium: no dialog, nothing they set on `window`, no request off localhost, and their
 * wiki links stay inside the site.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { useBuiltSite } from '../support/fixture-site.ts';

// Every missing title gets a page here, as the tests of hostile titles look at them.
const site = useBuiltSite(join(PROJECT_ROOT, 'tests/fixtures/hostile'), { SINGLE_MENTION_PAGES: '1' });

interface Watched {
  page: Page;
  dialogs: string[];
  outside: string[];
  errors: string[];
}

/** A page that records dialogs, page errors and every request that leaves localhost (blocked). */
async function watchedPage(): Promise<Watched> {
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const watched: Watched = { page, dialogs: [], outside: [], errors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    watched.outside.push(url.href);
    return route.abort();
  });
  return watched;
}

async function expectInert({ page, dialogs, outside }: Watched): Promise<void> {
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
}

describe('hostile notes', () => {
  test('a note full of script and foreign requests runs nothing and requests nothing outside', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    expect((await page.goto(`${site.url}notes/script_injection/`))?.status()).toBe(200);
    await expect.poll(() => page.locator('.note-body').innerText()).toContain('Plain text that mentions onerror');
    // Links and handlers that survived would fire now.
    await page.locator('#hover-target, .note-body div').first().hover().catch(() => undefined);
    for (const label of ['raw javascript link', 'mixed case link', 'markdown javascript link']) {
      const link = page.locator('.note-body a', { hasText: label });
      if ((await link.count()) > 0) {
        expect(await link.getAttribute('href')).toBeNull();
        await link.click();
      }
    }
    const html = await page.locator('.note-body').innerHTML();
    expect(html).not.toMatch(/<(script|iframe|object|embed|style|form|meta|base|link|svg)\b|\son[a-z]+=|javascript:/i);
    expect(await page.locator('.note-body [style]').count()).toBe(0);
    expect(page.url()).toBe(`${site.url}notes/script_injection/`);
    await expectInert(watched);
    // The page's own scripts still work under its Content-Security-Policy: search, the full
    // text too (Pagefind's WASM), for a phrase no title holds.
    await page.locator('#site-search-input').fill('plain text that mentions onerror');
    await expect.poll(() => page.locator('.search-popup .search-hit-title').allInnerTexts()).toContain('Script injection');
    await expectInert(watched);
    await page.close();
  });

  test('wiki links to hostile targets stay inside the site, as pages for missing titles', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(`${site.url}notes/hostile_links/`);
    const hrefs = await page.locator('.note-body a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(6);
    for (const href of hrefs) {
      expect(href.startsWith(`${site.url}notes/`), href).toBe(true);
      expect((await page.request.get(href)).status(), href).toBe(200);
    }
    await page.locator('.note-body a').first().hover();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    await page.locator('.note-body a').first().click();
    await page.waitForURL(/\/notes\/javascript:alert\(1\)\/$/);
    expect(await page.locator('h1').innerText()).toBe('javascript:alert(1)');
    await expectInert(watched);
    await page.close();
  });

  test('a title made of HTML is shown as text everywhere', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(`${site.url}notes/script_injection/`);
    const backlink = page.locator('#backlinks a', { hasText: 'in a title' });
    expect(await backlink.innerText()).toContain('<img src=x onerror=');
    // The backlinks are below the fold: scroll first, as a reader would, since a scroll
    // closes previews (and one still settling would cancel this one).
    await backlink.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await backlink.hover();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    expect(await page.locator('#link-preview .link-preview-title').innerText()).toContain('<img src=x onerror=');
    await backlink.click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toContain('<img src=x onerror=');
    expect(await page.title()).toContain('<img src=x onerror=');
    await page.locator('#site-search-input').fill('title');
    await page.locator('.search-popup .search-hit-title').first().waitFor();
    await expectInert(watched);
    await page.close();
  });

  test('titles and link texts are isolated, so right-to-left text never reorders what follows it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}notes/script_injection/`);
    const bidi = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).unicodeBidi);
    expect(await page.locator('#backlinks .backlink-title', { hasText: 'עברית' }).count()).toBe(1);
    for (const selector of ['h1', '#backlinks .backlink-title', '#backlinks .backlink-context mark']) {
      expect({ selector, bidi: await bidi(selector) }).toEqual({ selector, bidi: 'isolate' });
    }
    await page.goto(new URL((await page.locator('#backlinks .backlink-title', { hasText: 'עברית' }).getAttribute('href'))!, site.url).href);
    expect(await bidi('.note-body a.wiki-link')).toBe('isolate');
    await page.close();
  });
});
