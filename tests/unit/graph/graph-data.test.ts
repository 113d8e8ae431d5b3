import { describe, expect, test } from 'vitest';
import { buildGraphData, isMissingAt, linkPairs, plainSlug, slugAt, type GraphPage } from '../../../src/lib/graph/graph-data.ts';

const PAGES: GraphPage[] = [
  { slug: 'a', title: 'A', kind: 'note', outgoing: ['gap', 'b', 'nowhere'] },
  { slug: 'gap', title: 'Gap', kind: 'missing' },
  { slug: 'b', title: 'B', kind: 'note', outgoing: ['a', 'latex'] },
  { slug: 'latex', title: 'LaTeX', kind: 'disambiguation' },
  { slug: 'social_hack_day_＃57', title: 'Social Hack Day #57', kind: 'note', outgoing: [] },
];

describe('buildGraphData', () => {
  const data = buildGraphData(PAGES);

  test('puts notes and disambiguation pages first, missing titles after', () => {
    expect(data.titles).toEqual(['A', 'B', 'LaTeX', 'Social Hack Day #57', 'Gap']);
    expect(data.noteCount).toBe(4);
    expect(isMissingAt(data, 3)).toBe(false);
    expect(isMissingAt(data, 4)).toBe(true);
  });

  test('writes a slug only where it is not the plain slug of the title', () => {
    expect(data.slugs).toEqual([0, 0, 0, 'social_hack_day_＃57', 0]);
    expect(data.titles.map((_title, index) => slugAt(data, index))).toEqual(['a', 'b', 'latex', 'social_hack_day_＃57', 'gap']);
  });

  test('gives each note its links as page indices, dropping links to pages that do not exist', () => {
    expect(data.links).toEqual([[4, 1], [0, 2], [], []]);
    expect([...linkPairs(data)]).toEqual([[0, 4], [0, 1], [1, 0], [1, 2]]);
    expect([...linkPairs(data, true)]).toEqual([[0, 1], [1, 0], [1, 2]]);
  });

  test('handles a site without missing titles', () => {
    const notesOnly = buildGraphData(PAGES.filter((page) => page.kind !== 'missing'));
    expect(notesOnly.noteCount).toBe(4);
  });
});

test.each([
  ['Task Management', 'task_management'],
  ['Start/expand/connect', 'start/expand/connect'],
  ['知的生産術', '知的生産術'],
])('plainSlug(%j) is %j', (title, slug) => {
  expect(plainSlug(title)).toBe(slug);
});
