import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type ServedSite } from '../support/serve-site.ts';

const SEED_TITLE = 'Business Model of Municipal System Orders';
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');

let browser: Browser;
let seedSite: ServedSite;
let fixtureSite: ServedSite;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const [seedBuild, fixtureBuild] = [
    await buildSite({ contentDir: join(PROJECT_ROOT, 'content') }),
    await buildSite({ contentDir: join(PROJECT_ROOT, 'tests/fixtures/site') }),
  ];
  seedSite = await serveSite(seedBuild.outDir);
  fixtureSite = await serveSite(fixtureBuild.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await seedSite?.close();
  await fixtureSite?.close();
});

async function openPage(url: string): Promise<Page> {
  page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(url);
  return page;
}

const heading = (p: Page) => p.locator('h1').innerText();

describe('the seed note in content/', () => {
  test('a reader follows [[municipal system standardization]], which two notes link, to its page, finds the seed there and goes back', async () => {
    const p = await openPage(seedSite.url);
    await p.getByRole('link', { name: SEED_TITLE }).first().click();
    expect(await heading(p)).toBe(SEED_TITLE);
    await p.screenshot({ path: join(SCREENSHOTS, 'seed-note.png'), fullPage: true });

    // Alone in content/, the seed's links are each made by one note: no pages. In the fixture
    // wiki a second note links this title.
    await p.goto(`${fixtureSite.url}notes/business_model_of_municipal_system_orders/`);
    await p.locator('article').getByRole('link', { name: 'municipal system standardization' }).click();
    await p.waitForURL(/\/notes\/municipal_system_standardization\/$/);
    expect(await heading(p)).toBe('municipal system standardization');
    await expect.poll(() => p.locator('.missing-notice').count()).toBe(1);
    const backlink = p.locator('#backlinks .backlink').filter({ hasText: SEED_TITLE });
    expect(await backlink.count()).toBe(1);
    expect(await backlink.locator('mark').innerText()).toBe('municipal system standardization');
    expect(await backlink.locator('.backlink-context').innerText()).toContain('forced upon them by government policy');
    await p.screenshot({ path: join(SCREENSHOTS, 'missing-page.png'), fullPage: true });

    await p.goBack();
    expect(await heading(p)).toBe(SEED_TITLE);
    await p.close();
  });

  test('the seed note, alone in its wiki, shows its four wiki links as mentioned only here, with no page behind them', async () => {
    const p = await openPage(`${seedSite.url}notes/business_model_of_municipal_system_orders/`);
    const mentions = p.locator('article .wiki-link-single-mention');
    expect(await mentions.allInnerTexts()).toEqual([
      'Waste of Taxpayer Money',
      'the market structure has become fixed',
      'municipal purchasing power',
      'municipal system standardization',
    ]);
    expect(await p.locator('article a.wiki-link').count()).toBe(0);
    expect(await mentions.first().getAttribute('title')).toMatch(/^Mentioned only here/);
    expect((await p.request.get(`${seedSite.url}notes/municipal_purchasing_power/`)).status()).toBe(404);
    await p.close();
  });
});

describe('links between notes with awkward titles', () => {
  test('titles with ?, /, #, a trailing full stop and Japanese are reached by clicking', async () => {
    const p = await openPage(`${fixtureSite.url}browse/w/`);
    await p.getByRole('link', { name: 'What is a municipal system?' }).click();
    expect(await heading(p)).toBe('What is a municipal system?');

    await p.locator('article').getByRole('link', { name: 'Start/expand/connect' }).click();
    expect(await heading(p)).toBe('Start/expand/connect');

    await p.locator('article').getByRole('link', { name: 'municipal_purchasing_power' }).click();
    expect(await heading(p)).toBe('Municipal purchasing power');
    const sources = await p.locator('#backlinks .backlink-title').allInnerTexts();
    expect(sources).toEqual([
      'Also available in black.',
      SEED_TITLE,
      'Start/expand/connect',
      'Tacit knowledge',
      '知的生産術',
    ]);

    await p.goto(`${fixtureSite.url}browse/s/`);
    await p.getByRole('link', { name: 'Social Hack Day #57' }).click();
    expect(await heading(p)).toBe('Social Hack Day #57');
    await p.locator('article').getByRole('link', { name: '知的生産術' }).click();
    expect(await heading(p)).toBe('知的生産術');
    expect(await p.locator('#backlinks .backlink-title').allInnerTexts()).toEqual(['Social Hack Day #57']);

    await p.goBack();
    await p.locator('article').getByRole('link', { name: 'Also available in black.' }).click();
    expect(await heading(p)).toBe('Also available in black.');
    await p.screenshot({ path: join(SCREENSHOTS, 'fixture-note.png'), fullPage: true });
    await p.close();
  });

  test('links to titles without a note look different from links to notes', async () => {
    const p = await openPage(`${fixtureSite.url}browse/b/`);
    await p.getByRole('link', { name: SEED_TITLE }).click();
    const style = (element: Locator) =>
      element.evaluate((a) => {
        const style = getComputedStyle(a);
        return `${style.color} ${style.textDecorationStyle}`;
      });
    const article = p.locator('article');
    const missing = await style(article.getByRole('link', { name: 'municipal system standardization', exact: true }));
    const existing = await style(article.getByRole('link', { name: 'municipal purchasing power', exact: true }));
    const mentionedOnlyHere = await style(article.locator('.wiki-link-single-mention', { hasText: 'Waste of Taxpayer Money' }));
    expect(new Set([missing, existing, mentionedOnlyHere]).size).toBe(3);
    await p.close();
  });

  test('every link on every page of the site leads to a page that exists', async () => {
    const p = await openPage(fixtureSite.url);
    const seen = new Set<string>();
    const queue = [fixtureSite.url];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await p.goto(url);
      expect(response?.status(), url).toBe(200);
      const hrefs = await p.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const target = href.split('#')[0]!;
        if (target.startsWith(fixtureSite.url) && !seen.has(target)) queue.push(target);
      }
    }
    // 8 notes, 5 missing-link pages, home, browse index and its initials.
    expect(seen.size).toBeGreaterThanOrEqual(8 + 5 + 2);
    await p.close();
  });
});
