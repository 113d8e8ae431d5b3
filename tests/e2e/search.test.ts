/**
 * A reader searching the fixture site: the header search box (a combobox over Pagefind) and
 * the search page, in English and in Japanese, on a wide and on a phone-sized screen.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageForIndex } from '../../src/lib/search/index-html.ts';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type ServedSite } from '../support/serve-site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
const THIN_SPACE = '\u2009';

let browser: Browser;
let site: ServedSite;
let outDir: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The index in bundles of a few pages each, as a large wiki's is (8,000 pages each): every
  // search below is answered by bundles merged in the browser.
  ({ outDir } = await buildSite({ contentDir: join(PROJECT_ROOT, 'tests/fixtures/site'), env: { SEARCH_BUNDLE_PAGES: '2' } }));
  const bundles = JSON.parse(readFileSync(join(outDir, 'pagefind', 'bundles.json'), 'utf8')) as { merge: string[] };
  expect(bundles.merge.length).toBeGreaterThanOrEqual(3);
  site = await serveSite(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openPage(path: string, viewport = { width: 1000, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(new URL(path, site.url).href);
  return page;
}

const heading = (p: Page) => p.locator('h1').innerText();
const searchBox = (p: Page) => p.locator('#site-search-input');
const popup = (p: Page) => p.locator('.search-popup');
const options = (p: Page) => popup(p).locator('[role="option"]');
const hitTitles = (scope: Locator) => scope.locator('a.search-hit .search-hit-title').allInnerTexts();

/** Types into the header box and waits until the popup shows the answer for the whole query. */
async function searchFor(p: Page, query: string): Promise<void> {
  await searchBox(p).click();
  await searchBox(p).pressSequentially(query);
  // Every keystroke searches again: wait until the popup is open, has a status and has not
  // changed for a while, so what the tests read is the answer to the last keystroke.
  const snapshot = () =>
    p.evaluate(() => {
      const open = document.querySelector<HTMLElement>('.site-search .search-popup');
      return open && !open.hidden && open.querySelector('.search-status')?.textContent ? open.innerHTML : '';
    });
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await snapshot();
        const settled = now !== '' && now === previous;
        previous = now;
        return settled;
      },
      { interval: 300, timeout: 15_000 },
    )
    .toBe(true);
  expect(await searchBox(p).inputValue()).toBe(query);
}

