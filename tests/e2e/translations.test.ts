/**
 * Translated notes as a reader and a writer see them: the original named at the top and
 * linked, Japanese titles as link targets, the glossary, and the translation issues page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/fixture-site.ts';

const site = useBuiltSite();

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const response = await page.goto(site.url + path);
  expect(response?.status()).toBe(200);
  return page;
}

describe('a translated note', () => {
  test('says at the top what it was translated from, in Japanese, linking to the original', async () => {
    const p = await open('notes/municipal_purchasing_power/');
    const line = p.locator('article .translated-from');
    expect(await line.innerText()).toBe('Translated from Japanese (DeepL): 自治体の購買力');
    const link = line.getByRole('link', { name: '自治体の購買力' });
    expect(await link.getAttribute('href')).toBe('https://scrapbox.io/nishio/自治体の購買力');
    expect(await link.getAttribute('lang')).toBe('ja');
    expect(await p.locator('head link[rel="alternate"][hreflang="ja"]').getAttribute('href')).toBe(
      'https://scrapbox.io/nishio/自治体の購買力',
    );
    // The footer itself is gone from the body.
    expect(await p.locator('.note-body').innerText()).not.toContain('auto-translated');
    await p.close();
  });

  test('a note without a footer says nothing of the kind', async () => {
    const p = await open('notes/start/expand/connect/');
    expect(await p.locator('.translated-from').count()).toBe(0);
    expect(await p.locator('head link[hreflang="ja"]').count()).toBe(0);
    await p.close();
  });

  test('a [[Japanese original title]] link leads to the translated note, and no missing page is made for it', async () => {
    const p = await open(`notes/${encodeURIComponent('知的生産術')}/`);
    const link = p.locator('article').getByRole('link', { name: '自治体の購買力' });
    expect(await link.getAttribute('class')).not.toContain('wiki-link-missing');
    await link.click();
    expect(await p.locator('h1').innerText()).toBe('Municipal purchasing power');
    expect(await p.locator('#backlinks .backlink-title').allInnerTexts()).toContain('知的生産術');
    const missing = await p.request.get(`${site.url}notes/${encodeURIComponent('自治体の購買力')}/`);
    expect(missing.status()).toBe(404);
    await p.close();
  });
});

describe('the glossary', () => {
  test('lists English and Japanese titles, sorts by either column and filters as you type', async () => {
    const p = await open('glossary/');
    const englishColumn = () => p.locator('tbody tr:not([hidden]) td:first-child').allInnerTexts();
    const japaneseColumn = () => p.locator('tbody tr:not([hidden]) td:nth-child(2)').allInnerTexts();
    expect(await englishColumn()).toEqual(['Business Model of Municipal System Orders', 'Municipal purchasing power', 'Tacit knowledge']);

    await p.getByRole('button', { name: 'Japanese original' }).click();
    const japanese = await japaneseColumn();
    expect(japanese).toEqual([...japanese].sort(new Intl.Collator('ja', { numeric: true }).compare));
    expect(await p.locator('th').nth(1).getAttribute('aria-sort')).toBe('ascending');
    await p.getByRole('button', { name: 'Japanese original' }).click();
    expect(await japaneseColumn()).toEqual([...japanese].reverse());

    await p.getByLabel('Filter').fill('暗黙知');
    expect(await englishColumn()).toEqual(['Tacit knowledge']);
    await p.getByLabel('Filter').fill('MUNICIPAL');
    expect(await englishColumn()).toHaveLength(2);
    await p.close();
  });
});

describe('the translation issues page', () => {
  test('counts each kind and names the note of each item', async () => {
    const p = await open('translation-issues/');
    const counts = await p.locator('.issue-counts li').allInnerTexts();
    expect(counts[0]).toBe('Damaged links: 2');
    expect(counts[1]).toBe("Missing titles that are almost a note's title: 1");
    expect(counts[2]).toBe('Footers that could not be read: 0');

    const damaged = p.locator('#damaged-links + table tbody tr');
    expect(await damaged.count()).toBe(2);
    expect(await damaged.nth(0).innerText()).toContain('知的生産術');
    expect(await damaged.allInnerTexts()).toEqual([
      expect.stringContaining('spaces at the start or end'),
      expect.stringContaining('a URL broken by a space'),
    ]);
    const near = p.locator('#near-titles ~ table').first().locator('tbody tr');
    expect(await near.innerText()).toContain('tacit knowledges');
    expect(await near.innerText()).toContain('Tacit knowledge');
    await p.close();
  });

  test('an almost-title only one note links has no page: the list leads to its mention in that note', async () => {
    const p = await open('translation-issues/');
    await p.locator('#near-titles ~ table').first().getByRole('link', { name: 'tacit knowledges' }).click();
    await p.waitForURL(/#mention:\d+$/);
    expect(await p.locator('h1').innerText()).toBe('知的生産術');
    const mention = p.locator(':target');
    expect(await mention.innerText()).toBe('tacit knowledges');
    expect(await mention.getAttribute('class')).toContain('wiki-link-single-mention');
    await p.close();
  });
});
