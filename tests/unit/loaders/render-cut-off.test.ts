/**
 * A rendering the render deadline cut off depends on how busy the machine was: the render
 * cache does not keep it, so the next build renders the note again (issue 29).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { readRenderCache } from '../../../src/lib/cache/render-cache-file.ts';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';
import { RENDER_CACHE_FILE } from '../../../src/lib/cache/cache-files.ts';
import { renderWithCache } from '../../../src/loaders/render-with-cache.ts';
import { testRenderContext } from '../../support/render-context.ts';

/** The pool as if Slow.md had passed its deadline twice. */
vi.mock('../../../src/loaders/render-pool.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/loaders/render-pool.ts')>();
  return {
    ...actual,
    renderNotes: async (...args: Parameters<typeof actual.renderNotes>) => {
      const results = await actual.renderNotes(...args);
      return results.map((result, i) => (args[0][i]!.filePath === 'Slow.md' ? { ...result, cutOffByTime: true as const } : result));
    },
  };
});

let content: string;
let cacheDir: string;
beforeEach(async () => {
  content = await mkdtemp(join(tmpdir(), 'render-cut-off-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'render-cut-off-cache-'));
  await writeFile(join(content, 'Slow.md'), 'A note the deadline cut off.\n');
  await writeFile(join(content, 'Quick.md'), 'A note rendered in time.\n');
});
afterEach(async () => {
  await rm(content, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

async function build() {
  const read = await readNotes(content);
  return renderWithCache(read.notes, indexTitles(read.notes), testRenderContext(cacheDir));
}

test('a note cut off by time is not kept in the render cache, and is rendered again by the next build', async () => {
  expect((await build()).renderedCount).toBe(2);
  const { entries } = await readRenderCache(join(cacheDir, RENDER_CACHE_FILE));
  expect([...entries.keys()]).toEqual(['Quick.md']);
  expect((await build()).renderedCount).toBe(1);
});
