/** Moving sideways: 2-hop links below the backlinks, and the outline of a note with headings. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/fixture-site.ts';

const site = useBuiltSite();

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  expect((await page.goto(site.url + path))?.status()).toBe(200);
  return page;
}

describe('2-hop links', () => {
  test('group the notes that link to the same page, under that page, without the direct links', async () => {
    const p = await open('notes/tacit_knowledge/');
    const section = p.locator('#two-hop-links');
    const groups = section.locator('.two-hop-group');
    expect(await groups.count()).toBe(1);
    expect(await groups.first().locator('h3 a').innerText()).toBe('Municipal purchasing power');
    expect(await groups.first().locator('li').allInnerTexts()).toEqual([
      'Also available in black.',
      'Business Model of Municipal System Orders',
      'Start/expand/connect',
      '知的生産術',
    ]);
    await groups.first().getByRole('link', { name: 'Start/expand/connect' }).click();
    expect(await p.locator('h1').innerText()).toBe('Start/expand/connect');
    await p.close();
  });

  test('leave out the notes a page already links to or is linked from', async () => {
    const p = await open('notes/business_model_of_municipal_system_orders/');
    const listed = await p.locator('#two-hop-links li').allInnerTexts();
    // The seed links to "Municipal purchasing power", which links back: it is a direct link.
    expect(listed).not.toContain('Municipal purchasing power');
    expect(listed).toContain('Tacit knowledge');
    await p.close();
  });
});

describe('the outline', () => {
  test('lists the headings of a note with two or more and jumps to them', async () => {
    const p = await open('notes/tacit_knowledge/');
    const outline = p.getByRole('navigation', { name: 'On this page' });
    expect(await outline.getByRole('link').allInnerTexts()).toEqual(['Where it comes from', 'How it spreads']);
    await outline.getByRole('link', { name: 'How it spreads' }).click();
    await p.waitForURL(/#how-it-spreads$/);
    await p.close();
  });

  test('is not shown on a note with fewer than two headings', async () => {
    const p = await open('notes/municipal_purchasing_power/');
    expect(await p.getByRole('navigation', { name: 'On this page' }).count()).toBe(0);
    await p.close();
  });
});
