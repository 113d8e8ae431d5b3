/** axe-core finds no violations on the pages a reader sees most, in both themes. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/fixture-site.ts';

const site = useBuiltSite();

const PAGES: [name: string, path: string, ready?: (page: Page) => Promise<void>][] = [
  ['home page', ''],
  ['note', 'notes/municipal_purchasing_power/'],
  ['note with headings and 2-hop links', 'notes/tacit_knowledge/'],
  ['missing-link page', 'notes/municipal_system_standardization/'],
  ['note with titles mentioned only here (no page, their own colour)', 'notes/business_model_of_municipal_system_orders/'],
  [
    'note with its local graph drawn',
    'notes/tacit_knowledge/',
    async (page) => {
      await page.locator('#local-graph').scrollIntoViewIfNeeded();
      await page.locator('[data-graph-canvas][data-graph-state="ready"]').waitFor();
    },
  ],
  [
    'graph of all notes after a search',
    'graph/',
    async (page) => {
      await page.locator('[data-graph-canvas][data-graph-state="ready"]').waitFor();
      await page.getByRole('searchbox', { name: 'Find a note' }).fill('municipal');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.locator('.graph-match-focused').waitFor();
    },
  ],
  ['search page with results', 'search/?q=municipal', (page) => page.locator('.search-results li').first().waitFor()],
  [
    'note with a link preview open',
    'notes/municipal_purchasing_power/',
    async (page) => {
      await page.locator('.note-body a').first().hover();
      await page.locator('#link-preview').waitFor({ state: 'visible' });
    },
  ],
];

/** One line per problem: rule, impact, and the elements it was found on. */
const describeViolations = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
  test.each(PAGES)('%s has no violations', async (_name, path, ready) => {
    const context = await site.browser.newContext({ colorScheme: theme, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    expect((await page.goto(site.url + path))?.status()).toBe(200);
    await ready?.(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme || getComputedStyle(document.documentElement).colorScheme)).toContain(theme === 'dark' ? 'dark' : 'light');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.passes.length).toBeGreaterThan(10); // axe really ran
    expect(describeViolations(results.violations)).toEqual([]);
    await context.close();
  });
});
