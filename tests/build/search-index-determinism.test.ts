/**
 * The same pages give the same search index, byte for byte, however busy the machine is:
 * Pagefind numbers pages in the order they reach it, so the index step hands them over in
 * file order. Indexed once calmly and once with every core kept busy, then compared.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { afterAll, expect, test } from 'vitest';
import { indexSite } from '../../src/search/index-site.ts';

const PAGES = 1500;
const WORDS = ['knowledge', 'design', 'translation', 'wiki', 'link', 'note', 'search', 'graph', 'title', 'page', '知識', '設計'];
const roots: string[] = [];

/** A built-site folder of plain pages, each with a searchable article of its own words. */
function writeSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'index-determinism-'));
  roots.push(root);
  for (let i = 0; i < PAGES; i++) {
    const words = Array.from({ length: 40 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ');
    const dir = join(root, 'notes', `page_${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body><article data-pagefind-body><h1>Page ${i}</h1><p>${words} number${i}</p></article></body></html>`,
    );
  }
  return root;
}

function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      files.set(file, readFileSync(join(dir, file)));
    } catch {
      // a folder
    }
  }
  return files;
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
  await indexSite(calm);
  const loaded = writeSite();
  const stop = busyCores();
  try {
    await indexSite(loaded);
  } finally {
    await stop();
  }
  const calmFiles = filesOf(join(calm, 'pagefind'));
  const loadedFiles = filesOf(join(loaded, 'pagefind'));
  expect(calmFiles.size).toBeGreaterThan(10);
  expect([...loadedFiles.keys()]).toEqual([...calmFiles.keys()]);
  for (const [file, bytes] of calmFiles) expect(loadedFiles.get(file)?.equals(bytes), file).toBe(true);
});
