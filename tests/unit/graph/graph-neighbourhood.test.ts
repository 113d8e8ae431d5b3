import { describe, expect, test } from 'vitest';
import { neighbourhood, undirectedNeighbours } from '../../../src/lib/graph/graph-neighbourhood.ts';

/**
 * 0 → 1 → 2 → 3 (a chain), 4 → 0 (a backlink), 5 alone, 6 → 1 and 7 → 1 (other notes
 * citing 1); 8 is a missing title 2 links to.
 */
const DATA = {
  titles: ['0', '1', '2', '3', '4', '5', '6', '7', '8'],
  links: [[1], [2], [3, 8], [], [0], [], [1], [1]],
};
const neighbours = undirectedNeighbours(DATA);

describe('undirectedNeighbours', () => {
  test('joins links and backlinks', () => {
    expect(neighbours[1]!.sort()).toEqual([0, 2, 6, 7]);
    expect(neighbours[5]).toEqual([]);
    expect(neighbours[8]).toEqual([2]);
  });
});

describe('neighbourhood', () => {
  test('at depth 1 holds the links and backlinks', () => {
    const around = neighbourhood(DATA, neighbours, 0, 1);
    expect(around.pages).toEqual([0, 1, 4]);
    expect(around.depths).toEqual([0, 1, 1]);
    expect(around.links).toEqual([[0, 1], [4, 0]]);
  });

  test('at depth 2 adds their links and backlinks, best connected first', () => {
    const around = neighbourhood(DATA, neighbours, 0, 2);
    expect(around.pages).toEqual([0, 1, 4, 2, 6, 7]);
    expect(around.depths).toEqual([0, 1, 1, 2, 2, 2]);
    expect(around.reachable).toBe(6);
  });

  test('is cut at the cap, nearest pages kept', () => {
    const around = neighbourhood(DATA, neighbours, 0, 3, 4);
    expect(around.pages).toEqual([0, 1, 4, 2]);
    expect(around.reachable).toBe(8);
    expect(around.links).toEqual([[0, 1], [1, 2], [4, 0]]);
  });

  test('of a page without links is the page alone', () => {
    expect(neighbourhood(DATA, neighbours, 5)).toEqual({ pages: [5], depths: [0], links: [], reachable: 1 });
  });

  test('never repeats a page reached two ways', () => {
    const around = neighbourhood(DATA, neighbours, 1, 3);
    expect(new Set(around.pages).size).toBe(around.pages.length);
  });
});
