/**
 * Embeds as a reader sees them (`tests/fixtures/embeds`): a note shown inside another,
 * framed and captioned with a link to it; local images loaded from the site at their size,
 * lazily, within the page's Content-Security-Policy; a visible placeholder, never a broken
 * image, for a file that is not there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { useBuiltSite } from '../support/fixture-site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
const site = useBuiltSite(join(PROJECT_ROOT, 'tests/fixtures/embeds'));

describe('embeds', () => {
  test('show an embedded note, captioned with a link that opens it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(new URL('notes/embedding_note/', site.url).href);
    const embed = page.getByRole('figure').first();
    await expect.poll(() => embed.isVisible()).toBe(true);
    expect(await embed.locator('figcaption').innerText()).toBe('Embedded from Embedded note');
    expect(await embed.innerText()).toContain("The embedded note's first paragraph");
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'embeds-note.png'), fullPage: true });
    await embed.getByRole('link', { name: 'Embedded note' }).click();
    await page.waitForURL(/\/notes\/embedded_note\/$/);
    expect(await page.locator('h1').innerText()).toBe('Embedded note');
    expect(violations).toEqual([]);
    await page.close();
  });

  test('show a local image at its size from the site, lazily, and a placeholder for a missing one', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(new URL('notes/embedding_note/', site.url).href);
    const chart = page.getByRole('img', { name: 'A wide chart' });
    // Fetched when the reader comes near it (the page is too short to see Chromium wait).
    expect(await chart.evaluate((img: HTMLImageElement) => [img.loading, img.decoding])).toEqual(['lazy', 'async']);
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // Shown at its size: 800 × 200 fits the text column, so it is scaled down, its ratio kept.
    const box = (await chart.boundingBox())!;
    const column = await page.locator('.note-body').evaluate((element) => element.getBoundingClientRect().width);
    expect(box.width).toBeCloseTo(Math.min(800, column), 0);
    expect(box.height).toBeCloseTo(box.width / 4, 0);
    // A small image at exactly its size, served by the site as WebP.
    const small = page.locator('img.embed-image').nth(1);
    await small.scrollIntoViewIfNeeded();
    await expect.poll(() => small.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await small.evaluate((img: HTMLImageElement) => [img.getBoundingClientRect().width, img.getBoundingClientRect().height])).toEqual([100, 50]);
    const response = await page.request.get(new URL((await small.getAttribute('src'))!, site.url).href);
    expect(response.headers()['content-type']).toBe('image/webp');
    // No image on the page is broken; the missing ones are placeholders that say which file.
    for (const img of await page.locator('.note-body img').all()) await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('.note-body img').evaluateAll((images: HTMLImageElement[]) => images.filter((img) => !img.complete || img.naturalWidth === 0).length))
      .toBe(0);
    const missing = page.getByText('Image or file not available: missing.png');
    expect(await missing.isVisible()).toBe(true);
    await missing.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'embeds-images.png') });
    await page.close();
  });
});
