import { describe, expect, test } from 'vitest';
import { buildGraphData, type GraphPage } from '../../../src/lib/graph/graph-data.ts';
import { findCommunities } from '../../../src/lib/graph/graph-communities.ts';
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
// Pages are in slug order in the file (n0, n1, n10, …): find them by title.
const at = (index: number) => ({ x: positions[index * 2]!, y: positions[index * 2 + 1]! });
const note = (n: number) => data.titles.indexOf(`N${n}`);
const distance = (a: number, b: number) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);

test('gives every page an integer position', () => {
  expect(positions).toHaveLength(data.titles.length * 2);
  expect(positions.every(Number.isInteger)).toBe(true);
});

test('is the same on every build', () => {
  expect(layoutGraph(data)).toEqual(positions);
});

test('puts linked notes nearer each other than unlinked ones', () => {
  expect(distance(note(0), note(1))).toBeLessThan(distance(note(0), note(15)));
});

test('puts a missing title near the notes that cite it', () => {
  const gapA = data.titles.indexOf('Gap A');
  const mean = (from: number) => Array.from({ length: 10 }, (_, index) => distance(gapA, note(from + index))).reduce((a, b) => a + b) / 10;
  expect(mean(0)).toBeLessThan(mean(10));
});

describe('the structure beyond note-to-note links', () => {
  // Two groups of twelve notes that never link to each other, each citing its own missing
  // title (the Scrapbox way), and three notes linked to nothing.
  const pages: GraphPage[] = [
    ...Array.from({ length: 24 }, (_, index): GraphPage => ({ slug: `s${String(index).padStart(2, '0')}`, title: `S${index}`, kind: 'note', outgoing: [index < 12 ? 'topic_x' : 'topic_y'] })),
    ...['u1', 'u2', 'u3'].map((slug): GraphPage => ({ slug, title: slug.toUpperCase(), kind: 'note', outgoing: [] })),
    { slug: 'topic_x', title: 'Topic X', kind: 'missing' },
    { slug: 'topic_y', title: 'Topic Y', kind: 'missing' },
  ];
  const shared = buildGraphData(pages);
  const communities = findCommunities(shared, { minNotes: 5 });
  const laidOut = layoutGraph(shared, { communities: communities.ofPage });
  const point = (title: string) => {
    const at = shared.titles.indexOf(title);
    return { x: laidOut[at * 2]!, y: laidOut[at * 2 + 1]! };
  };
  const gap = (a: string, b: string) => Math.hypot(point(a).x - point(b).x, point(a).y - point(b).y);
  const group = (from: number) => Array.from({ length: 12 }, (_, index) => `S${from + index}`);
  const mean = (pairs: [string, string][]) => pairs.reduce((sum, [a, b]) => sum + gap(a, b), 0) / pairs.length;

  test('draws notes that cite the same missing title together, apart from the others', () => {
    const within = mean(group(0).flatMap((a) => group(0).filter((b) => b !== a).map((b): [string, string] => [a, b])));
    const across = mean(group(0).flatMap((a) => group(12).map((b): [string, string] => [a, b])));
    expect(within).toBeLessThan(across);
    for (const title of group(0)) expect(gap(title, 'Topic X')).toBeLessThan(gap(title, 'Topic Y'));
    for (const title of group(12)) expect(gap(title, 'Topic Y')).toBeLessThan(gap(title, 'Topic X'));
  });

  test('sets the notes linked to nothing in a row under the graph, not in a ring around it', () => {
    const lowest = Math.max(...[...group(0), ...group(12)].map((title) => point(title).y));
    for (const title of ['U1', 'U2', 'U3']) expect(point(title).y).toBeGreaterThan(lowest);
    expect(new Set(['U1', 'U2', 'U3'].map((title) => point(title).y)).size).toBe(1);
  });

  test('is the same on every build, communities given', () => {
    expect(layoutGraph(shared, { communities: communities.ofPage })).toEqual(laidOut);
  });
});
