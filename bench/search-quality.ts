/**
 * Search quality over the real corpus: builds the nishio-en site, then asks the built site's
 * own search page (in Debian's Chromium) four kinds of question about a fixed random sample
 * of notes, and the same questions of an index made with Pagefind's defaults (its CLI over
 * the same pages, no Japanese word breaks, the query passed as typed).
 *
 *   npm run bench:search [-- --sample 200 --seed 20261128 --out-dir /tmp/bench-search]
 *   npm run bench:search -- --first-search-site <built site folder>
 *   npm run bench:search -- --skip-build --delta-index   (after a run: the sampled notes' pages in a delta index)
 *
 * Reports, per kind of query, the share of notes found at rank 1, in the top 5 and top 10;
 * the index sizes; the time from typing to results on the search page; the share of all the
 * site's titles (and notes' other names) that the title matching of the search box ranks
 * first (over the pieces of the title list each needs, as the browser matches); and, on
 * freshly opened pages over an emulated 4G link (20 Mbit/s, 40 ms, text gzip-compressed as
 * a static host does), the bytes the first search transfers and the time from the first
 * keystroke in the header box to the first results painted, and from the last keystroke to
 * the typed title painted first.
 *
 * The typo kinds: each sampled title with one typo in its longest word (of 5 letters or more),
 * at a seeded random place: two adjacent letters swapped, one dropped, one doubled, one
 * replaced; and the body phrase with its longest word misspelt one of those ways.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { japaneseWords } from '../src/lib/search/japanese-words.ts';
import { parseNoteSource } from '../src/lib/notes/note-source.ts';
import { titleKey } from '../src/lib/titles/titles.ts';
import { slugForKey } from '../src/lib/titles/slugs.ts';
import type { TitleListFile } from '../src/lib/search/title-list.ts';
import { matcherForQuery, type TitlePieceIndex } from '../src/lib/search/title-pieces.ts';
import { extractTranslationFooters } from '../src/lib/translation/translation-source.ts';
import { chromiumPath } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/serve-site.ts';
import { mulberry32 } from '../src/lib/graph/seeded-random.ts';
import { splitIntoDelta } from './delta-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(ROOT, '../shared/corpora/nishio-en/pages') },
    sample: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261128' },
    'out-dir': { type: 'string', default: '/tmp/bench-search-site' },
    'skip-build': { type: 'boolean', default: false },
    // The sampled notes' pages in a second, small index merged in the browser (bench/delta-index.ts).
    'delta-index': { type: 'boolean', default: false },
    // Only the first search, on any built site (e.g. a `npm run bench` output at 24,000 notes).
    'first-search-site': { type: 'string' },
  },
});
const SAMPLE = Number(args.sample);
const OUT_DIR = resolve(args['out-dir']!);

const TYPO_KINDS = ['title, adjacent swap', 'title, dropped letter', 'title, doubled letter', 'title, wrong letter'] as const;
type TypoKind = (typeof TYPO_KINDS)[number];
type Kind =
  | 'English title'
  | 'body phrase'
  | 'Japanese original title'
  | 'rarest Japanese title word'
  | TypoKind
  | 'body phrase, one word misspelt'
  | 'rarest body word, misspelt';
const KINDS: Kind[] = [
  'English title',
  'body phrase',
  'Japanese original title',
  'rarest Japanese title word',
  ...TYPO_KINDS,
  'body phrase, one word misspelt',
  'rarest body word, misspelt',
];

/**
 * The text with one typo of `kind` in its longest word of 5 letters or more (words as the link
 * rules split them, at spaces and `_`), at a random letter; undefined if it has none.
 */
