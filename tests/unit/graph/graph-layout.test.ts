import { expect, test } from 'vitest';
import { buildGraphData, type GraphPage } from '../../../src/lib/graph/graph-data.ts';
import { layoutGraph } from '../../../src/lib/graph/graph-layout.ts';

const PAGES: GraphPage[] = [
  ...Array.from({ length: 20 }, (_, index): GraphPage => ({
    slug: `n${index}`,
    title: `N${index}`,
    kind: 'note',
    // Two clusters of ten notes in a ring each; every note cites a missing title of its cluster.
    outgoing: [`n${index < 10 ? (index + 1) % 10 : 10 + ((index + 1) % 10)}`, index < 10 ? 'gap_a' : 'gap_b'],
  })),
  { slug: 'gap_a', title: 'Gap A', kind: 'missing' },
  { slug: 'gap_b', title: 'Gap B', kind: 'missing' },
];
const data = buildGraphData(PAGES);
const positions = layoutGraph(data);
const at = (index: number) => ({ x: positions[index * 2]!, y: positions[index * 2 + 1]! });
const distance = (a: number, b: number) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);

test('gives every page an integer position', () => {
  expect(positions).toHaveLength(data.titles.length * 2);
  expect(positions.every(Number.isInteger)).toBe(true);
});

test('is the same on every build', () => {
  expect(layoutGraph(data)).toEqual(positions);
});

test('puts linked notes nearer each other than unlinked ones', () => {
  expect(distance(0, 1)).toBeLessThan(distance(0, 15));
});

test('puts a missing title near the notes that cite it', () => {
  const gapA = data.titles.indexOf('Gap A');
  const mean = (from: number) => Array.from({ length: 10 }, (_, index) => distance(gapA, from + index)).reduce((a, b) => a + b) / 10;
  expect(mean(0)).toBeLessThan(mean(10));
});
