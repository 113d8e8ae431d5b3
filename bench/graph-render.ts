/**
 * The graph views at scale: how long /graph/ takes to draw the graph of all notes, how
 * smoothly it pans while dragged, and how long a note's local graph takes once scrolled to.
 * Serves a built site (default dist/) on localhost and drives Debian's headless Chromium
 * (WebGL through SwiftShader: no GPU on this machine, so a reader's browser does better).
 *
 *   npm run bench:graph [-- --site /tmp/graph-out/synth24k --runs 5 --note notes/<slug>/]
 *
 * Time to first render: from navigation start to the first animation frame after the graph
 * is drawn (fetching and parsing graph.json, building the graph, sigma's first frame).
 * Drag frame rate: animation frames per second while the mouse drags the view for 3 s.
 * Medians of the runs, each in a fresh browser context (graph.json is not cached).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { slugAt, type GraphData } from '../src/lib/graph/graph-data.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/serve-site.ts';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '5' },
    note: { type: 'string', multiple: true },
    missing: { type: 'boolean', default: false },
  },
});
const siteDir = resolve(args.site!);
if (!existsSync(join(siteDir, 'graph.json'))) throw new Error(`${siteDir}/graph.json does not exist: build the site first (npm run build)`);
const runs = Number(args.runs);

/** Marks in the page when the graph is drawn and counts frames, before any page script runs. */
const PROBE = () => {
  const probe = { firstRender: 0, frames: 0, counting: false, longest: 0, last: 0 };
  (window as unknown as { graphBench: typeof probe }).graphBench = probe;
  const tick = (now: number) => {
    if (probe.counting) {
      probe.frames++;
      if (probe.last) probe.longest = Math.max(probe.longest, now - probe.last);
      probe.last = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver(() => {
    const ready = document.querySelector('[data-graph-canvas][data-graph-state="ready"]');
    if (ready && !probe.firstRender) requestAnimationFrame(() => (probe.firstRender = performance.now()));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-graph-state'] });
};

interface Probe {
  firstRender: number;
  frames: number;
  counting: boolean;
  longest: number;
  last: number;
}
const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { graphBench: Probe }).graphBench);

async function globalGraphRun(browser: Browser, url: string): Promise<{ firstRender: number; fps: number; longestFrame: number; pages: number; links: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(`${url}graph/`);
  if (args.missing) {
    await page.locator('[data-graph-canvas][data-graph-state="ready"]').waitFor({ timeout: 120_000 });
    await page.evaluate(() => ((window as unknown as { graphBench: Probe }).graphBench.firstRender = 0));
    await page.getByRole('checkbox', { name: /missing-link pages/ }).check();
  }
  await page.waitForFunction(() => (window as unknown as { graphBench: Probe }).graphBench.firstRender > 0, undefined, { timeout: 120_000 });
  const { firstRender } = await probeOf(page);
  const counts = await page.locator('[data-graph-canvas]').evaluate((element) => {
    const view = (element as HTMLElement & { graphView: { pageCount: number; linkCount: number } }).graphView;
    return { pages: view.pageCount, links: view.linkCount };
  });

  const canvas = page.locator('[data-graph-canvas]');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.waitForTimeout(500);
  // A check, not a measure: hovering the note with the most links shows its title.
  const at = await canvas.evaluate(
    (element, slug) => (element as HTMLElement & { graphView: { nodePosition(slug: string): { x: number; y: number } | undefined } }).graphView.nodePosition(slug),
    hubSlug,
  );
  if (at) {
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForTimeout(200);
    if (!(await page.locator('[data-graph-tooltip]').isVisible())) console.warn(`hovering ${hubSlug} showed no title`);
  }
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.evaluate(() => Object.assign((window as unknown as { graphBench: Probe }).graphBench, { counting: true, frames: 0, longest: 0, last: 0 }));
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < 3000) {
    // A slow circle: the view keeps moving for the whole drag.
    const angle = step++ / 20;
    await page.mouse.move(box.x + box.width * (0.5 + 0.2 * Math.cos(angle)), box.y + box.height * (0.5 + 0.2 * Math.sin(angle)));
  }
  const probe = await page.evaluate(() => {
    const bench = (window as unknown as { graphBench: Probe }).graphBench;
    bench.counting = false;
    return { ...bench };
  });
  const seconds = (Date.now() - started) / 1000;
  await page.mouse.up();
  await context.close();
  return { firstRender, fps: probe.frames / seconds, longestFrame: probe.longest, ...counts };
}

async function localGraphRun(browser: Browser, url: string, path: string): Promise<{ ready: number; pages: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + path, { waitUntil: 'load' });
  const started = await page.evaluate(() => performance.now());
  await page.locator('#local-graph').scrollIntoViewIfNeeded();
  await page.locator('[data-graph-canvas][data-graph-state="ready"]').waitFor({ timeout: 120_000 });
  const ready = (await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - started;
  const pages = await page.locator('[data-graph-canvas]').evaluate((element) => (element as HTMLElement & { graphView: { pageCount: number } }).graphView.pageCount);
  await context.close();
  return { ready, pages };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const graphJson = readFileSync(join(siteDir, 'graph.json'));
const data = JSON.parse(graphJson.toString('utf8')) as GraphData;
const hub = data.links.reduce((best, targets, index) => (targets.length > data.links[best]!.length ? index : best), 0);
const hubSlug = slugAt(data, hub);
const linkCount = data.links.reduce((sum, targets) => sum + targets.length, 0);
console.log(`${siteDir}: ${data.noteCount} notes, ${data.titles.length - data.noteCount} missing titles, ${linkCount} links`);
console.log(`graph.json: ${(statSync(join(siteDir, 'graph.json')).size / 1e3).toFixed(1)} kB raw, ${(gzipSync(graphJson, { level: 9 }).length / 1e3).toFixed(1)} kB gzip -9`);

const site = await serveSite(siteDir);
const browser = await launchChromium();
try {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const result = await globalGraphRun(browser, site.url);
    console.log(
      `run ${run + 1}: first render ${result.firstRender.toFixed(0)} ms, drag ${result.fps.toFixed(1)} fps (longest frame ${result.longestFrame.toFixed(0)} ms), ${result.pages} pages, ${result.links} links drawn`,
    );
    results.push(result);
  }
  console.log(
    `/graph/${args.missing ? ' with missing-link pages' : ''}: median of ${runs} runs: first render ${median(results.map((r) => r.firstRender)).toFixed(0)} ms, ` +
      `drag ${median(results.map((r) => r.fps)).toFixed(1)} fps, longest frame ${median(results.map((r) => r.longestFrame)).toFixed(0)} ms`,
  );
  for (const note of args.note ?? []) {
    const local = [];
    for (let run = 0; run < runs; run++) local.push(await localGraphRun(browser, site.url, note));
    console.log(`local graph of ${note}: ${local[0]!.pages} pages, drawn ${median(local.map((r) => r.ready)).toFixed(0)} ms after scrolling to it (median of ${runs})`);
  }
} finally {
  await browser.close();
  await site.close();
}