function misspelt(text: string, kind: TypoKind, random: () => number): string | undefined {
  const words = text.split(/(?<=[\s_])|(?=[\s_])/u);
  let longest = -1;
  words.forEach((word, i) => {
    const letters = [...word].filter((char) => /\p{L}/u.test(char)).length;
    if (letters >= 5 && (longest === -1 || [...word].length > [...words[longest]!].length)) longest = i;
  });
  if (longest === -1) return undefined;
  const chars = [...words[longest]!];
  const letterAt = chars.flatMap((char, i) => (/\p{L}/u.test(char) ? [i] : []));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  if (kind === 'title, adjacent swap') {
    const at = pick(letterAt.filter((i) => /\p{L}/u.test(chars[i + 1] ?? '') && chars[i]!.toLowerCase() !== chars[i + 1]!.toLowerCase()));
    if (at === undefined) return undefined;
    [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  } else {
    const at = pick(letterAt)!;
    if (kind === 'title, dropped letter') chars.splice(at, 1);
    else if (kind === 'title, doubled letter') chars.splice(at, 0, chars[at]!);
    else {
      const others = [...'abcdefghijklmnopqrstuvwxyz'].filter((letter) => letter !== chars[at]!.toLowerCase());
      chars[at] = pick(others)!;
    }
  }
  words[longest] = chars.join('');
  return words.join('');
}

interface Question {
  kind: Kind;
  query: string;
  /** The title of the note that should be found. */
  expect: string;
  /** For a Japanese word: how many notes have it in their original title (any of them fits the query). */
  sharedBy?: number;
}

// ---- the corpus and the questions ----

interface CorpusNote {
  title: string;
  originalTitles: string[];
  /** Plain words of the body, in order. */
  words: string[];
  /** Everything a reader could search in this note, for document frequencies. */
  searchable: string;
}

function readCorpus(dir: string): CorpusNote[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const source = parseNoteSource(file, readFileSync(join(dir, file), 'utf8'));
      const { body, sources } = extractTranslationFooters(source.body);
      const plain = body
        .replace(/```[\s\S]*?```/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[\[|\]\]/g, '');
      return {
        title: source.title,
        originalTitles: sources.map((s) => s.title),
        words: plain.split(/\s+/).filter(Boolean),
        searchable: `${source.title}\n${sources.map((s) => s.title).join('\n')}\n${plain}`,
      };
    });
}


const plainWord = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

