import { describe, expect, test } from 'vitest';
import { buildGraphData, type GraphPage } from '../../../src/lib/graph/graph-data.ts';
import { findCommunities, isDatedTitle } from '../../../src/lib/graph/graph-communities.ts';
import { structureGraph } from '../../../src/lib/graph/graph-structure.ts';

/**
 * Three groups of notes: `a` and `b` each a ring of eight with a hub that links to every note
 * of its ring, `c` eight notes that never link to each other but all cite the missing title
 * "Topic C" (the Scrapbox way); one link joins `a` to `b`, and `loner` links to nothing.
 */
function corpus(): GraphPage[] {
  const ring = (group: string): GraphPage[] =>
    Array.from({ length: 8 }, (_, index) => ({
      slug: `${group}${index}`,
      title: `${group.toUpperCase()} note ${index}`,
      kind: 'note' as const,
      outgoing: [
        `${group}${(index + 1) % 8}`,
        ...(index === 0 ? Array.from({ length: 6 }, (_, other) => `${group}${other + 2}`) : []),
        ...(group === 'a' && index === 3 ? ['b5'] : []),
      ],
    }));
  const shared: GraphPage[] = Array.from({ length: 8 }, (_, index) => ({ slug: `c${index}`, title: `C note ${index}`, kind: 'note', outgoing: ['topic_c', `only_${index}`] }));
  return [
    ...ring('a'),
    ...ring('b'),
    ...shared,
    { slug: 'loner', title: 'Loner', kind: 'note', outgoing: [] },
    { slug: 'topic_c', title: 'Topic C', kind: 'missing' },
    ...Array.from({ length: 8 }, (_, index): GraphPage => ({ slug: `only_${index}`, title: `Only ${index}`, kind: 'missing' })),
  ];
}

const data = buildGraphData(corpus());
const index = (title: string) => data.titles.indexOf(title);
const communities = findCommunities(data, { minNotes: 5 });
const communityOf = (title: string) => communities.ofPage[index(title)]!;

/** Newman's modularity of a partition of an undirected graph, straight from its definition. */
function modularityOf(partition: readonly number[]): number {
  const graph = structureGraph(data);
  const m = graph.size;
  const inside = new Map<number, number>();
  const degrees = new Map<number, number>();
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (partition[Number(source)] === partition[Number(target)]) inside.set(partition[Number(source)]!, (inside.get(partition[Number(source)]!) ?? 0) + 1);
  });
  graph.forEachNode((node) => degrees.set(partition[Number(node)]!, (degrees.get(partition[Number(node)]!) ?? 0) + graph.degree(node)));
  let q = 0;
  for (const [community, degree] of degrees) q += (inside.get(community) ?? 0) / m - (degree / (2 * m)) ** 2;
  return q;
}

describe('findCommunities', () => {
  test('finds the linked groups, and the notes that only share a missing title, as communities', () => {
    const a = communityOf('A note 0');
    const b = communityOf('B note 0');
    const c = communityOf('C note 0');
    expect(new Set([a, b, c]).size).toBe(3);
    for (const [group, community] of [['A', a], ['B', b], ['C', c]] as const) {
      for (let note = 0; note < 8; note++) expect(communityOf(`${group} note ${note}`)).toBe(community);
    }
    // The shared missing title belongs to its group; a title one note cites goes with that note.
    expect(communityOf('Topic C')).toBe(c);
    expect(communityOf('Only 3')).toBe(c);
  });

  test('numbers communities largest first and leaves out the small ones', () => {
    expect(communities.leaders).toHaveLength(3);
    // C holds 8 notes and 9 missing titles but the fewest links; A and B hold 8 notes each too:
    // ties go to the community whose first note comes first.
    expect([communityOf('A note 0'), communityOf('B note 0'), communityOf('C note 0')]).toEqual([0, 1, 2]);
    expect(communityOf('Loner')).toBe(-1);
    expect(findCommunities(data, { minNotes: 9 }).leaders).toEqual([]);
    expect(findCommunities(data, { minNotes: 5, maxNamed: 2 }).leaders).toHaveLength(2);
  });

  test('names each community by its best-linked notes, notes before missing titles', () => {
    const [a, , c] = communities.leaders;
    expect(a!.map((page) => data.titles[page])[0]).toBe('A note 0'); // the hub
    expect(a).toHaveLength(3);
    // In C every note has one link inside (to Topic C): notes still come before the missing title.
    expect(c!.map((page) => data.titles[page])).toEqual(['C note 0', 'C note 1', 'C note 2']);
  });

  test('names a community by a diary page only when too few other notes are left', () => {
    // The same corpus with A's hub a diary page: the hub is still the best-linked note of A.
    const pages = corpus().map((page) => (page.slug === 'a0' ? { ...page, title: 'Diary 2024-07-02' } : page));
    const dated = buildGraphData(pages);
    const [a] = findCommunities(dated, { minNotes: 5 }).leaders;
    const names = a!.map((page) => dated.titles[page]);
    expect(names).toHaveLength(3);
    expect(names).not.toContain('Diary 2024-07-02');
  });

  test.each([
    ['Diary 2024-07-02', true],
    ['2024/07/02', true],
    ['日記 2024年7月2日', true],
    ['Weekly note 2024-02-19~25', true],
    ['2024', false],
    ['Drucker', false],
    ['Version 1.2.3', false],
  ])('reads %j as a dated title: %s', (title, dated) => {
    expect(isDatedTitle(title)).toBe(dated);
  });

  test('reports the modularity of its partition', () => {
    expect(communities.modularity).toBeCloseTo(modularityOf(communities.ofPage), 6);
    expect(communities.modularity).toBeGreaterThan(0.5);
    // Louvain counts every community, the loner's too.
    expect(communities.count).toBeGreaterThan(communities.leaders.length);
  });

  test('gives the same partition on every build, whatever order the notes are read in', () => {
    const shuffled = buildGraphData([...corpus()].reverse());
    expect(shuffled).toEqual(data);
    expect(findCommunities(shuffled, { minNotes: 5 })).toEqual(communities);
  });

  test('a site without links has no communities', () => {
    const lonely = buildGraphData([{ slug: 'x', title: 'X', kind: 'note', outgoing: [] }]);
    expect(findCommunities(lonely)).toMatchObject({ ofPage: [-1], leaders: [], modularity: 0 });
  });
});

describe('structureGraph', () => {
  test('holds the notes and the missing titles two or more notes cite', () => {
    const graph = structureGraph(data);
    expect(graph.hasNode(String(index('Topic C')))).toBe(true);
    expect(graph.hasNode(String(index('Only 1')))).toBe(false);
    expect(graph.hasNode(String(index('Loner')))).toBe(true);
    expect(graph.degree(String(index('Topic C')))).toBe(8);
    // a0 links to a1 and, as the hub, to a2…a7; a7 → a0 is the same undirected edge as a0 → a7.
    expect(graph.degree(String(index('A note 0')))).toBe(7);
  });
});
