/**
 * The graph views: the local graph under a page (loaded when scrolled to) and the graph of
 * all notes at /graph/. The canvas has no DOM nodes to find, so the tests ask the view where
 * it drew a page (`graphView.nodePosition`) and point the mouse there, as a reader would.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/fixture-site.ts';
import type { GraphContainer, PageKind } from '../../src/scripts/graph-types.ts';
import type { GraphData } from '../../src/lib/graph/graph-data.ts';
import type { LabelBox } from '../../src/lib/graph-view/label-placement.ts';

const site = useBuiltSite();

/** Reduced motion: the local layout is finished before it is drawn, so nodes stay put. */
async function open(browser: Browser, path: string, options: { reducedMotion?: boolean; width?: number } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1000, height: 600 },
    reducedMotion: options.reducedMotion === false ? 'no-preference' : 'reduce',
  });
  const page = await context.newPage();
  expect((await page.goto(site.url + path))?.status()).toBe(200);
  return { page, context };
}

async function graphReady(page: Page): Promise<void> {
  await page.locator('[data-graph-canvas][data-graph-state="ready"]').waitFor({ timeout: 20_000 });
}

/** The page's node on screen, in page coordinates. */
async function nodeOnScreen(page: Page, slug: string): Promise<{ x: number; y: number }> {
  const canvas = page.locator('[data-graph-canvas]');
  await canvas.scrollIntoViewIfNeeded();
  const at = await canvas.evaluate((element, wanted) => (element as GraphContainer).graphView?.nodePosition(wanted), slug);
  expect(at, `${slug} is drawn`).toBeDefined();
  const box = (await canvas.boundingBox())!;
  return { x: box.x + at!.x, y: box.y + at!.y };
}

const nodeKind = (page: Page, slug: string) =>
  page.locator('[data-graph-canvas]').evaluate((element, wanted) => (element as GraphContainer).graphView?.nodeKind(wanted), slug) as Promise<PageKind | undefined>;
/**
 * The labels the view placed and drew, each checked against the pixels of sigma's label layer:
 * a box the view reports but did not paint would pass the overlap check for nothing.
 */
const drawnLabels = (page: Page) =>
  page.locator('[data-graph-canvas]').evaluate((element) => {
    const view = (element as GraphContainer).graphView!;
    const layer = element.querySelector<HTMLCanvasElement>('canvas.sigma-labels')!;
    const scale = layer.width / element.clientWidth;
    const context = layer.getContext('2d')!;
    return {
      frame: { width: element.clientWidth, height: element.clientHeight },
      boxes: view.labelBoxes().map((box) => {
        const pixels = context.getImageData(Math.floor(box.x * scale), Math.floor(box.y * scale), Math.max(1, Math.floor(box.width * scale)), Math.max(1, Math.floor(box.height * scale))).data;
        let painted = 0;
        for (let at = 3; at < pixels.length; at += 4) if (pixels[at]! > 0) painted++;
        return { ...box, painted };
      }),
    };
  }) as Promise<{ frame: { width: number; height: number }; boxes: (LabelBox & { painted: number })[] }>;

