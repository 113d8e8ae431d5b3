import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  communityLegend,
  focusedSlugFromHash,
  othersAfterChoosing,
  pageRefAt,
  shownPageCount,
  titleMatches,
} from '../../../src/lib/graph-view/global-graph-page.ts';

/** Three notes and two missing titles; the third note's slug differs from its title's. */
const data = {
  titles: ['Purchasing', 'Purchasing power', 'Tacit knowledge', 'purchasing order', 'Order'],
  slugs: [0, 0, 'tacit', 0, 0] as (string | 0)[],
  noteCount: 3,
  communities: [0, 1, -1],
  communityLeaders: [[0], [1, 2]],
};

describe('shownPageCount', () => {
  test('the notes, and the missing titles only when asked for', () => {
    expect(shownPageCount(data, false)).toBe(3);
    expect(shownPageCount(data, true)).toBe(5);
  });
});

describe('focusedSlugFromHash', () => {
  test.each([
    ['#note=Purchasing', 'Purchasing'],
    ['#note=Tacit%20knowledge', 'Tacit knowledge'],
    ['#other=1&note=x', 'x'],
    ['#', undefined],
    ['', undefined],
    ['#other=1', undefined],
  ])('%j focuses %j', (hash, slug) => {
    expect(focusedSlugFromHash(hash)).toBe(slug);
  });

  test('for any slug: the fragment a link writes gives it back', () => {
    fc.assert(
      fc.property(fc.string(), (slug) => {
        expect(focusedSlugFromHash(`#${new URLSearchParams({ note: slug })}`)).toBe(slug);
      }),
    );
  });
});

describe('titleMatches', () => {
  test('the drawn pages whose titles contain the words, best first, with their slugs', () => {
    expect(titleMatches(data, 'purchasing', false, 9)).toEqual([
      { slug: 'purchasing', title: 'Purchasing' },
      { slug: 'purchasing_power', title: 'Purchasing power' },
    ]);
    expect(titleMatches(data, 'purchasing', true, 9).map((match) => match.title)).toEqual(['Purchasing', 'Purchasing power', 'purchasing order']);
    expect(titleMatches(data, 'tacit', false, 9)).toEqual([{ slug: 'tacit', title: 'Tacit knowledge' }]);
    expect(titleMatches(data, 'order', false, 9)).toEqual([]);
    expect(titleMatches(data, 'purchasing', true, 1)).toHaveLength(1);
  });

  test('for any query: only drawn pages, each containing the words, at most the limit, none twice', () => {
    fc.assert(
      fc.property(fc.constantFrom('p', 'purchasing', 'order', 'o', 'k', ' '), fc.boolean(), fc.nat(6), (query, showMissing, limit) => {
        const matches = titleMatches(data, query, showMissing, limit);
        expect(matches.length).toBeLessThanOrEqual(limit);
        expect(new Set(matches.map((match) => match.title)).size).toBe(matches.length);
        for (const match of matches) {
          const index = data.titles.indexOf(match.title);
          expect(index).toBeLessThan(shownPageCount(data, showMissing));
          expect(match.title.toLowerCase()).toContain(query.trim().toLowerCase());
          expect(match).toEqual({ slug: pageRefAt(data, index).slug, title: match.title });
        }
      }),
    );
  });
});

describe('othersAfterChoosing', () => {
  test('the rest, in their order', () => {
    const [a, b, c] = [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }];
    expect(othersAfterChoosing([a, b, c], b)).toEqual([a, c]);
    expect(othersAfterChoosing([a, b, c], b)[1]).toBe(c);
  });

  test('for any list: drops exactly the chosen one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { minLength: 1 }).chain((values) => fc.tuple(fc.constant(values.map((value) => ({ value }))), fc.nat(values.length - 1))), ([others, at]) => {
        const chosen = others[at]!;
        expect(othersAfterChoosing(others, chosen)).toEqual([...others.slice(0, at), ...others.slice(at + 1)]);
      }),
    );
  });
});

describe('pageRefAt', () => {
  test('a note and a missing title as links', () => {
    expect(pageRefAt(data, 2)).toEqual({ slug: 'tacit', title: 'Tacit knowledge', kind: 'note' });
    expect(pageRefAt(data, 4)).toEqual({ slug: 'order', title: 'Order', kind: 'missing' });
  });
});

describe('communityLegend', () => {
  test('each named community with its leaders and notes, and the notes in none', () => {
    expect(communityLegend(data)).toEqual({
      groups: [
        { community: 0, leaders: [{ slug: 'purchasing', title: 'Purchasing', kind: 'note' }], noteCount: 1 },
        {
          community: 1,
          leaders: [
            { slug: 'purchasing_power', title: 'Purchasing power', kind: 'note' },
            { slug: 'tacit', title: 'Tacit knowledge', kind: 'note' },
          ],
          noteCount: 1,
        },
      ],
      otherNotes: 1,
    });
  });

  test('for any partition of the notes: every note counted once, in its community or in none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 40 }), (named, assigned) => {
        const communities = assigned.map((community) => (community < named ? community : -1));
        const legend = communityLegend({
          titles: communities.map((_, index) => `Note ${index}`),
          slugs: communities.map(() => 0 as const),
          noteCount: communities.length,
          communities,
          communityLeaders: Array.from({ length: named }, () => []),
        });
        expect(legend.groups.map((group) => group.community)).toEqual(Array.from({ length: named }, (_, community) => community));
        legend.groups.forEach((group) => expect(group.noteCount).toBe(communities.filter((community) => community === group.community).length));
        expect(legend.otherNotes).toBe(communities.filter((community) => community === -1).length);
        expect(legend.groups.reduce((sum, group) => sum + group.noteCount, legend.otherNotes)).toBe(communities.length);
      }),
    );
  });

  test('missing titles after the notes are not counted', () => {
    expect(communityLegend({ ...data, communities: [0, 1, -1, -1, -1] }).otherNotes).toBe(1);
  });
});
