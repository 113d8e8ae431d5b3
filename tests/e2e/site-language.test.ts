/**
 * A Japanese vault built with SITE_LANGUAGE=ja (mitsuoka-notes-ja): pages are marked Japanese,
 * the interface speaks Japanese, and Pagefind's own Japanese word splitting finds notes by
 * their Japanese titles and words (our splitting, for Japanese inside English pages, is off).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { serveSite, type ServedSite } from '../support/serve-site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
const corpus = corpusDir('mitsuoka-notes-ja/obsidian');

describe.runIf(corpus.present)('a Japanese site (SITE_LANGUAGE=ja)', () => {
  let browser: Browser;
  let site: ServedSite;
  let outDir: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Every missing title gets a page: 仕訳, whose page is looked at, is linked by one note.
    ({ outDir } = await buildSite({ contentDir: corpus.dir, env: { SITE_LANGUAGE: 'ja', SINGLE_MENTION_PAGES: '1' } }));
    site = await serveSite(outDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(new URL(path, site.url).href);
    return page;
  }

  test('marks every page Japanese and shows the interface in Japanese', async () => {
    const page = await open(`notes/${encodeURIComponent('勘定科目')}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('meta[property="og:locale"]').getAttribute('content')).toBe('ja_JP');
    expect(await page.locator('h1').innerText()).toBe('勘定科目');
    expect(await page.locator('#backlinks-heading').innerText()).toMatch(/^\d+ 件のノートからリンク$/);
    expect(await page.locator('.site-header nav').getByRole('link').allInnerTexts()).toEqual(['すべてのノート', '用語集']);
    expect(await page.locator('#site-search-input').getAttribute('placeholder')).toBe('ノートを検索…');
    expect(await page.locator('#local-graph-heading').innerText()).toBe('近くのページのグラフ');
    // Not in a git repository here: dated by the file's time, written the Japanese way.
    expect(await page.locator('.note-dates').innerText()).toMatch(/^更新日: \d{4}年\d{1,2}月\d{1,2}日$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'japanese-note.png'), fullPage: true });

    // A missing title's page, and the 404 page.
    await page.locator('.note-body').getByRole('link', { name: '仕訳', exact: true }).first().click();
    await page.waitForURL(/%E4%BB%95%E8%A8%B3\/$/);
    expect(await page.locator('.missing-notice').innerText()).toContain('このタイトルのノートはまだありません');
    // Its description (search engines, cards, link previews) is Japanese too.
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^このタイトルのノートはまだありません。リンク元: \d+ 件のノート（/);
    await page.goto(new URL('no-such-page/', site.url).href);
    expect(await page.locator('h1').innerText()).toBe('ページが見つかりません');
    // Every other page of the site's own.
    for (const [path, heading] of [
      ['browse/', 'すべてのノート'],
      ['glossary/', '用語集'],
      ['graph/', '全ノートのグラフ'],
      ['search/', '検索'],
      ['translation-issues/', '翻訳の問題'],
    ]) {
      await page.goto(new URL(path!, site.url).href);
      expect(await page.locator('h1').innerText()).toBe(heading);
    }
    await page.goto(site.url);
    expect(await page.locator('#recently-changed h2').innerText()).toBe('最近の更新');
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<language>ja</language>');
    await page.close();
  });

  test('indexes the pages as Japanese only: Pagefind splits the words once, itself', () => {
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['ja']);
  });

  test.each([
    ['a Japanese title', '勘定科目', '勘定科目'],
    ['another title', '確定申告', '確定申告'],
    ['a word from a note body', '金融機関', '勘定科目'],
    ['a title of katakana', 'ハッカソン', 'ハッカソン'],
  ])('finds a note by %s (%s) in the search box', async (_what, query, title) => {
    const page = await open('');
    await page.locator('#site-search-input').fill(query);
    const titles = page.locator('#site-search-results .search-hit-title');
    await expect.poll(() => titles.allInnerTexts()).toContain(title);
    // A title's words are answered by titles, with their count; a body word by the full text.
    const status = title === query ? /^タイトルに一致: \d+ 件$/ : /^\d+ 件$/;
    await expect.poll(() => page.locator('.site-search .search-status').innerText()).toMatch(status);
    if (query === '勘定科目') await page.screenshot({ path: join(SCREENSHOTS, 'japanese-search.png') });
    await page.close();
  });
});
