import { describe, expect, test } from 'vitest';
import { WORD_BREAK } from '../../../src/lib/search/japanese-words.ts';
import { exactTitleFirst, readableExcerpt, searchTerm } from '../../../src/lib/search/search-query.ts';

const hits = (...titles: string[]) => titles.map((title, rank) => ({ title, rank }));
const titlesOf = (results: { title: string }[]) => results.map((result) => result.title);

describe('exactTitleFirst', () => {
  test.each([
    ['the same title', 'Municipal purchasing power', 'Municipal purchasing power'],
    ['a title in other case', 'MUNICIPAL PURCHASING POWER', 'Municipal purchasing power'],
    ['underscores for spaces', 'municipal_purchasing_power', 'Municipal purchasing power'],
    ['extra spaces around and inside', '  municipal   purchasing power ', 'Municipal purchasing power'],
    ['an NFD query for an NFC title', 'Cafe\u0301 notes', 'Caf\u00e9 notes'],
    ['an NFC query for an NFD title', 'Caf\u00e9 notes', 'Cafe\u0301 notes'],
    ['a Japanese title', '知的生産術', '知的生産術'],
    ['a title ending in a full stop', 'also available in black.', 'Also available in black.'],
  ])('moves the note to the front for %s', (_why, query, title) => {
    const results = hits('Business Model of Municipal System Orders', 'Tacit knowledge', title, 'Start/expand/connect');
    expect(titlesOf(exactTitleFirst(results, query))).toEqual([
      title,
      'Business Model of Municipal System Orders',
      'Tacit knowledge',
      'Start/expand/connect',
    ]);
  });

  test.each([
    ['no title equals the query', 'municipal'],
    ['a title only starts with the query', 'municipal purchasing'],
    ['a title differs by a trailing full stop', 'Also available in black'],
    ['a title differs by "/" and spaces', 'Start expand connect'],
    ['the query is empty', ''],
  ])('keeps Pagefind\u2019s order when %s', (_why, query) => {
    const results = hits('municipal system standardization', 'Municipal purchasing power', 'Also available in black.', 'Start/expand/connect');
    expect(exactTitleFirst(results, query)).toEqual(results);
  });

  test('keeps the order when the exact title is already first', () => {
    const results = hits('Tacit knowledge', 'Municipal purchasing power', 'Start/expand/connect');
    expect(exactTitleFirst(results, 'tacit knowledge')).toEqual(results);
  });

  test('moves only the first of two exact titles, keeping the rest in order', () => {
    const results = hits('A', 'tacit knowledge', 'B', 'Tacit_Knowledge', 'C');
    expect(exactTitleFirst(results, 'Tacit knowledge').map((hit) => hit.rank)).toEqual([1, 0, 2, 3, 4]);
  });

  test('returns a new array and leaves the results it was given alone', () => {
    const results = hits('A', 'Tacit knowledge');
    const frozen = Object.freeze([...results]);
    const reordered = exactTitleFirst(frozen, 'Tacit knowledge');
    expect(titlesOf(reordered)).toEqual(['Tacit knowledge', 'A']);
    expect(titlesOf([...frozen])).toEqual(['A', 'Tacit knowledge']);
    expect(exactTitleFirst(frozen, 'nothing')).not.toBe(frozen);
  });

  test('handles no results', () => {
    expect(exactTitleFirst([], 'Tacit knowledge')).toEqual([]);
  });
});

describe('readableExcerpt', () => {
  test.each([
    ['breaks between marked words', `<mark>暗黙</mark>${WORD_BREAK}<mark>知</mark>`, '<mark>暗黙</mark><mark>知</mark>'],
    ['breaks in unmarked text', `この${WORD_BREAK}ノート${WORD_BREAK}では`, 'このノートでは'],
    [
      'breaks around a Japanese run in English',
      `Where it comes from. この${WORD_BREAK}ノート${WORD_BREAK}。Polanyi named it.`,
      'Where it comes from. このノート。Polanyi named it.',
    ],
  ])('removes the word breaks: %s', (_why, excerpt, readable) => {
    expect(readableExcerpt(excerpt)).toBe(readable);
  });

  test.each([
    ['English with marks', '<mark>Municipal</mark> <mark>purchasing</mark> power, see &amp; more'],
    ['ordinary spaces next to Japanese', 'Polanyi 暗黙知 named it'],
    ['an empty excerpt', ''],
  ])('leaves %s as it is', (_why, excerpt) => {
    expect(readableExcerpt(excerpt)).toBe(excerpt);
  });
});

describe('searchTerm', () => {
  // Words, not the separator: the term must split into the words the index holds.
  test.each([
    ['an English query, trimmed', '  Municipal purchasing power ', ['Municipal', 'purchasing', 'power']],
    ['a Japanese title, split as the index is', '自治体の購買力', ['自治体', 'の', '購買', '力']],
    ['a mixed query', 'Polanyi 暗黙知', ['Polanyi', '暗黙', '知']],
  ])('turns %s into the words Pagefind is given', (_why, query, words) => {
    expect(searchTerm(query).split(/\s+/u)).toEqual(words);
  });

  test.each([
    ['ja', '自治体の購買力'],
    ['ja-JP', ' 自治体の購買力 '],
  ])('leaves a query on a page marked lang="%s" whole, for Pagefind to split', (lang, query) => {
    expect(searchTerm(query, lang)).toBe('自治体の購買力');
  });

  test('splits the query on an English page, or one of no language', () => {
    expect(searchTerm('自治体の購買力', 'en').split(' ')).toEqual(['自治体', 'の', '購買', '力']);
    expect(searchTerm('自治体の購買力', '').split(' ')).toEqual(['自治体', 'の', '購買', '力']);
  });

  test('turns white space only into an empty term', () => {
    expect(searchTerm(' \t ')).toBe('');
  });
});

describe('exactTitleFirst with original titles', () => {
  const results = [
    { title: '知的生産術', original: undefined },
    { title: 'Tacit knowledge', original: '(コラム) 二種類の暗黙知' },
    { title: 'Municipal purchasing power', original: '自治体の購買力' },
  ];

  test('moves the note translated from a page titled as the query to the front', () => {
    expect(exactTitleFirst(results, '自治体の購買力').map((r) => r.title)).toEqual([
      'Municipal purchasing power',
      '知的生産術',
      'Tacit knowledge',
    ]);
  });

  test('prefers a note whose own title is the query over one translated from it', () => {
    const withBoth = [...results, { title: '自治体の購買力', original: undefined }];
    expect(exactTitleFirst(withBoth, '自治体の購買力')[0]?.title).toBe('自治体の購買力');
  });
});
