import { expect, test } from 'vitest';
import { rankTitleMatches } from '../../../src/lib/graph-view/graph-search.ts';

const TITLES = ['Municipal purchasing power', 'Purchasing', 'purchasing power', 'Tacit knowledge', 'missing purchasing'];

test.each([
  ['purchasing', [1, 2, 0]],
  ['PURCHASING POWER', [2, 0]],
  ['  tacit ', [3]],
  ['nothing', []],
  ['', []],
])('rankTitleMatches(%j) ranks whole titles, then prefixes, then the rest', (query, expected) => {
  expect(rankTitleMatches(TITLES, query, 4)).toEqual(expected);
});

test('looks at all pages when no count is given, and stops at the limit', () => {
  expect(rankTitleMatches(TITLES, 'purchasing')).toEqual([1, 2, 4, 0]);
  expect(rankTitleMatches(TITLES, 'purchasing', TITLES.length, 2)).toEqual([1, 2]);
});
