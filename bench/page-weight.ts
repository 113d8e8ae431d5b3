/**
 * Page weight: what a page transfers before the reader does anything, and what the first
 * search and the first link preview add. Serves a built site (default dist/) on localhost
 * and loads pages in Debian's Chromium, counting every response by kind.
 *
 *   npm run bench:weight [-- --site dist --page notes/<slug>/ --page ...]
 *
 * Bytes are the response bodies as served (sirv, no compression) and, beside them, gzip -9
 * of the same bodies: what a host that compresses (GitHub Pages does) would send.
 */
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page, Response } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/serve-site.ts';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    page: { type: 'string', multiple: true },
  },
});
const siteDir = resolve(args.site!);
if (!existsSync(siteDir)) throw new Error(`${siteDir} does not exist: build the site first (npm run build)`);

type Kind = 'html' | 'css' | 'js' | 'wasm' | 'search index' | 'other';
interface Tally {
  count: number;
  bytes: number;
  gzip: number;
}

function kindOf(response: Response): Kind {
  const url = new URL(response.url());
  const type = response.headers()['content-type'] ?? '';
  if (url.pathname.includes('/pagefind/') && !/\.(js|css)$/.test(url.pathname)) return url.pathname.endsWith('.wasm') || url.pathname.includes('wasm') ? 'wasm' : 'search index';
  if (type.includes('html')) return 'html';
  if (type.includes('css')) return 'css';
  if (type.includes('javascript')) return 'js';
  return 'other';
}

/**
 * Counts responses from now until `stop()`. Bytes come from Chromium's network events, so a
 * response the page stops reading early (a link preview reads only up to </head>) counts
 * what was actually received; gzip is estimated from whole bodies, and counts a cut-off
 * body as received.
 */
async function record(page: Page): Promise<{ stop(): Promise<Map<Kind, Tally>> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const received = new Map<string, number>();
  const onData = (event: { requestId: string; dataLength: number }) =>
    received.set(event.requestId, (received.get(event.requestId) ?? 0) + event.dataLength);
  cdp.on('Network.dataReceived', onData);
  const responses: Response[] = [];
  const requestIds = new Map<string, string>();
  const onResponseReceived = (event: { requestId: string; response: { url: string } }) => requestIds.set(event.response.url, event.requestId);
  cdp.on('Network.responseReceived', onResponseReceived);
  const onResponse = (response: Response) => responses.push(response);
  page.on('response', onResponse);
  return {
    async stop() {
      page.off('response', onResponse);
      await new Promise((resolve) => setTimeout(resolve, 200)); // last data events
      cdp.off('Network.dataReceived', onData);
      cdp.off('Network.responseReceived', onResponseReceived);
      const tallies = new Map<Kind, Tally>();
      for (const response of responses) {
        const id = requestIds.get(response.url());
        const bytes = (id && received.get(id)) || 0;
        const body = await response.body().catch(() => undefined);
        const tally = tallies.get(kindOf(response)) ?? { count: 0, bytes: 0, gzip: 0 };
        tally.count++;
        tally.bytes += body?.length ?? bytes;
        tally.gzip += body ? gzipSync(body, { level: 9 }).length : bytes;
        tallies.set(kindOf(response), tally);
      }
      await cdp.detach();
      return tallies;
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
function row(label: string, tallies: Map<Kind, Tally>): string {
  const cell = (kind: Kind) => {
    const tally = tallies.get(kind);
    return tally ? `${kb(tally.bytes)} (${kb(tally.gzip)} gz, ${tally.count})` : '–';
  };
  const total = [...tallies.values()].reduce((sum, tally) => sum + tally.bytes, 0);
  const totalGzip = [...tallies.values()].reduce((sum, tally) => sum + tally.gzip, 0);
  return `| ${label} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${cell('wasm')} | ${cell('search index')} | ${kb(total)} (${kb(totalGzip)} gz) |`;
}

const site = await serveSite(siteDir);
const browser = await launchChromium();
try {
  const paths = args.page ?? [''];
  console.log('| page, moment | HTML | CSS | JS | WASM | search index | total |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const path of paths) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    let recorder = await record(page);
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    console.log(row(`/${path}, loaded, before any interaction`, await recorder.stop()));

    recorder = await record(page);
    const link = page.locator('main .note-body a.wiki-link, main a.backlink-title').first();
    if ((await link.count()) > 0) {
      await link.hover();
      await page.locator('#link-preview').waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      console.log(row(`/${path}, first link preview`, await recorder.stop()));
      await page.mouse.move(0, 0);
    }

    recorder = await record(page);
    await page.locator('#site-search-input').fill('the');
    await page.locator('#site-search-results [role="option"]').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    console.log(row(`/${path}, first search ("the")`, await recorder.stop()));
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
