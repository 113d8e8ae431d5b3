/** The graph laid out ahead in a worker thread: the same structure as in this thread, stored once, never a failed load. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { layoutAhead, setLayoutAhead, storedStructure, structureKey } from '../../../src/loader-handoff.ts';
import { buildGraphData, type GraphPage } from '../../../src/lib/graph/graph-data.ts';
import { computeStructure } from '../../../src/lib/graph/graph-structure-layout.ts';
import { structureInWorker } from '../../../src/lib/graph/structure-in-worker.ts';
import { layOutGraphAhead } from '../../../src/loaders/lay-out-graph-ahead.ts';
import { LAYOUT_FILE } from '../../../src/lib/cache/cache-files.ts';

// Two rings of twelve notes, each note citing a missing title of its ring.
const PAGES: GraphPage[] = [
  ...Array.from({ length: 24 }, (_, index): GraphPage => ({
    slug: `n${index}`,
    title: `N${index}`,
    kind: 'note',
    outgoing: [`n${index < 12 ? (index + 1) % 12 : 12 + ((index + 1) % 12)}`, index < 12 ? 'gap_a' : 'gap_b'],
  })),
  { slug: 'gap_a', title: 'Gap A', kind: 'missing' },
  { slug: 'gap_b', title: 'Gap B', kind: 'missing' },
];
const data = buildGraphData(PAGES);

let cacheDir: string;
let lines: string[];
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'layout-ahead-'));
  lines = [];
  setLayoutAhead(Promise.resolve());
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

test('a worker thread computes the same structure as this thread', async () => {
  expect(await structureInWorker(data)).toEqual(computeStructure(data));
});

test('the layout is stored under the graph key, for the graph page to read', async () => {
  await layOutGraphAhead(PAGES, cacheDir, (line) => lines.push(line));
  await layoutAhead();
  expect(await storedStructure(join(cacheDir, LAYOUT_FILE), structureKey(data), data)).toEqual(computeStructure(data));
  expect(lines).toEqual([expect.stringMatching(/^Graph communities: \d+ .*laid out while the pages were generated/)]);
});

test('a stored layout of the same graph is used: no worker starts', async () => {
  await layOutGraphAhead(PAGES, cacheDir, () => {});
  await layoutAhead();
  const before = layoutAhead();
  await layOutGraphAhead([...PAGES].reverse(), cacheDir, (line) => lines.push(line));
  expect(layoutAhead()).toBe(before);
  expect(lines).toEqual([]);
});

test('another graph, or a file cut short, is laid out again; the cut file is named in one line', async () => {
  await layOutGraphAhead(PAGES, cacheDir, () => {});
  await layoutAhead();
  const file = join(cacheDir, LAYOUT_FILE);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, text.length / 2));
  await layOutGraphAhead(PAGES, cacheDir, (line) => lines.push(line));
  await layoutAhead();
  expect(lines[0]).toMatch(/graph layout cache .*graph-layout\.json cannot be read: it is ignored/);
  expect(await storedStructure(file, structureKey(data), data)).toEqual(computeStructure(data));

  const fewer = PAGES.map((page) => (page.slug === 'n0' ? { ...page, outgoing: [] } : page));
  await layOutGraphAhead(fewer, cacheDir, () => {});
  await layoutAhead();
  const other = buildGraphData(fewer);
  expect(await storedStructure(file, structureKey(other), other)).toEqual(computeStructure(other));
});
