import { describe, expect, test } from 'vitest';
import { browseGroupOf, GROUP_ORDER, groupByInitial } from '../../../src/lib/site/browse-groups.ts';

describe('browseGroupOf', () => {
  test.each([
    ['Task Management', 't', 'T'],
    ['tf-idf', 't', 'T'],
    ['Zettelkasten', 'z', 'Z'],
    ['Élan vital', 'e', 'E'],
    ['e\u0301lan (NFD)', 'e', 'E'],
    ['  Leading spaces', 'l', 'L'],
    ['100% sure', '0-9', '0–9'],
    ['2024 diary', '0-9', '0–9'],
    ['知的生産術', 'ja', '日本語'],
    ['ひらがな', 'ja', '日本語'],
    ['カタカナ', 'ja', '日本語'],
    ['"Quoted" phrase', 'other', 'Other'],
    ["'Somebody's' idea", 'other', 'Other'],
    ['(Parenthesised) start', 'other', 'Other'],
    ['#Generation Z values', 'other', 'Other'],
    ['&Co', 'other', 'Other'],
    ['@babel/preset-react', 'other', 'Other'],
    ['🪴 Get Started', 'other', 'Other'],
    ['', 'other', 'Other'],
  ])('lists %j under %j (%s)', (title, id, label) => {
    expect(browseGroupOf(title)).toEqual({ id, label });
  });
});

describe('GROUP_ORDER', () => {
  test('puts letters first, then digits, Japanese and everything else', () => {
    expect(GROUP_ORDER).toHaveLength(29);
    expect(GROUP_ORDER.slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(GROUP_ORDER.slice(-4)).toEqual(['z', '0-9', 'ja', 'other']);
  });

  test.each(['Apple', 'zebra', '9 lives', '日本', '"quoted"'])('contains the group of %j', (title) => {
    expect(GROUP_ORDER).toContain(browseGroupOf(title).id);
  });
});

describe('groupByInitial', () => {
  const titles = [
    'beta',
    '#Generation Z values',
    'Social Hack Day #57',
    '知的生産術',
    'Alpha',
    'social hack day #9',
    '10 rules',
    'alpha centauri',
    '2 rules',
    'Élan',
    'échelle',
  ];
  const groups = groupByInitial(titles, (title) => title);

  test('lists the groups in GROUP_ORDER and leaves out empty ones', () => {
    expect(groups.map((group) => group.group.id)).toEqual(['a', 'b', 'e', 's', '0-9', 'ja', 'other']);
  });

  test.each([
    ['a', ['Alpha', 'alpha centauri']],
    ['e', ['échelle', 'Élan']],
    ['s', ['social hack day #9', 'Social Hack Day #57']],
    ['0-9', ['2 rules', '10 rules']],
    ['ja', ['知的生産術']],
    ['other', ['#Generation Z values']],
  ])('sorts group %j by title, ignoring case and accents, numbers by value', (id, items) => {
    expect(groups.find((group) => group.group.id === id)?.items).toEqual(items);
  });

  test('keeps every item exactly once', () => {
    expect(groups.flatMap((group) => group.items).sort()).toEqual([...titles].sort());
  });

  test('groups any item by the title it is given', () => {
    const notes = [
      { slug: 'b', title: 'Banana' },
      { slug: 'a', title: 'apple' },
    ];
    expect(groupByInitial(notes, (note) => note.title)).toEqual([
      { group: { id: 'a', label: 'A' }, items: [{ slug: 'a', title: 'apple' }] },
      { group: { id: 'b', label: 'B' }, items: [{ slug: 'b', title: 'Banana' }] },
    ]);
  });

  test('returns no groups for no items', () => {
    expect(groupByInitial([], (title: string) => title)).toEqual([]);
  });
});
