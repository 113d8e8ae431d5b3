/** Link previews: hover or keyboard focus shows the linked page's title and first lines. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/fixture-site.ts';

const site = useBuiltSite();
const NOTE = 'notes/municipal_purchasing_power/';

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  expect((await page.goto(site.url + path))?.status()).toBe(200);
  return page;
}

/** Where the page's text sits and how big the document is: what a layout shift would change. */
const layout = (p: Page) =>
  p.evaluate(() => {
    const article = document.querySelector('article')!.getBoundingClientRect();
    return { top: article.top, left: article.left, width: article.width, height: article.height, scrollHeight: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth };
  });

describe('link previews', () => {
  test('hovering a link to a note shows its title and first lines, without moving the page', async () => {
    const p = await open(NOTE);
    const popover = p.locator('#link-preview');
    expect(await popover.isVisible()).toBe(false);
    const before = await layout(p);
    const link = p.locator('.note-body').getByRole('link', { name: 'Business Model of Municipal System Orders' });
    await link.hover();
    await popover.waitFor({ state: 'visible' });
    expect(await popover.locator('.link-preview-title').innerText()).toBe('Business Model of Municipal System Orders');
    expect(await popover.locator('.link-preview-text').innerText()).toMatch(/^Kawaguchi's response is interesting\. The business model of the order taker/);
    expect(await layout(p)).toEqual(before);
    // The popover sits next to the link and inside the viewport.
    const [linkBox, popoverBox] = [await link.boundingBox(), await popover.boundingBox()];
    expect(popoverBox!.y).toBeGreaterThan(linkBox!.y + linkBox!.height - 1);
    expect(popoverBox!.x + popoverBox!.width).toBeLessThanOrEqual(1000);
    expect(await link.getAttribute('aria-describedby')).toBe('link-preview');
    // Moving away hides it.
    await p.mouse.move(5, 790);
    await popover.waitFor({ state: 'hidden' });
    expect(await link.getAttribute('aria-describedby')).toBeNull();
    await p.close();
  });

  test('a missing-link page says how many notes cite it', async () => {
    const p = await open(NOTE);
    await p.locator('.note-body').getByRole('link', { name: 'municipal system standardization' }).hover();
    const popover = p.locator('#link-preview');
    await popover.waitFor({ state: 'visible' });
    expect(await popover.getAttribute('class')).toContain('link-preview-missing');
    const text = await popover.locator('.link-preview-text').innerText();
    expect(text).toContain('No note has this title yet. Cited by 2 notes:');
    // The count is the one the missing page itself shows.
    const missing = await open('notes/municipal_system_standardization/');
    expect(await missing.locator('#backlinks-heading').innerText()).toBe('Linked from 2 notes');
    await missing.close();
    await p.close();
  });

  test('keyboard focus shows the preview, Escape hides it, Enter follows the link', async () => {
    const p = await open(NOTE);
    const popover = p.locator('#link-preview');
    const target = p.locator('.note-body a').first();
    await target.evaluate((link) => {
      // Focus the link before it by script, then Tab: a real keyboard focus (:focus-visible).
      const links = [...document.querySelectorAll('a')];
      links[links.indexOf(link as HTMLAnchorElement) - 1]!.focus();
    });
    await p.keyboard.press('Tab');
    expect(await target.evaluate((link) => link === document.activeElement)).toBe(true);
    await popover.waitFor({ state: 'visible' });
    expect(await popover.locator('.link-preview-title').innerText()).toBe(await target.innerText());
    expect(await target.getAttribute('aria-describedby')).toBe('link-preview');
    await p.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    await p.keyboard.press('Enter');
    await p.waitForURL(/business_model_of_municipal_system_orders\/$/);
    await p.close();
  });

  test('a tap on a touch screen shows no preview and follows the link', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const p = await context.newPage();
    await p.goto(site.url + NOTE);
    const link = p.locator('.note-body').getByRole('link', { name: 'Business Model of Municipal System Orders' });
    // First tap with the navigation held back, to see what the page does on its own.
    await p.evaluate(() => {
      (window as unknown as { holdBack: (event: Event) => void }).holdBack = (event) => event.preventDefault();
      document.addEventListener('click', (window as unknown as { holdBack: (event: Event) => void }).holdBack, true);
    });
    await link.tap();
    await p.waitForTimeout(1000);
    expect(await p.locator('#link-preview').isVisible()).toBe(false);
    await p.evaluate(() => document.removeEventListener('click', (window as unknown as { holdBack: (event: Event) => void }).holdBack, true));
    await link.tap();
    await p.waitForURL(/business_model_of_municipal_system_orders\/$/);
    await context.close();
  });
});