function expectApartAndInside({ frame, boxes }: Awaited<ReturnType<typeof drawnLabels>>): void {
  for (const [at, box] of boxes.entries()) {
    expect(box.painted, `${box.text} is drawn`).toBeGreaterThan(0);
    expect(box.x, `${box.text} inside the frame`).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${box.text} inside the frame`).toBeLessThanOrEqual(frame.width);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.height);
    for (const other of boxes.slice(at + 1)) {
      const apart = box.x + box.width <= other.x || other.x + other.width <= box.x || box.y + box.height <= other.y || other.y + other.height <= box.y;
      expect(apart, `${box.text} and ${other.text} do not overlap`).toBe(true);
    }
  }
}

const graphCounts = (page: Page) =>
  page.locator('[data-graph-canvas]').evaluate((element) => {
    const view = (element as GraphContainer).graphView!;
    return { pages: view.pageCount, links: view.linkCount, focused: view.focusedSlug };
  });

describe('the graph file', () => {
  test('lists notes first, then missing titles, with links as indices and a position for each page', async () => {
    const data = (await (await fetch(`${site.url}graph.json`)).json()) as GraphData;
    expect(data.noteCount).toBe(8);
    // One missing title has a page; the six that one note links each have none, and are not drawn.
    expect(data.titles.slice(data.noteCount)).toEqual(['municipal system standardization']);
    expect(data.titles).not.toContain('Waste of Taxpayer Money');
    expect(data.positions).toHaveLength(data.titles.length * 2);
    const tacit = data.titles.indexOf('Tacit knowledge');
    expect(data.links[tacit]!.map((index) => data.titles[index])).toEqual(['Municipal purchasing power']);
  });

  test('gives every page a community and names the large ones by their notes', async () => {
    const data = (await (await fetch(`${site.url}graph.json`)).json()) as GraphData;
    expect(data.communities).toHaveLength(data.titles.length);
    expect(data.communityLeaders.length).toBeGreaterThan(0);
    data.communityLeaders.forEach((leaders, community) => {
      expect(leaders.length).toBeGreaterThan(0);
      // A community's name is its own best-linked notes.
      for (const leader of leaders) expect(data.communities[leader]).toBe(community);
    });
    expect(data.modularity).toBeGreaterThan(0);
    expect(data.modularity).toBeLessThanOrEqual(1);
  });
});

describe('the local graph', () => {
  test('loads nothing until the reader scrolls to it, then draws the page and its neighbours', async () => {
    const { page, context } = await open(site.browser, 'notes/tacit_knowledge/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.endsWith('graph.json') || path.includes('graph-view'))).toEqual([]);
    // Until then the frame is empty: the depth control and canvas come with the graph.
    expect(await page.locator('[data-graph-frame]').count()).toBe(1);
    expect(await page.locator('[data-graph-canvas], [data-graph-depth]').count()).toBe(0);
    expect(await page.locator('[data-graph-summary]').isVisible()).toBe(false);

    await page.locator('#local-graph').scrollIntoViewIfNeeded();
    await graphReady(page);
    expect(requests.filter((path) => path.endsWith('/graph.json'))).toHaveLength(1);
    // Tacit knowledge → Municipal purchasing power → its six neighbours (depth 2).
    expect(await graphCounts(page)).toMatchObject({ pages: 8, focused: 'tacit_knowledge' });
    expect(await page.locator('[data-graph-summary]').innerText()).toBe(
      '8 pages and 10 links within 2 links of this page; the lists above name them.',
    );
    expect(await page.getByRole('img', { name: 'Graph of the pages around Tacit knowledge' }).count()).toBe(1);
    // The page itself stays where the layout gathers the others: near the middle.
    const box = (await page.locator('[data-graph-canvas]').boundingBox())!;
    const own = await nodeOnScreen(page, 'tacit_knowledge');
    expect(Math.abs(own.x - (box.x + box.width / 2))).toBeLessThan(box.width / 4);
    expect(Math.abs(own.y - (box.y + box.height / 2))).toBeLessThan(box.height / 4);
    await context.close();
  });

  test('draws missing-link pages as missing, and says so on hover', async () => {
    const { page, context } = await open(site.browser, 'notes/tacit_knowledge/');
    await page.locator('#local-graph').scrollIntoViewIfNeeded();
    await graphReady(page);
    expect(await nodeKind(page, 'municipal_system_standardization')).toBe('missing');
    expect(await nodeKind(page, 'municipal_purchasing_power')).toBe('note');
    const missing = await nodeOnScreen(page, 'municipal_system_standardization');
    await page.mouse.move(missing.x, missing.y);
    const tooltip = page.locator('[data-graph-tooltip]');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.innerText()).toBe('municipal system standardization (no note yet)');
    expect(await tooltip.getAttribute('class')).toContain('graph-tooltip-missing');
    await context.close();
  });

  test('hovering a node shows its title and clicking it opens the page', async () => {
    const { page, context } = await open(site.browser, 'notes/tacit_knowledge/');
    await page.locator('#local-graph').scrollIntoViewIfNeeded();
    await graphReady(page);
    const node = await nodeOnScreen(page, 'municipal_purchasing_power');
    await page.mouse.move(node.x, node.y);
    const tooltip = page.locator('[data-graph-tooltip]');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.innerText()).toBe('Municipal purchasing power');
    await page.mouse.move(node.x + 150, node.y + 150);
    await tooltip.waitFor({ state: 'hidden' });

    await page.mouse.click(node.x, node.y);
    await page.waitForURL(/\/notes\/municipal_purchasing_power\/$/);
    expect(await page.locator('h1').innerText()).toBe('Municipal purchasing power');
    await context.close();
  });

  test('animates the layout unless the reader asks for reduced motion', async () => {
    const positions = async (reducedMotion: boolean) => {
      const { page, context } = await open(site.browser, 'notes/tacit_knowledge/', { reducedMotion });
      await page.locator('#local-graph').scrollIntoViewIfNeeded();
      await graphReady(page);
      const first = await nodeOnScreen(page, 'municipal_purchasing_power');
      await page.waitForTimeout(300);
      const later = await nodeOnScreen(page, 'municipal_purchasing_power');
      await context.close();
      return Math.hypot(first.x - later.x, first.y - later.y);
    };
    expect(await positions(true)).toBe(0);
    expect(await positions(false)).toBeGreaterThan(0);
  });

  test.each([1000, 360])('at %i px wide, its labels neither overlap nor leave the frame, and the best-linked pages keep theirs', async (width) => {
    const { page, context } = await open(site.browser, 'notes/municipal_purchasing_power/', { width });
    await page.locator('#local-graph').scrollIntoViewIfNeeded();
    await graphReady(page);
    const labels = await drawnLabels(page);
    expectApartAndInside(labels);
    // The page itself is labelled first, whatever the width.
    expect(labels.boxes.map((box) => box.text)).toContain('Municipal purchasing power');
    if (width === 1000) expect(labels.boxes.length).toBeGreaterThanOrEqual(5);
    await context.close();
  });

  test('the keyboard steps through its pages from a list, and Enter opens one', async () => {
    const { page, context } = await open(site.browser, 'notes/tacit_knowledge/');
    await page.locator('#local-graph').scrollIntoViewIfNeeded();
    await graphReady(page);
    const list = page.getByRole('navigation', { name: 'Pages in this graph' });
    // The list names every page drawn, the page itself first: the canvas's text alternative.
    expect(await list.getByRole('link').count()).toBe((await graphCounts(page)).pages);
    expect(await list.getByRole('link').first().innerText()).toBe('Tacit knowledge');

    await page.getByRole('link', { name: 'Show in the graph of all notes' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tacit knowledge');
    await page.keyboard.press('ArrowDown');
    const stepped = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.slug);
    expect(stepped).toBe('municipal_purchasing_power');
    // The graph marks the page stepped to and shows its title.
    const tooltip = page.locator('[data-graph-tooltip]');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.innerText()).toBe('Municipal purchasing power');
    // Home and End go to the ends of the list.
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.slug)).toBe('municipal_purchasing_power');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/notes\/municipal_purchasing_power\/$/);
    await context.close();
  });

  test('depth 1 shows only the direct links', async () => {
    const { page, context } = await open(site.browser, 'notes/tacit_knowledge/');
    await page.locator('#local-graph').scrollIntoViewIfNeeded();
    await graphReady(page);
    await page.getByRole('combobox', { name: 'Depth' }).selectOption('1');
    await expect.poll(() => graphCounts(page)).toMatchObject({ pages: 2, links: 1 });
    await context.close();
  });
});

describe('the graph of all notes', () => {
  test('draws every note, and the missing-link pages on request', async () => {
    const { page, context } = await open(site.browser, 'graph/');
    await graphReady(page);
    expect(await graphCounts(page)).toMatchObject({ pages: 8, links: 12 });
    await page.getByRole('checkbox', { name: /missing-link pages/ }).check();
    // One missing title has a page: the others are linked by one note each, and have none.
    await expect.poll(() => graphCounts(page).then((counts) => counts.pages)).toBe(9);
    expect(await nodeKind(page, 'municipal_system_standardization')).toBe('missing');
    await context.close();
  });

  test('search highlights the best match, centres it, and its link opens it', async () => {
    const { page, context } = await open(site.browser, 'graph/');
    await graphReady(page);
    await page.getByRole('searchbox', { name: 'Find a note' }).fill('purchasing');
    await page.getByRole('button', { name: 'Find' }).click();
    const match = page.locator('.graph-match-focused');
    await match.waitFor();
    expect(await match.innerText()).toBe('Municipal purchasing power');
    expect((await graphCounts(page)).focused).toBe('municipal_purchasing_power');
    const node = await nodeOnScreen(page, 'municipal_purchasing_power');
    const box = (await page.locator('[data-graph-canvas]').boundingBox())!;
    expect(Math.abs(node.x - (box.x + box.width / 2))).toBeLessThan(2);
    expect(Math.abs(node.y - (box.y + box.height / 2))).toBeLessThan(2);

    // The other matches are offered as buttons that move the focus.
    await page.getByRole('searchbox', { name: 'Find a note' }).fill('municipal');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Business Model of Municipal System Orders' }).click();
    expect((await graphCounts(page)).focused).toBe('business_model_of_municipal_system_orders');

    await match.click();
    await page.waitForURL(/\/notes\/business_model_of_municipal_system_orders\/$/);
    await context.close();
  });

  test('hovering a node shows its title and clicking it opens the note', async () => {
    const { page, context } = await open(site.browser, 'graph/');
    await graphReady(page);
    const node = await nodeOnScreen(page, 'start/expand/connect');
    await page.mouse.move(node.x, node.y);
    await page.locator('[data-graph-tooltip]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-graph-tooltip]').innerText()).toBe('Start/expand/connect');
    await page.mouse.click(node.x, node.y);
    await page.waitForURL(/\/notes\/start\/expand\/connect\/$/);
    await context.close();
  });

  test('colours notes by community and writes the communities\' names at the overview zoom, apart from each other', async () => {
    const { page, context } = await open(site.browser, 'graph/');
    await graphReady(page);
    const data = (await (await fetch(`${site.url}graph.json`)).json()) as GraphData;
    const labels = await drawnLabels(page);
    expectApartAndInside(labels);
    const names = labels.boxes.filter((box) => box.id.startsWith('community:'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const leaders = data.communityLeaders[Number(name.id.slice('community:'.length))]!.map((index) => data.titles[index]!);
      // Long titles are cut with an ellipsis.
      const named = (part: string) => (part.endsWith('…') ? leaders.some((title) => title.startsWith(part.slice(0, -1))) : leaders.includes(part));
      expect(name.text!.split(' · ').every(named), `${name.text} is made of ${leaders.join(', ')}`).toBe(true);
    }
    await context.close();
  });

  test('the keyboard steps through the communities\' notes, centring each, and Enter opens one', async () => {
    const { page, context } = await open(site.browser, 'graph/');
    await graphReady(page);
    const groups = page.getByRole('region', { name: 'Groups of closely linked notes' });
    await groups.getByRole('link').first().waitFor();
    await page.getByRole('checkbox', { name: /missing-link pages/ }).focus();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.slug);
    expect(first).toBe(await groups.getByRole('link').first().getAttribute('data-slug'));
    await expect.poll(() => graphCounts(page).then((counts) => counts.focused)).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.slug);
    expect(second).not.toBe(first);
    await expect.poll(() => graphCounts(page).then((counts) => counts.focused)).toBe(second);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/notes/${second}/$`));
    await context.close();
  });

  test('the local graph link focuses the page on the graph of all notes', async () => {
    const { page, context } = await open(site.browser, 'notes/tacit_knowledge/');
    await page.getByRole('link', { name: 'Show in the graph of all notes' }).click();
    await page.waitForURL(/\/graph\/#note=tacit_knowledge$/);
    await graphReady(page);
    expect((await graphCounts(page)).focused).toBe('tacit_knowledge');
    await context.close();
  });
});
