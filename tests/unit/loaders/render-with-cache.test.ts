/**
 * A build reuses a note's rendering when its text and how its links resolve are unchanged
 * (`lib/cache/render-cache.ts`). The cache file carries the titles its renderings were made
 * or checked against: when the titles are the same, the links are not resolved again; when
 * any title changed, every note's links are.
 */
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readRenderCache, writeRenderCache } from '../../../src/lib/cache/render-cache-file.ts';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';
import { renderWithCache } from '../../../src/loaders/render-with-cache.ts';
import { testRenderContext } from '../../support/render-context.ts';
import { RENDER_CACHE_FILE } from '../../../src/lib/cache/cache-files.ts';

let content: string;
let cacheDir: string;

beforeEach(async () => {
  content = await mkdtemp(join(tmpdir(), 'render-with-cache-notes-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'render-with-cache-cache-'));
  await writeFile(join(content, 'Alpha.md'), 'Alpha links [[Beta]] and [[Nowhere]].\n');
  await writeFile(join(content, 'Beta.md'), 'Beta text.\n');
});
afterEach(async () => {
  await rm(content, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** One build's render step, with nothing kept from the last (a new process). */
async function build() {
  const read = await readNotes(content);
  const titles = indexTitles(read.notes);
  const rendered = await renderWithCache(read.notes, titles, testRenderContext(cacheDir));
  const html = new Map(read.notes.map(({ source }, i) => [source.filePath, rendered.results[i]!.html]));
  return { html, renderedCount: rendered.renderedCount };
}

/** The cache file with Alpha's rendering replaced by a marked one whose link key is wrong. */
async function markAlphaInCache(): Promise<void> {
  const file = join(cacheDir, RENDER_CACHE_FILE);
  const { entries, titles } = await readRenderCache(file);
  const alpha = entries.get('Alpha.md')!;
  entries.set('Alpha.md', { ...alpha, linkKey: 'not what the links resolve to', result: { ...alpha.result, html: '<p>marked</p>' } });
  await writeRenderCache(file, entries, titles);
}

describe('the render cache across builds', () => {
  test('with the titles unchanged, a note whose text is unchanged is reused without its links being resolved', async () => {
    expect((await build()).renderedCount).toBe(2);
    await markAlphaInCache();
    await writeFile(join(content, 'Beta.md'), 'Beta, edited.\n');
    const second = await build();
    expect(second.renderedCount).toBe(1);
    expect(second.html.get('Alpha.md')).toBe('<p>marked</p>');
  });

  test('a title added checks every note: a note whose link it now reaches is rendered again', async () => {
    const first = await build();
    expect(first.html.get('Alpha.md')).toMatch(/href="\/notes\/nowhere\/"[^>]*class="[^"]*missing/);
    await writeFile(join(content, 'Nowhere.md'), 'Now a note.\n');
    const second = await build();
    expect(second.renderedCount).toBe(2);
    expect(second.html.get('Alpha.md')).toMatch(/href="\/notes\/nowhere\/"/);
    expect(second.html.get('Alpha.md')).not.toMatch(/class="[^"]*missing/);
    expect(second.html.get('Beta.md')).toBe(first.html.get('Beta.md'));
  });

  test('a title changed checks every note: a stale link key is found', async () => {
    await build();
    await markAlphaInCache();
    await writeFile(join(content, 'Gamma.md'), 'A new title that nothing links to.\n');
    const second = await build();
    expect(second.html.get('Alpha.md')).not.toBe('<p>marked</p>');
    expect(second.renderedCount).toBe(2);
  });

  test('a cache file without titles checks every note', async () => {
    await build();
    await markAlphaInCache();
    const file = join(cacheDir, RENDER_CACHE_FILE);
    await writeRenderCache(file, (await readRenderCache(file)).entries);
    const second = await build();
    expect(second.html.get('Alpha.md')).not.toBe('<p>marked</p>');
    expect(second.renderedCount).toBe(1);
  });

  test('is not written again when it would hold what it holds; a change or a note gone writes it', async () => {
    const file = join(cacheDir, RENDER_CACHE_FILE);
    await build();
    const longAgo = new Date(0);
    await utimes(file, longAgo, longAgo);
    expect((await build()).renderedCount).toBe(0);
    expect((await stat(file)).mtimeMs).toBe(0);

    await rm(join(content, 'Beta.md'));
    await build();
    expect([...(await readRenderCache(file)).entries.keys()]).toEqual(['Alpha.md']);
  });
});