function questionsFor(notes: CorpusNote[]): { questions: Question[]; skipped: Record<Kind, number> } {
  const random = mulberry32(Number(args.seed));
  const candidates = notes.filter((note) => note.originalTitles.length > 0 && note.words.length >= 8);
  const sample: CorpusNote[] = [];
  const pool = [...candidates];
  while (sample.length < SAMPLE && pool.length > 0) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);

  // Document frequencies: English words, and Japanese words as the segmenter finds them.
  const englishDf = new Map<string, number>();
  const japaneseDf = new Map<string, number>();
  for (const note of notes) {
    for (const word of new Set(note.words.map(plainWord))) englishDf.set(word, (englishDf.get(word) ?? 0) + 1);
    for (const word of new Set(japaneseWords(note.searchable))) japaneseDf.set(word, (japaneseDf.get(word) ?? 0) + 1);
  }

  const questions: Question[] = [];
  const skipped = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const note of sample) {
    questions.push({ kind: 'English title', query: note.title, expect: note.title });

    // The 4 consecutive plain words whose rarest word is rarest: a phrase only this note has.
    let best: { phrase: string; score: number } | undefined;
    for (let i = 0; i + 4 <= note.words.length; i++) {
      const window = note.words.slice(i, i + 4);
      if (!window.every((w) => /^[\p{L}\p{N}'’-]+[.,;:]?$/u.test(w) && /\p{L}/u.test(w))) continue;
      const score = Math.min(...window.map((w) => englishDf.get(plainWord(w)) ?? 1));
      if (!best || score < best.score) best = { phrase: window.join(' ').replace(/[.,;:]$/, ''), score };
    }
    if (best) questions.push({ kind: 'body phrase', query: best.phrase, expect: note.title });
    else skipped['body phrase']++;
    // The phrase's rarest word of 5 letters or more, alone and misspelt: Pagefind knows no such word.
    const rareWord = best?.phrase
      .split(' ')
      .map(plainWord)
      .filter((word) => /^\p{L}{5,}$/u.test(word))
      .sort((a, b) => (englishDf.get(a) ?? 0) - (englishDf.get(b) ?? 0) || (a < b ? -1 : 1))[0];

    for (const kind of TYPO_KINDS) {
      const query = misspelt(note.title, kind, random);
      if (query) questions.push({ kind, query, expect: note.title });
      else skipped[kind]++;
    }
    const bodyTypo = best && misspelt(best.phrase, TYPO_KINDS[Math.floor(random() * TYPO_KINDS.length)]!, random);
    if (bodyTypo) questions.push({ kind: 'body phrase, one word misspelt', query: bodyTypo, expect: note.title });
    else skipped['body phrase, one word misspelt']++;
    const wordTypo = rareWord && misspelt(rareWord, TYPO_KINDS[Math.floor(random() * TYPO_KINDS.length)]!, random);
    if (wordTypo) questions.push({ kind: 'rarest body word, misspelt', query: wordTypo, expect: note.title, sharedBy: englishDf.get(rareWord!) ?? 0 });
    else skipped['rarest body word, misspelt']++;

    const original = note.originalTitles[0]!;
    questions.push({ kind: 'Japanese original title', query: original, expect: note.title });

    const rare = japaneseWords(original)
      .filter((word) => [...word].length >= 2 && !/^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(word))
      .sort((a, b) => (japaneseDf.get(a) ?? 0) - (japaneseDf.get(b) ?? 0))[0];
    if (rare) {
      const sharedBy = notes.filter((other) => other.originalTitles.some((t) => japaneseWords(t).includes(rare))).length;
      questions.push({ kind: 'rarest Japanese title word', query: rare, expect: note.title, sharedBy });
    }
    else skipped['rarest Japanese title word']++;
  }
  return { questions, skipped };
}

// ---- building and serving ----

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status}`);
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

// ---- asking ----

/** Our search page: type the query, wait for the results, read their titles. */
async function askSearchPage(page: Page, query: string): Promise<{ titles: string[]; ms: number }> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#search-page-input')!;
    const list = document.querySelector('.search-results')!;
    const status = document.querySelector('.search-page .search-status')!;
    const started = performance.now();
    const done = new Promise<void>((resolveDone) => {
      const observer = new MutationObserver(() => {
        if (status.textContent?.includes(`“${q.trim()}”`)) {
          observer.disconnect();
          resolveDone();
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    // Cleared first, so that asking the same question twice still shows a change.
    status.textContent = '';
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer for ${q}`)), 15_000))]);
    const ms = performance.now() - started;
    return { titles: [...list.querySelectorAll('.search-hit-title')].map((el) => el.textContent ?? ''), ms };
  }, query);
}

/** Pagefind's defaults: its own index of the same pages, the query as typed. */
async function askDefaultIndex(page: Page, base: string, query: string): Promise<{ titles: string[] }> {
  return page.evaluate(
    async ({ q, url }) => {
      const pagefind = await import(/* @vite-ignore */ url);
      const response = await pagefind.search(q);
      const data = await Promise.all(response.results.slice(0, 10).map((r: { data(): Promise<unknown> }) => r.data()));
      return { titles: data.map((d) => (d as { meta: { title?: string } }).meta.title ?? '') };
    },
    { q: query, url: `${base}pagefind-default/pagefind.js` },
  );
}

/**
 * Every title of the built site (and every other name of a note) through the search box's title
 * matching, in Node: how many find their own page first.
 */
