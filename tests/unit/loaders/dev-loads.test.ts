/**
 * `astro dev` loads the notes again on every save: the entries go to the pages directly and
 * the store keeps one revision (src/loader-handoff.ts), and the render cache file is written
 * once saves stop, not after each.
 */
import type { DataStore, LoaderContext } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEV_REVISION_ID, devEntries, setDevEntries } from '../../../src/loader-handoff.ts';
import { readRenderCache } from '../../../src/lib/cache/render-cache-file.ts';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { emptyMemory, type LoaderMemory } from '../../../src/loaders/loader-memory.ts';
import { loadNotes } from '../../../src/loaders/notes-loader.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';
import { DEV_CACHE_WRITE_DELAY_MS, renderWithCache } from '../../../src/loaders/render-with-cache.ts';
import { testRenderContext } from '../../support/render-context.ts';
import { PAGE_DATES_FILE, RENDER_CACHE_FILE } from '../../../src/lib/cache/cache-files.ts';

let dir: string;
let memory: LoaderMemory;
let stored: Map<string, { data: unknown; digest: string | undefined }>;
const store = {
  set: ({ id, data, digest }: { id: string; data: unknown; digest?: string }) => stored.set(id, { data, digest }),
  keys: () => [...stored.keys()],
  delete: (id: string) => stored.delete(id),
} as unknown as DataStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dev-loads-'));
  await writeFile(join(dir, 'Alpha.md'), 'Alpha links [[Beta]] and [[Nowhere]].\n');
  await writeFile(join(dir, 'Beta.md'), 'Beta text.\n');
  memory = emptyMemory();
  stored = new Map();
});
afterEach(async () => {
  vi.useRealTimers();
  setDevEntries(undefined);
  await rm(dir, { recursive: true, force: true });
});

const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, fork: () => logger, label: 'test', options: {} };

/**
 * One load, as `astro dev` runs it (`dev`: a watcher is there) or a build: the cache folder is
 * the notes' folder. Every missing title gets a page, as the tests' `[[Nowhere]]` is linked by
 * one note only.
 */
async function load(dev: boolean): Promise<void> {
  const config = { cacheDir: pathToFileURL(`${dir}/`), root: pathToFileURL(`${join(import.meta.dirname, '../../..')}/`), base: '/' };
  const context = { store, logger, config, watcher: dev ? {} : undefined } as unknown as LoaderContext;
  const settings = { contentDir: dir, trustedHtml: false, hashtagLinks: true, strict: false, renderWorkers: 1, siteLanguage: 'en', singleMentionPages: true } as const;
  await loadNotes(settings, context, memory);
}

describe('the entries in astro dev', () => {
  test('go to the pages; the store holds only a revision, new with every load', async () => {
    stored.set('old-page', { data: {}, digest: undefined });
    await load(true);
    expect([...stored.keys()]).toEqual([DEV_REVISION_ID]);
    const first = devEntries()!;
    expect(first.entries.map(({ id, data }) => [id, data.kind]).sort()).toEqual([
      ['alpha', 'note'],
      ['beta', 'note'],
      ['nowhere', 'missing'],
    ]);
    expect(stored.get(DEV_REVISION_ID)!.digest).toBe(first.revision);

    await rm(join(dir, 'Beta.md'));
    await load(true);
    const second = devEntries()!;
    expect(second.revision).not.toBe(first.revision);
    expect(stored.get(DEV_REVISION_ID)!.digest).toBe(second.revision);
    expect(second.entries.find(({ id }) => id === 'beta')?.data.kind).toBe('missing');
  });

  test('are the same data a build stores', async () => {
    await load(false);
    const built = new Map([...stored].map(([id, { data }]) => [id, data]));
    expect(devEntries()).toBeUndefined();
    stored = new Map();
    await load(true);
    expect(new Map(devEntries()!.entries.map(({ id, data }) => [id, data]))).toEqual(built);
  });

  test('write no sitemap dates; a build does', async () => {
    await load(true);
    expect(existsSync(join(dir, PAGE_DATES_FILE))).toBe(false);
    await load(false);
    expect(existsSync(join(dir, PAGE_DATES_FILE))).toBe(true);
  });
});

