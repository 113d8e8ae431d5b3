/**
 * What writers coming from Scrapbox, Obsidian and Quartz expect, in a browser: remote images
 * that load lazily, send no referrer and do not move the text, and damaged brackets that read
 * as meant. Built from `tests/fixtures/writers`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { useBuiltSite } from '../support/fixture-site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
// Every missing title gets a page here (a tag one note writes leads to its page).
const site = useBuiltSite(join(PROJECT_ROOT, 'tests/fixtures/writers'), { SINGLE_MENTION_PAGES: '1' });

/** A 40 × 20 PNG (one colour). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAIAAABwJOjsAAAAJElEQVR42mMwaDgwIIhh1OJRi0ctHrV41OJRi0ctHrV45FgMABHpfj0nQq3nAAAAAElFTkSuQmCC',
  'base64',
);

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(new URL(path, site.url).href);
  return page;
}

const top = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);

describe('remote images', () => {
  test('load lazily, send no referrer, and keep the text in place while loading, once loaded and when blocked', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requested: { url: string; referer: string | undefined }[] = [];
    const held: Route[] = [];
    await page.route(/^https:\/\/(img|icons)\.example\//, async (route) => {
      requested.push({ url: route.request().url(), referer: route.request().headers()['referer'] });
      // One icon host is "blocked": the request fails, as offline or behind a blocker.
      if (route.request().url().includes('/blocked/')) await route.abort('blockedbyclient');
      else held.push(route);
    });
    await page.goto(new URL('notes/remote_images/', site.url).href);
    await expect.poll(() => requested.length).toBeGreaterThanOrEqual(3);

    const before = await top(page, '#after-images');
    const icon = page.locator('img[alt="nishio.icon"]');
    const blocked = page.locator('img[alt="blocked.icon"]');
    const iconBox = await icon.boundingBox();
    const fontSize = await icon.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    // Reserved before the icon has arrived: a square of 1.2em.
    expect(iconBox?.height).toBeCloseTo(fontSize * 1.2, 0);
    expect(iconBox?.width).toBeCloseTo(fontSize * 1.2, 0);
    const sized = await page.locator('img[alt="A sized chart"]').boundingBox();
    expect([sized?.width, sized?.height]).toEqual([300, 150]);
    await page.screenshot({ path: join(SCREENSHOTS, 'remote-images-loading.png') });

    for (const route of held.splice(0)) await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    await expect.poll(() => icon.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(40);
    expect(await top(page, '#after-images')).toBe(before);
    // The blocked icon keeps its square; its alt text does not spill over the line.
    const blockedBox = await blocked.boundingBox();
    expect(blockedBox?.width).toBeCloseTo(fontSize * 1.2, 0);
    expect(blockedBox?.height).toBeCloseTo(fontSize * 1.2, 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'remote-images-loaded.png') });

    // No referrer leaves the site, and the image far below is fetched only when scrolled to.
    expect(requested.map(({ referer }) => referer)).toEqual(requested.map(() => undefined));
    expect(requested.map(({ url }) => url)).not.toContain('https://img.example/far.png');
    await page.locator('img[alt="A picture far below"]').scrollIntoViewIfNeeded();
    await expect.poll(() => requested.map(({ url }) => url)).toContain('https://img.example/far.png');
    expect(requested.at(-1)?.referer).toBeUndefined();
    await page.close();
  });
});

describe('damaged brackets', () => {
  test('read as the writer meant: the wiki link and the web link side by side, no stray brackets', async () => {
    const page = await open('notes/damaged_brackets/');
    const body = page.locator('.note-body');
    const text = await body.innerText();
    expect(text).toContain('Video Editing How to use Premiere Pro []');
    expect(text).not.toContain('](');
    await body.getByRole('link', { name: 'How to use Premiere Pro []' }).waitFor();
    expect(await body.getByRole('link', { name: 'How to use Premiere Pro []' }).getAttribute('href')).toBe('https://example.com/premiere');
    await body.getByRole('link', { name: 'Video Editing' }).click();
    await page.waitForURL(/\/notes\/video_editing\/$/);
    expect(await page.locator('#backlinks .backlink').filter({ hasText: 'Damaged brackets' }).count()).toBe(1);
    await page.close();
  });
});

describe('hashtags and frontmatter tags', () => {
  test('link to their pages, which list the tagging notes; what is no tag stays text', async () => {
    const page = await open('notes/tagged_note/');
    const body = page.locator('.note-body');
    expect(await body.locator('a.hashtag').allInnerTexts()).toEqual(['#Zettelkasten', '#Writing_method']);
    expect(await body.innerText()).toContain('not about C# or #1 or colour #fff.');
    expect(await body.locator('code').innerText()).toContain('#include <stdio.h>');
    const tags = page.getByRole('list', { name: 'Tags' });
    expect(await tags.getByRole('link').allInnerTexts()).toEqual(['#plugin', '#Reading list']);
    await page.screenshot({ path: join(SCREENSHOTS, 'tags-note.png') });

    // A tag with a note leads to it (the Quartz tag note tags/plugin.md for "plugin").
    await tags.getByRole('link', { name: '#plugin' }).click();
    await page.waitForURL(/\/notes\/plugins\/$/);
    expect(await page.locator('h1').innerText()).toBe('Plugins');
    expect(await page.locator('#backlinks .backlink').filter({ hasText: 'Tagged note' }).count()).toBe(1);
    await page.goBack();

    // A hashtag with a note leads to it; one without leads to its missing-title page, which lists the note.
    await body.getByRole('link', { name: '#Writing_method' }).click();
    await page.waitForURL(/\/notes\/writing_method\/$/);
    expect(await page.locator('h1').innerText()).toBe('Writing method');
    await page.goBack();
    await body.getByRole('link', { name: '#Zettelkasten' }).click();
    await page.waitForURL(/\/notes\/zettelkasten\/$/);
    expect(await page.locator('.missing-notice').count()).toBe(1);
    const backlink = page.locator('#backlinks .backlink').filter({ hasText: 'Tagged note' });
    expect(await backlink.locator('mark').innerText()).toBe('#Zettelkasten');
    await page.screenshot({ path: join(SCREENSHOTS, 'tags-missing-page.png'), fullPage: true });
    await page.close();
  });
});