function allTitlesAtRankOne(outDir: string): { found: number; total: number; missed: string[] } {
  const file = JSON.parse(readFileSync(join(outDir, 'titles.json'), 'utf8')) as TitleListFile;
  const index = JSON.parse(readFileSync(join(outDir, 'titles', 'index.json'), 'utf8')) as TitlePieceIndex;
  const pieces = new Map<number, TitleListFile>();
  const piece = (at: number) => pieces.get(at) ?? pieces.set(at, JSON.parse(readFileSync(join(outDir, 'titles', `${at}.json`), 'utf8'))).get(at)!;
  const slugOf = (page: number) => file.slugs[page] ?? slugForKey(titleKey(file.pages[page]![0]));
  const queries: [string, number][] = [...file.pages.map(([title], page): [string, number] => [title, page]), ...file.names];
  const missed = queries.filter(([query, page]) => matcherForQuery(index, query, piece).match(query, 1)[0]?.slug !== slugOf(page)).map(([query]) => query);
  return { found: queries.length - missed.length, total: queries.length, missed };
}

/** What the served site sent: each response's path and bytes on the wire (body as sent). */
interface ServedLog {
  responses: { path: string; bytes: number }[];
  /** Responses not yet sent. */
  open: number;
  /** `performance.now()` of the last request or response. */
  lastChange: number;
}

/** The emulated link (4G): every response waits its latency, then its turn on a link of this speed that all share. */
const LINK = { latencyMs: 40, bitsPerSecond: 20e6 };

/**
 * The site as a static host serves it: text gzip-compressed (Pagefind's own files already
 * are), over the emulated link (`LINK`). The link is emulated here, not in the browser:
 * Pagefind loads its index from a web worker, whose requests the page's network emulation
 * (and the page's network events) never see.
 */
async function serveCompressed(dir: string): Promise<{ url: string; log: ServedLog; close(): Promise<void> }> {
  const log: ServedLog = { responses: [], open: 0, lastChange: performance.now() };
  let linkFreeAt = 0;
  const send = (response: import('node:http').ServerResponse, path: string, body: Buffer | string) => {
    const bytes = Buffer.byteLength(body);
    const now = performance.now();
    const start = Math.max(now + LINK.latencyMs, linkFreeAt);
    const done = start + (bytes * 8 * 1000) / LINK.bitsPerSecond;
    linkFreeAt = done;
    setTimeout(() => {
      response.end(body);
      log.responses.push({ path, bytes });
      log.open--;
      log.lastChange = performance.now();
    }, done - now);
  };
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.xml': 'application/xml',
    '.wasm': 'application/wasm',
  };
  const server = createServer((request, response) => {
    log.open++;
    log.lastChange = performance.now();
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      path = '/';
    }
    let file = join(dir, path);
    if (!file.startsWith(dir)) file = dir;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.statusCode = 404;
      send(response, path, 'not found');
      return;
    }
    const type = types[extname(file)];
    const body = readFileSync(file);
    response.setHeader('content-type', type ?? 'application/octet-stream');
    if (type && type !== 'application/wasm' && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.setHeader('content-encoding', 'gzip');
      send(response, path, gzipSync(body));
    } else send(response, path, body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, log, close: () => new Promise((done) => server.close(() => done())) };
}

interface FirstSearch {
  /** First keystroke to the first results painted. */
  firstResults: number;
  /** Last keystroke to the typed title painted as the first result. */
  titleFirst: number;
  /** Bytes on the wire from the first keystroke on: the title list, Pagefind, everything. */
  bytes: { titles: number; pagefind: number; other: number };
  requests: number;
}

/**
 * A freshly opened page (empty cache) over an emulated 4G link (20 Mbit/s, 40 ms): a title
 * typed at full speed into the header box; what it transfers and how long it takes (the
 * title list and Pagefind load on the keystrokes' way).
 */