describe('the search box in the header', () => {
  test('an English title comes first and Enter opens it', async () => {
    const p = await openPage('notes/tacit_knowledge/');
    const fullText: string[] = [];
    p.on('request', (request) => {
      if (new URL(request.url()).pathname.includes('/pagefind/')) fullText.push(request.url());
    });
    await searchFor(p, 'Municipal purchasing power');
    const titles = await hitTitles(popup(p));
    expect(titles[0]).toBe('Municipal purchasing power');
    await p.screenshot({ path: join(SCREENSHOTS, 'search-popup.png') });
    // A query that titles hold is answered from the title pieces: the full-text index (1.5 MB
    // at 24,000 notes) is not loaded, and the last row offers it.
    expect(fullText).toEqual([]);
    const last = options(p).last().locator('a');
    expect(await last.innerText()).toBe('Search the full text for “Municipal purchasing power”');
    expect(await last.getAttribute('href')).toBe('/search/?q=Municipal%20purchasing%20power');

    await searchBox(p).press('Enter');
    await p.waitForURL(/\/notes\/municipal_purchasing_power\/$/);
    expect(await heading(p)).toBe('Municipal purchasing power');
    await p.close();
  });

  test('a title typed with two letters swapped still comes first, and Enter opens its page', async () => {
    const p = await openPage('');
    await searchFor(p, 'Municipal purhcasing power');
    expect((await hitTitles(popup(p)))[0]).toBe('Municipal purchasing power');
    await searchBox(p).press('Enter');
    await p.waitForURL(/\/notes\/municipal_purchasing_power\/$/);
    expect(await heading(p)).toBe('Municipal purchasing power');
    await p.close();
  });

  test('a body word misspelt finds the note that holds it spelt right, and says what it searched', async () => {
    const p = await openPage('search/?q=knowlegde');
    await expect.poll(() => hitTitles(p.locator('.search-results')), { timeout: 15_000 }).toContain('Tacit knowledge');
    // The title may show first (a typo of its word); the status follows the full-text retry.
    await expect.poll(() => p.locator('.search-page .search-status').innerText()).toContain('“knowledge”');
    await p.close();
  });

  test('a misspelt body word that Pagefind answers with look-alike words is searched as the word the index holds', async () => {
    // Pagefind answers "administartive" with pages holding words that merely look alike; one
    // note holds "administrative". Before, the search kept Pagefind's answer and said nothing.
    const p = await openPage('search/?q=administartive');
    await expect.poll(() => p.locator('.search-page .search-status').innerText(), { timeout: 15_000 }).toContain('“administrative”');
    // (The test site is split into bundles of 2 pages: bundles without the word still answer with look-alikes.)
    expect(await hitTitles(p.locator('.search-results'))).toContain('Business Model of Municipal System Orders');
    await p.close();
  });

  test('a phrase from a body finds its note; ArrowDown then Enter opens it', async () => {
    const p = await openPage('');
    await searchFor(p, 'hard to put into words');
    expect(await hitTitles(popup(p))).toEqual(['Tacit knowledge']);
    expect(await options(p).first().locator('.search-hit-excerpt mark').allInnerTexts()).toEqual(
      expect.arrayContaining(['hard', 'put', 'into']),
    );

    await searchBox(p).press('ArrowDown');
    const first = options(p).first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await searchBox(p).getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));

    await searchBox(p).press('Enter');
    await p.waitForURL(/\/notes\/tacit_knowledge\/$/);
    expect(await heading(p)).toBe('Tacit knowledge');
    await p.close();
  });

  test('the Japanese original title from a footer finds the translated note, with a readable excerpt', async () => {
    const p = await openPage('');
    await searchFor(p, '自治体の購買力');
    expect((await hitTitles(popup(p)))[0]).toBe('Municipal purchasing power');
    expect(await options(p).first().locator('.search-hit-original').innerText()).toBe('自治体の購買力');
    // The full text, with the excerpt, is one click away: the box's last row.
    await options(p).last().locator('a').click();
    await p.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => hitTitles(p.locator('.search-results')), { timeout: 15_000 }).toContain('Municipal purchasing power');
    expect((await hitTitles(p.locator('.search-results')))[0]).toBe('Municipal purchasing power');
    const excerpt = p.locator('.search-results li').first().locator('.search-hit-excerpt');
    const text = await excerpt.innerText();
    expect(text).not.toContain(THIN_SPACE);
    // The reader should see the title as written, not the word breaks made for the index
    // (as plain spaces), and the whole title marked, not just its first word.
    expect.soft(text).toContain('自治体の購買力');
    expect.soft((await excerpt.locator('mark').allInnerTexts()).join('')).toBe('自治体の購買力');
    await p.close();
  });

  test('a Japanese word in the middle of a sentence finds its note', async () => {
    const p = await openPage('');
    await searchFor(p, '暗黙知');
    expect(await hitTitles(popup(p))).toEqual(['Tacit knowledge']);
    expect(await options(p).first().innerText()).not.toContain(THIN_SPACE);
    await p.close();
  });

  test.each([['/'], ['Control+K']])('pressing %s on the page focuses the box', async (key) => {
    const p = await openPage('notes/tacit_knowledge/');
    // Click plain text, so the focus is on the page and not in a field.
    await p.locator('.note-body p').first().click();
    expect(await p.evaluate(() => document.activeElement?.id ?? '')).not.toBe('site-search-input');
    await p.keyboard.press(key);
    expect(await p.evaluate(() => document.activeElement?.id ?? '')).toBe('site-search-input');
    // The key only moves the focus; it is not typed into the box.
    expect(await searchBox(p).inputValue()).toBe('');
    await p.close();
  });

  test('a hit found inside a section links to its heading and lands there', async () => {
    // Low enough that the heading is below the fold unless the browser goes to the anchor.
    const p = await openPage('', { width: 1000, height: 400 });
    await searchFor(p, 'Polanyi');
    expect(await hitTitles(popup(p))).toEqual(['Tacit knowledge']);
    const hit = options(p).first().locator('a.search-hit');
    expect(await hit.getAttribute('href')).toBe('/notes/tacit_knowledge/#where-it-comes-from');
    expect(await hit.locator('.search-hit-section').innerText()).toContain('Where it comes from');

    await hit.click();
    await p.waitForURL(/\/notes\/tacit_knowledge\/#where-it-comes-from$/);
    expect(await heading(p)).toBe('Tacit knowledge');
    const target = p.locator('#where-it-comes-from');
    expect(await target.innerText()).toBe('Where it comes from');
    await expect.poll(() => target.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(100);
    expect(await target.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(-1);
    await p.close();
  });

  test.each([
    ['the footer sentence', 'auto-translated'],
    ['the footer\u2019s engine', 'DeepL'],
    ['the notice on missing-link pages', 'There is no note with this title yet'],
  ])('does not match %s ("%s"), which is kept out of the index', async (_why, query) => {
    const p = await openPage('');
    await searchFor(p, query);
    // No hit is there because of the boilerplate: no excerpt holds it. (Pagefind may still
    // answer an unknown word with pages holding its longest known prefix, e.g. "a" for
    // "auto-translated": that is its documented fallback, not our footer.)
    const excerpts = await popup(p).locator('.search-hit-excerpt').allInnerTexts();
    expect(excerpts.filter((excerpt) => excerpt.toLowerCase().includes(query.toLowerCase()))).toEqual([]);
    // It stands on every translated note and every missing-link page; the answers are not all of them.
    const titles = await hitTitles(popup(p));
    expect(titles).not.toEqual(expect.arrayContaining(['Business Model of Municipal System Orders', 'Municipal purchasing power', 'Tacit knowledge']));
    expect(titles).not.toEqual(expect.arrayContaining(['municipal system standardization', 'a title nobody wrote yet']));
    await p.close();
  });

  test('at 360px wide the box works and the page does not scroll sideways with the popup open', async () => {
    const p = await openPage('notes/tacit_knowledge/', { width: 360, height: 740 });
    const box = await searchBox(p).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    await searchFor(p, 'municipal');
    expect(await popup(p).isVisible()).toBe(true);
    expect((await hitTitles(popup(p))).length).toBeGreaterThan(0);
    const popupBox = await popup(p).boundingBox();
    expect(popupBox!.x).toBeGreaterThanOrEqual(0);
    expect(popupBox!.x + popupBox!.width).toBeLessThanOrEqual(360);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await p.screenshot({ path: join(SCREENSHOTS, 'search-popup-360.png') });

    await searchBox(p).press('Enter');
    await p.waitForURL(/\/notes\/[^/]+\/$/);
    expect(await heading(p)).toMatch(/municipal/i);
    await p.close();
  });
});

describe('the search page', () => {
  const results = (p: Page) => p.locator('ol.search-results');
  const checkedKind = (p: Page) => p.locator('input[name="kind"]:checked').getAttribute('value');
  const kindInUrl = (p: Page) => new URL(p.url()).searchParams.get('kind');

  test('?kind=Missing-link pages shows only titles without a note, and the filter changes the URL', async () => {
    const p = await openPage('search/?q=municipal&kind=Missing-link%20pages');
    await expect.poll(() => p.locator('.search-page .search-status').innerText()).toMatch(/(page matches|pages match) “municipal”/);
    expect(await hitTitles(results(p))).toEqual(['municipal system standardization']);
    expect(await results(p).locator('.search-hit-badge').allInnerTexts()).toEqual(['no note yet']);
    expect(await checkedKind(p)).toBe('Missing-link pages');
    expect(await p.locator('#search-page-input').inputValue()).toBe('municipal');
    await p.screenshot({ path: join(SCREENSHOTS, 'search-page.png'), fullPage: true });

    await p.getByRole('radio', { name: 'Notes' }).check();
    await expect.poll(() => kindInUrl(p)).toBe('Notes');
    expect(new URL(p.url()).searchParams.get('q')).toBe('municipal');
    await expect.poll(() => hitTitles(results(p))).toContain('Municipal purchasing power');
    expect(await hitTitles(results(p))).not.toContain('municipal system standardization');
    expect(await results(p).locator('.search-hit-badge').count()).toBe(0);

    await p.getByRole('radio', { name: 'All pages' }).check();
    await expect.poll(() => kindInUrl(p)).toBeNull();
    await expect.poll(() => hitTitles(results(p))).toContain('municipal system standardization');
    expect(await hitTitles(results(p))).toContain('Municipal purchasing power');
    await p.close();
  });
});

describe('titles without a note', () => {
  const results = (p: Page) => p.locator('ol.search-results');

  test('are found by any of their words, after the notes whose text holds them, marked "no note yet"', async () => {
    const p = await openPage('search/?q=standardization');
    await expect.poll(() => p.locator('.search-page .search-status').innerText()).toMatch(/(page matches|pages match) “standardization”/);
    const titles = await hitTitles(results(p));
    const badges = await results(p).locator('a.search-hit').evaluateAll((hits) => hits.map((hit) => hit.querySelector('.search-hit-badge')?.textContent ?? ''));
    const missing = titles.indexOf('municipal system standardization');
    expect(missing).toBeGreaterThan(0);
    expect(badges[missing]).toBe('no note yet');
    // The notes that mention it come first: they are the full-text hits.
    expect(badges.slice(0, missing).every((badge) => badge === '')).toBe(true);
    expect(titles.slice(0, missing)).toContain('Municipal purchasing power');
    await p.close();
  });

  test('that one note only links lead to their mention in that note: no page of their own', async () => {
    const p = await openPage('');
    await searchFor(p, 'Waste of Taxpayer');
    const hit = popup(p).locator('a.search-hit').filter({ has: p.locator('.search-hit-title', { hasText: /^Waste of Taxpayer Money$/ }) });
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.getAttribute('href')).toBe('/notes/business_model_of_municipal_system_orders/#mention:1');
    await hit.click();
    await p.waitForURL(/#mention:1$/);
    expect(await heading(p)).toBe('Business Model of Municipal System Orders');
    expect(await p.locator(':target').innerText()).toBe('Waste of Taxpayer Money');
    await p.close();
  });

  test('have pages that are left out of the full-text index, which holds every note', () => {
    const page = (slug: string) => readFileSync(join(outDir, 'notes', slug, 'index.html'), 'utf8');
    expect(page('municipal_system_standardization')).toContain('page-missing');
    expect(pageForIndex(page('municipal_system_standardization'))).toBeUndefined();
    expect(pageForIndex(page('municipal_purchasing_power'))).toContain('Municipal purchasing power');
  });
});

describe('a title finds its page, whatever characters it holds', () => {
  /** Titles that full-text search alone did not put first, and notes that say their words more often. */
  const TITLES = ['Weekly note 2024-02-19~25', 'Scrapbox+GPT4', '2024', "It's a rule... → Let's resist.", 'Q&A: "why?" / 100%'];
  let titled: ServedSite;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = mkdtempSync(join(tmpdir(), 'wiki-titles-'));
    TITLES.forEach((title, i) => writeFileSync(join(contentDir, `title ${i}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\nA short note.\n`));
    const chatter = TITLES.map((title) => `${title} ${title} ${title}.`).join('\n\n');
    writeFileSync(join(contentDir, 'Chatter.md'), `---\ntitle: Chatter\n---\n${chatter}\n\nScrapbox GPT4 2024 weekly note rule resist.\n`);
    writeFileSync(join(contentDir, 'Scrapbox.md'), `---\ntitle: Scrapbox\n---\nA wiki. See [[Scrapbox notation]].\n`);
    const { outDir } = await buildSite({ contentDir });
    titled = await serveSite(outDir);
  });

  afterAll(async () => {
    await titled?.close();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  test.each(TITLES)('typing %s offers its page first, and Enter opens it', async (title) => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await p.goto(titled.url);
    await searchFor(p, title);
    expect((await hitTitles(popup(p)))[0]).toBe(title);
    await searchBox(p).press('Enter');
    await p.waitForURL((url) => url.pathname.startsWith('/notes/'));
    expect(await heading(p)).toBe(title);
    await p.close();
  });

  test('titles that start with what is typed come first, notes before missing titles; the last row opens the full-text hits', async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await p.goto(titled.url);
    await searchFor(p, 'scrap');
    const titles = await hitTitles(popup(p));
    expect(titles.slice(0, 3)).toEqual(['Scrapbox', 'Scrapbox+GPT4', 'Scrapbox notation']);
    expect(await options(p).nth(2).locator('.search-hit-badge').innerText()).toBe('no note yet');
    expect(titles).not.toContain('Chatter');
    expect(await popup(p).locator('.search-status').innerText()).toBe(`${titles.length} titles hold it.`);
    await searchBox(p).press('ArrowUp');
    await searchBox(p).press('Enter');
    await p.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'scrap');
    await expect.poll(() => hitTitles(p.locator('.search-results')), { timeout: 15_000 }).toContain('Chatter');
    await p.close();
  });
});