describe('renderings kept between loads in astro dev', () => {
  const alphaHtml = () => devEntries()!.entries.find(({ id }) => id === 'alpha')!.data;

  test('a note whose link a new title now reaches is rendered again; with the titles unchanged, the others are reused', async () => {
    await load(true);
    const before = memory.renderings!.entries.get('Alpha.md')!.result;
    expect(before.html).toMatch(/href="\/notes\/nowhere\/"[^>]*class="[^"]*missing/);
    await writeFile(join(dir, 'Beta.md'), 'Beta, saved again.\n');
    await load(true);
    expect(memory.renderings!.entries.get('Alpha.md')!.result).toBe(before);
    await writeFile(join(dir, 'Nowhere.md'), 'Now a note.\n');
    await load(true);
    const after = memory.renderings!.entries.get('Alpha.md')!.result;
    expect(after).not.toBe(before);
    expect(after.html).toMatch(/href="\/notes\/nowhere\/"/);
    expect(after.html).not.toMatch(/href="\/notes\/nowhere\/"[^>]*class="[^"]*missing/);
    expect(alphaHtml().kind).toBe('note');
  });
});

describe('the title index kept between loads in astro dev', () => {
  const nowhere = () => devEntries()!.entries.find(({ id }) => id === 'nowhere')!.data as { kind: string; nearNote?: { title: string } };

  test('a save that changes no title keeps the index; a title added builds it again, and the near notes with it', async () => {
    await load(true);
    const first = memory.titles!.index;
    expect(nowhere().nearNote).toBeUndefined();
    await writeFile(join(dir, 'Beta.md'), 'Beta, saved again.\n');
    await load(true);
    expect(memory.titles!.index).toBe(first);
    await writeFile(join(dir, 'Nowheres.md'), 'A plural title, near the missing one.\n');
    await load(true);
    expect(memory.titles!.index).not.toBe(first);
    expect(nowhere().nearNote?.title).toBe('Nowheres');
    await writeFile(join(dir, 'Beta.md'), 'Beta, saved a third time.\n');
    await load(true);
    expect(nowhere().nearNote?.title).toBe('Nowheres');
    await rm(join(dir, 'Nowheres.md'));
    await load(true);
    expect(nowhere().nearNote).toBeUndefined();
  });
});

describe('render keys kept between loads in astro dev', () => {
  test('a setting that changes rendering renders every note again, though no file was read again', async () => {
    const renderOnce = async (hashtagLinks: boolean) => {
      const read = await readNotes(dir, memory);
      const context = testRenderContext(dir, { memory, writeInBackground: true, hashtagLinks });
      return (await renderWithCache(read.notes, indexTitles(read.notes), context)).renderedCount;
    };
    expect(await renderOnce(true)).toBe(2);
    expect(await renderOnce(true)).toBe(0);
    expect(await renderOnce(false)).toBe(2);
    await writeFile(join(dir, 'Beta.md'), 'Beta, saved again.\n');
    expect(await renderOnce(false)).toBe(1);
  });
});

describe('the render cache in astro dev', () => {
  test('is written at once after the first load, which rendered every note', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await load(true);
    await memory.cacheWrite;
    expect([...(await readRenderCache(join(dir, RENDER_CACHE_FILE))).entries.keys()].sort()).toEqual(['Alpha.md', 'Beta.md']);
  });

  test('after that, is written once saves have stopped, with the last load', async () => {
    const file = join(dir, RENDER_CACHE_FILE);
    await load(true);
    await memory.cacheWrite;
    await rm(file);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await writeFile(join(dir, 'Beta.md'), 'Beta, saved again.\n');
    await load(true);
    await writeFile(join(dir, 'Gamma.md'), 'Gamma, saved a moment later.\n');
    await vi.advanceTimersByTimeAsync(DEV_CACHE_WRITE_DELAY_MS - 1);
    await load(true);
    await vi.advanceTimersByTimeAsync(DEV_CACHE_WRITE_DELAY_MS - 1);
    expect(existsSync(file)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await memory.cacheWrite;
    expect([...(await readRenderCache(file)).entries.keys()].sort()).toEqual(['Alpha.md', 'Beta.md', 'Gamma.md']);
  });

  test('is written before a build returns', async () => {
    await load(false);
    expect([...(await readRenderCache(join(dir, RENDER_CACHE_FILE))).entries.keys()].sort()).toEqual(['Alpha.md', 'Beta.md']);
  });
});
