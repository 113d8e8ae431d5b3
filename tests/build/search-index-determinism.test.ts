/**
 * The same pages give the same search index, byte for byte, however busy the machine is:
 * Pagefind numbers pages in the order they reach it, so the index step hands them over in
 * file order, bundle by bundle. Indexed once calmly and once with every core kept busy, then
 * compared.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, test } from 'vitest';
import { indexSite } from '../../src/search/index-site.ts';
import { siteBytes } from '../support/build-folders.ts';
import { writePlainSite } from '../support/plain-site.ts';

const PAGES = 1500;
/** Four bundles, so that the order of bundles is compared too. */
const PAGES_PER_BUNDLE = 400;
const roots: string[] = [];

function writeSite(): string {
  const root = writePlainSite(PAGES, 'index-determinism-');
  roots.push(root);
  return root;
}

/** Threads that spin until stopped, one per core. */
function busyCores(): () => Promise<void> {
  const workers = Array.from(
    { length: availableParallelism() },
    () => new Worker('const end = Date.now() + 600000; while (Date.now() < end) {}', { eval: true }),
  );
  return async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

test('indexing the same pages twice, the second time on a busy machine, writes the same files', async () => {
  const calm = writeSite();
  expect((await indexSite(calm, { pagesPerBundle: PAGES_PER_BUNDLE })).bundles).toBe(4);
  const loaded = writeSite();
  const stop = busyCores();
  try {
    await indexSite(loaded, { pagesPerBundle: PAGES_PER_BUNDLE });
  } finally {
    await stop();
  }
  const calmFiles = siteBytes(join(calm, 'pagefind'));
  const loadedFiles = siteBytes(join(loaded, 'pagefind'));
  expect(calmFiles.size).toBeGreaterThan(10);
  expect([...loadedFiles.keys()]).toEqual([...calmFiles.keys()]);
  for (const [file, bytes] of calmFiles) expect(loadedFiles.get(file)?.equals(bytes), file).toBe(true);
});
