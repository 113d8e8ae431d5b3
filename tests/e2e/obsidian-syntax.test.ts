/**
 * Obsidian's callouts, math, highlights, comments and block references in a browser, in both
 * themes, with axe-core: built from `tests/fixtures/obsidian`. Screenshots go to test-results/.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { useBuiltSite } from '../support/fixture-site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
const site = useBuiltSite(join(PROJECT_ROOT, 'tests/fixtures/obsidian'));

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  test('callouts, math and a highlight render, and axe finds nothing', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const context = await site.browser.newContext({ colorScheme: theme, viewport: { width: 1000, height: 1400 } });
    const page = await context.newPage();
    await page.goto(new URL('notes/obsidian_extras/', site.url).href);
    const body = page.locator('.note-body');

    const warning = body.locator('.callout-warning');
    expect(await warning.locator('.callout-title').innerText()).toContain('Mind the gap');
    expect(await warning.evaluate((element) => getComputedStyle(element).borderLeftStyle)).toBe('solid');
    // Folded: the answer is hidden until the title is clicked; `+` starts open.
    const folded = body.locator('details.callout-question');
    expect(await folded.getByText('The answer').isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await folded.getByText('The answer').isVisible()).toBe(true);
    expect(await body.locator('details.callout-tip .callout-example').getByText('An example inside a tip.').isVisible()).toBe(true);

    // Math: KaTeX's HTML drawn with its own fonts, MathML for assistive technology.
    // Two inline formulas and one display (whose box holds a `.katex` of its own).
    expect(await body.locator('.katex').count()).toBe(3);
    expect(await body.locator('.katex-display').count()).toBe(1);
    expect(await body.locator('math annotation').first().textContent()).toBe('x_j = \\sum_k a_{jk} y_k');
    await page.evaluate(() => document.fonts.ready);
    expect(await body.locator('.katex').first().evaluate((element) => getComputedStyle(element).fontFamily)).toContain('KaTeX_Main');
    expect(await page.evaluate(() => document.fonts.check('1em KaTeX_Main'))).toBe(true);
    expect(await body.innerText()).toContain('costs $275 a month');
    expect(await body.locator('.katex-error').innerText()).toBe('\\frac{1');

    const mark = body.locator('mark');
    expect(await mark.innerText()).toBe('highlighted phrase');
    expect(await mark.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await body.innerText()).not.toContain('hidden remark');
    expect(await body.innerText()).not.toContain('^quotable');

    await page.screenshot({ path: join(SCREENSHOTS, `obsidian-extras-${theme}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
});

describe('Mermaid diagrams', () => {
  test.each(['light', 'dark'] as const)('are drawn in the %s theme, Mermaid loaded from the site under its CSP; a bad one keeps its source', async (theme) => {
    const context = await site.browser.newContext({ colorScheme: theme, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).host === new URL(site.url).host ? 'self' : request.url()));
    await page.goto(new URL('notes/diagram/', site.url).href);
    const drawn = page.locator('.note-body figure.mermaid-diagram svg');
    await drawn.waitFor();
    expect(await drawn.locator('text=Write a note').count()).toBe(1);
    const bad = page.locator('.note-body pre.mermaid.mermaid-error');
    await bad.waitFor();
    expect(await bad.innerText()).toContain('A -->');
    expect(requested.filter((url) => url !== 'self')).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `mermaid-${theme}.png`) });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });

  test('without script the source is shown', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('notes/diagram/', site.url).href);
    expect(await page.locator('.note-body pre.mermaid').first().innerText()).toContain('Write[Write a note] --> Link[Link it]');
    await context.close();
  });
});

describe('block references and the KaTeX stylesheet', () => {
  test('a page without math loads no KaTeX; a block link and a block embed reach the block', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(new URL('notes/plain_note/', site.url).href);
    expect(await page.locator('link[href*="katex"]').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => url.includes('katex') || url.includes('mermaid'))).toEqual([]);

    const embed = page.locator('.note-embed');
    expect(await embed.locator('.note-embed-body').innerText()).toBe('A quotable block of its own.');
    await page.screenshot({ path: join(SCREENSHOTS, 'obsidian-block-embed.png') });

    await page.locator('.note-body > p a.wiki-link').first().click();
    await page.waitForURL(/\/notes\/obsidian_extras\/#\^quotable$/);
    expect(await page.locator(':target').innerText()).toBe('A quotable block of its own.');
    expect(await page.locator('link[rel="stylesheet"][href$="katex/katex.min.css"]').count()).toBe(1);
    await page.close();
  });
});
