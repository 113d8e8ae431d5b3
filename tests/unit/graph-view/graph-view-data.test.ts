import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { communityNames, landmarkNotes, nodeSize, pageDegrees } from '../../../src/lib/graph-view/graph-view-data.ts';

describe('nodeSize', () => {
  test.each([
    [0, 4, 1.2, 4],
    [4, 4, 1.2, 6.4],
    [9, 1.5, 0.5, 3],
    [10_000, 4, 1.2, 16],
  ])('a page with %i links, minimum %f and scale %f, is drawn %f wide', (degree, minimum, scale, size) => {
    expect(nodeSize(degree, minimum, scale)).toBeCloseTo(size);
  });

  test('grows with the links and never passes 16', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(nodeSize(fewer, 1.5, 0.5)).toBeLessThanOrEqual(nodeSize(more, 1.5, 0.5));
        expect(nodeSize(more, 1.5, 0.5)).toBeLessThanOrEqual(16);
      }),
    );
  });
});

describe('pageDegrees', () => {
  // Notes 0 and 1, missing titles 2 and 3.
  const data = { titles: ['a', 'b', 'c', 'd'], links: [[1, 2], [0, 2, 3]] };

  test('counts each link at both ends', () => {
    expect([...pageDegrees(data, 4)]).toEqual([3, 4, 2, 1]);
  });

  test('leaves out the links to pages past the count (missing titles not drawn)', () => {
    expect([...pageDegrees(data, 2)]).toEqual([2, 2, 0, 0]);
  });
});

describe('landmarkNotes', () => {
  test('the best-linked notes first, equal ones by index, only notes', () => {
    expect(landmarkNotes(4, [1, 5, 5, 2, 9], 3)).toEqual([1, 2, 3]);
    expect(landmarkNotes(2, [1, 5], 10)).toEqual([1, 0]);
  });
});

describe('communityNames', () => {
  const data = {
    titles: ['Alpha', 'Beta', 'Gamma', 'A title long enough to be cut short on the graph', 'missing'],
    noteCount: 4,
    // y grows downwards in the file, upwards on the graph.
    positions: [0, 0, 2, 2, 10, 10, 12, 14, 100, 100],
    communities: [0, 0, 1, 1, 0],
    communityLeaders: [[1, 0], [3]],
  };

  test('names each community by its two best-linked notes, then the first alone, at the middle of its notes', () => {
    expect(communityNames(data)).toEqual([
      { community: 0, texts: ['Beta · Alpha', 'Beta'], x: 1, y: -1 },
      { community: 1, texts: ['A title long enough to…'], x: 11, y: -12 },
    ]);
  });
});