async function firstSearch(browser: Browser, served: { url: string; log: ServedLog }, query: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(served.url, { waitUntil: 'networkidle' });
    const from = served.log.responses.length;
    await page.evaluate((expected) => {
      const list = document.querySelector('#site-search-results')!;
      const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
      const timing = window as unknown as { firstKey?: number; lastKey?: number; painted?: number; titleFirst?: number };
      const key = (text: string) => text.normalize('NFC').replace(/[\s_]+/gu, ' ').trim().toLowerCase();
      input.addEventListener('keydown', () => {
        timing.firstKey ??= performance.now();
        timing.lastKey = performance.now();
      });
      new MutationObserver(() => {
        if (timing.painted === undefined && list.querySelector('[role="option"]')) {
          requestAnimationFrame(() => requestAnimationFrame(() => (timing.painted ??= performance.now())));
        }
        const first = list.querySelector('[role="option"] .search-hit-title')?.textContent ?? '';
        if (timing.titleFirst === undefined && key(first) === key(expected) && key(input.value) === key(expected)) {
          requestAnimationFrame(() => requestAnimationFrame(() => (timing.titleFirst ??= performance.now())));
        }
      }).observe(list, { childList: true, subtree: true });
    }, query);
    await page.locator('#site-search-input').pressSequentially(query);
    await page.waitForFunction(
      () => {
        const timing = window as unknown as { painted?: number; titleFirst?: number };
        return timing.painted !== undefined && timing.titleFirst !== undefined;
      },
      undefined,
      { timeout: 30_000 },
    );
    // Everything the search loads counts (Pagefind's script, WASM, metadata, index chunks and
    // excerpts come after the titles are shown): wait until no response has been open for 1 s.
    const waitedFrom = performance.now();
    while ((served.log.open > 0 || performance.now() - served.log.lastChange < 1000) && performance.now() - waitedFrom < 30_000) await page.waitForTimeout(100);
    const times = await page.evaluate(() => {
      const t = window as unknown as { firstKey: number; lastKey: number; painted: number; titleFirst: number };
      return { firstResults: t.painted - t.firstKey, titleFirst: t.titleFirst - t.lastKey };
    });
    const bytes = { titles: 0, pagefind: 0, other: 0 };
    const responses = served.log.responses.slice(from);
    for (const { path, bytes: size } of responses) {
      if (path.startsWith('/titles')) bytes.titles += size;
      else if (path.startsWith('/pagefind/')) bytes.pagefind += size;
      else bytes.other += size;
    }
    return { ...times, bytes, requests: responses.length };
  } finally {
    await context.close();
  }
}

function reportFirstSearches(label: string, runs: FirstSearch[]): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const med = (pick: (run: FirstSearch) => number) => median(runs.map(pick));
  return (
    `First search on a freshly opened page, ${label} (emulated 4G in the server, page and Pagefind worker alike: 20 Mbit/s shared, 40 ms; text gzip-compressed; a title typed at full speed, ${runs.length} openings):\n` +
    `- first keystroke to first results painted: ${runs.map((r) => r.firstResults.toFixed(0)).join(', ')} ms, median ${med((r) => r.firstResults).toFixed(0)} ms\n` +
    `- last keystroke to the typed title painted first: ${runs.map((r) => r.titleFirst.toFixed(0)).join(', ')} ms, median ${med((r) => r.titleFirst).toFixed(0)} ms\n` +
    `- bytes transferred from the first keystroke: ${runs.map((r) => kb(r.bytes.titles + r.bytes.pagefind + r.bytes.other)).join(', ')}; median title list ${kb(med((r) => r.bytes.titles))}, Pagefind ${kb(med((r) => r.bytes.pagefind))}, other (search code) ${kb(med((r) => r.bytes.other))}, total ${kb(med((r) => r.bytes.titles + r.bytes.pagefind + r.bytes.other))}, max total ${kb(Math.max(...runs.map((r) => r.bytes.titles + r.bytes.pagefind + r.bytes.other)))}; requests median ${med((r) => r.requests)}`
  );
}

function rankOf(titles: string[], expected: string): number {
  const key = titleKey(expected);
  const index = titles.findIndex((title) => titleKey(title) === key);
  return index === -1 ? Infinity : index + 1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * The first search on a freshly opened home page of any built site, five times, each with a
 * note title picked at evenly spaced places of its title list.
 */
async function firstSearchOnly(site: string): Promise<void> {
  const file = JSON.parse(readFileSync(join(site, 'titles.json'), 'utf8')) as TitleListFile;
  const notes = file.pages.filter(([, kind]) => kind === 'n').map(([title]) => title);
  const queries = [1, 2, 3, 4, 5].map((i) => notes[Math.floor((notes.length * i) / 6)]!);
  const served = await serveCompressed(site);
  const browser = await launchChromium();
  try {
    const runs: FirstSearch[] = [];
    for (const query of queries) runs.push(await firstSearch(browser, served, query));
    console.log(reportFirstSearches(`${site} (${file.pages.length} titles, note titles at evenly spaced places of the list)`, runs));
  } finally {
    await browser.close();
    await served.close();
  }
}

async function main(): Promise<void> {
  if (args['first-search-site']) return firstSearchOnly(resolve(args['first-search-site']));
  if (!existsSync(args.corpus!)) throw new Error(`No corpus at ${args.corpus}`);
  if (!args['skip-build']) {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: args.corpus, OUT_DIR };
    run(join(ROOT, 'node_modules/.bin/astro'), ['build'], env);
    // The same environment: the step keeps its bundles in this corpus's build cache.
    run(process.execPath, [join(ROOT, 'src/search/index-site.ts'), '--site', OUT_DIR], env);
    run(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', OUT_DIR, '--output-subdir', 'pagefind-default', '--quiet']);
  }
  const ours = folderSize(join(OUT_DIR, 'pagefind'));
  const defaults = folderSize(join(OUT_DIR, 'pagefind-default'));

  const notes = readCorpus(args.corpus!);
  const { questions, skipped } = questionsFor(notes);
  if (args['delta-index']) {
    const split = await splitIntoDelta(OUT_DIR, new Set(questions.map((question) => question.expect)));
    console.log(`Delta index: ${split.delta} pages (the sampled notes') in bundle-1, ${split.base} in the base.`);
  }

  const served = await serveSite(OUT_DIR);
  const base = served.url;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}search/`);
    const results: { question: Question; ours: number; defaults: number; ms: number }[] = [];
    for (const question of questions) {
      const mine = await askSearchPage(page, question.query);
      const theirs = await askDefaultIndex(page, base, question.query);
      results.push({
        question,
        ours: rankOf(mine.titles, question.expect),
        defaults: rankOf(theirs.titles, question.expect),
        ms: mine.ms,
      });
    }

    const lines: string[] = [];
    lines.push(`Search quality on ${args.corpus} — ${new Set(questions.map((q) => q.expect)).size} sampled notes (seed ${args.seed})`);
    lines.push('');
    lines.push('| query kind | n | ours: rank 1 | ours: top 5 | ours: top 10 | Pagefind defaults: rank 1 | top 5 | top 10 |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const kind of KINDS) {
      const rows = results.filter((r) => r.question.kind === kind);
      const share = (pick: (r: (typeof rows)[number]) => number, k: number) => percent(rows.filter((r) => pick(r) <= k).length, rows.length);
      lines.push(
        `| ${kind} | ${rows.length} | ${share((r) => r.ours, 1)} | ${share((r) => r.ours, 5)} | ${share((r) => r.ours, 10)} | ` +
          `${share((r) => r.defaults, 1)} | ${share((r) => r.defaults, 5)} | ${share((r) => r.defaults, 10)} |`,
      );
    }
    const rare = results.filter((r) => r.question.kind === 'rarest Japanese title word');
    const answerable = rare.filter((r) => (r.question.sharedBy ?? 0) <= 10);
    lines.push('');
    lines.push(
      `Rarest Japanese title word, only words that at most 10 notes have in their original title (so the note can be in the top 10): ` +
        `${answerable.length} of ${rare.length}; ours top 10 ${percent(answerable.filter((r) => r.ours <= 10).length, answerable.length)}, ` +
        `Pagefind defaults top 10 ${percent(answerable.filter((r) => r.defaults <= 10).length, answerable.length)}`,
    );
    lines.push(`Notes with no question of a kind: ${Object.entries(skipped).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    lines.push(`Index size: ours ${(ours.bytes / 1e6).toFixed(1)} MB in ${ours.files} files; Pagefind defaults ${(defaults.bytes / 1e6).toFixed(1)} MB in ${defaults.files} files`);
    const times = results.map((r) => r.ms);
    lines.push(
      `Time from typing to results on /search/ (includes the 120 ms debounce): first query ${times[0]?.toFixed(0)} ms (loads Pagefind), ` +
        `median ${median(times.slice(1)).toFixed(0)} ms, 90th percentile ${[...times.slice(1)].sort((a, b) => a - b)[Math.floor(times.length * 0.9)]?.toFixed(0)} ms`,
    );
    const allTitles = allTitlesAtRankOne(OUT_DIR);
    lines.push(
      `All titles and other names through the search box's title matching: ${allTitles.found} of ${allTitles.total} at rank 1 ` +
        `(${percent(allTitles.found, allTitles.total)})${allTitles.missed.length > 0 ? `; missed: ${allTitles.missed.slice(0, 10).join(' | ')}` : ''}`,
    );
    const compressed = await serveCompressed(OUT_DIR);
    try {
      const runs: FirstSearch[] = [];
      for (const question of questions.filter((q) => q.kind === 'English title').slice(0, 5)) runs.push(await firstSearch(browser, compressed, question.query));
      lines.push(reportFirstSearches('the home page, sampled titles', runs));
    } finally {
      await compressed.close();
    }
    const titlesOut = folderSize(join(OUT_DIR, 'titles'));
    lines.push(
      `Title list: /titles.json ${(statSync(join(OUT_DIR, 'titles.json')).size / 1e6).toFixed(2)} MB (not loaded by the browser); ` +
        `in pieces ${(titlesOut.bytes / 1e6).toFixed(2)} MB in ${titlesOut.files} files, /titles/index.json ${(statSync(join(OUT_DIR, 'titles', 'index.json')).size / 1e3).toFixed(1)} KB ` +
        `(${(gzipSync(readFileSync(join(OUT_DIR, 'titles', 'index.json'))).length / 1e3).toFixed(1)} KB gzip)`,
    );
    const wordTypos = results.filter((r) => r.question.kind === 'rarest body word, misspelt');
    const fewHolding = wordTypos.filter((r) => (r.question.sharedBy ?? 0) <= 10);
    lines.push(
      `Rarest body word misspelt, only words at most 10 notes hold: ${fewHolding.length} of ${wordTypos.length}; ` +
        `ours top 10 ${percent(fewHolding.filter((r) => r.ours <= 10).length, fewHolding.length)}, Pagefind defaults top 10 ${percent(fewHolding.filter((r) => r.defaults <= 10).length, fewHolding.length)}`,
    );
    const misses = results.filter((r) =>
      r.ours > (r.question.kind === 'English title' ? 1 : r.question.kind === 'rarest Japanese title word' || r.question.kind === 'rarest body word, misspelt' ? 10 : 5),
    );
    lines.push('');
    lines.push(`Missed by ours (first 40 of ${misses.length}):`);
    for (const miss of misses.slice(0, 40)) {
      const shared =
        miss.question.sharedBy === undefined ? '' : miss.question.kind === 'rarest body word, misspelt' ? ` (in ${miss.question.sharedBy} notes)` : ` (in ${miss.question.sharedBy} original titles)`;
      lines.push(`- ${miss.question.kind}: "${miss.question.query}"${shared} → expected "${miss.question.expect}", rank ${miss.ours}`);
    }
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();
