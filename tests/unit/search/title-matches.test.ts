import { describe, expect, test } from 'vitest';
import { buildTitleList, type TitledPage } from '../../../src/lib/search/title-list.ts';
import { holdingEveryWordBesides, holdsEveryWord, titleMatchHref, titleMatcher } from '../../../src/lib/search/title-matches.ts';
import { buildTitleIndex, type IndexedNote } from '../../../src/lib/titles/title-index.ts';
import { slugForDuplicate, slugForKey, type NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';

/** A small wiki: notes (two share a title), their pages, and missing titles. */
function site(notes: IndexedNote[], missing: string[] = []) {
  const index = buildTitleIndex(notes);
  const pages: TitledPage[] = [
    ...index.notes.map((ref, i) => ({ title: ref.title, slug: ref.slug, kind: 'note' as const, filePath: ref.filePath, originalTitles: notes[i]!.originalTitles ?? [] })),
    ...index.ambiguousTitles.map((shared) => ({ title: shared.title, slug: shared.slug, kind: 'disambiguation' as const })),
    ...missing.map((title) => ({ title, slug: slugForKey(titleKey(title)), kind: 'missing' as const })),
  ];
  const file = buildTitleList(pages, index);
  // Through JSON, as the browser gets it.
  return { file, matcher: titleMatcher(JSON.parse(JSON.stringify(file))) };
}

const NOTES: IndexedNote[] = [
  { title: 'Weekly note 2024-02-19~25', filePath: 'Weekly note 2024-02-19~25.md' },
  { title: 'Scrapbox+GPT4', filePath: 'Scrapbox+GPT4.md' },
  { title: '2024', filePath: '2024.md' },
  { title: "It's a rule... → Let's resist.", filePath: 'rule.md' },
  { title: 'Scrapbox', filePath: 'Scrapbox.md', originalTitles: ['スクラップボックス'] },
  { title: 'Scrapbox tips', filePath: 'notes/tips.md' },
  { title: 'Shared title', filePath: 'a.md' },
  { title: 'shared_title', filePath: 'b.md' },
  { title: 'Start/expand/connect', filePath: 'Start-expand-connect.md' },
  { title: 'Index', filePath: 'folder/index page.md' },
];
const MISSING = ['Scrapbox enthusiasts', '2024-01', 'Q&A #1 "quoted"'];

describe('the title list', () => {
  test('lists each page a title reaches once, leaves out notes that share a title, and keeps other names', () => {
    const { file } = site(NOTES, MISSING);
    const titles = file.pages.map(([title]) => title);
    expect(titles).toHaveLength(NOTES.length - 2 + 1 + MISSING.length);
    expect(titles).toContain('Shared title');
    expect(file.pages.filter(([title]) => titleKey(title) === titleKey('shared title'))).toEqual([['Shared title', 'd']]);
    expect(file.names.map(([name]) => name).sort()).toEqual(['folder/index page', 'notes/tips', 'rule', 'スクラップボックス']);
    // No slug is stored where the title gives it.
    expect(file.slugs).toEqual({});
  });

  test('stores a slug only where the title does not give it', () => {
    const index = buildTitleIndex([{ title: 'A', filePath: 'a.md' }]);
    const odd = { title: 'B', slug: 'b~12345678' as NoteSlug, kind: 'missing' as const };
    const file = buildTitleList([{ title: 'A', slug: slugForKey(titleKey('A')), kind: 'note', filePath: 'a.md' }, odd], index);
    expect(file.slugs).toEqual({ 1: 'b~12345678' });
    expect(titleMatcher(file).match('b', 1)[0]?.slug).toBe('b~12345678');
  });
});

describe('titles only one note links', () => {
  test('are listed, and lead to their mention in that note, or to the note where it has no id', () => {
    const index = buildTitleIndex([{ title: 'Scrapbox', filePath: 'Scrapbox.md' }]);
    const note = slugForKey(titleKey('Scrapbox'));
    const pages: TitledPage[] = [
      { title: 'Scrapbox', slug: note, kind: 'note', filePath: 'Scrapbox.md' },
      { title: 'Scrapbox lover', slug: slugForKey(titleKey('Scrapbox lover')), kind: 'missing', mentionedIn: { note, id: 'mention:2' } },
      { title: 'Scrapbox tag', slug: slugForKey(titleKey('Scrapbox tag')), kind: 'missing', mentionedIn: { note, id: undefined } },
      { title: 'Scrapbox fan', slug: slugForKey(titleKey('Scrapbox fan')), kind: 'missing' },
      // Mentioned in a note the list leaves out (one of several notes sharing a title): by its slug.
      { title: 'Scrapbox critic', slug: slugForKey(titleKey('Scrapbox critic')), kind: 'missing', mentionedIn: { note: 'shared~abc' as NoteSlug, id: 'mention:1' } },
    ];
    const matcher = titleMatcher(JSON.parse(JSON.stringify(buildTitleList(pages, index))));
    const href = (query: string) => titleMatchHref(matcher.match(query, 1)[0]!, '/wiki/');
    expect(href('scrapbox lover')).toBe('/wiki/notes/scrapbox/#mention:2');
    expect(href('Scrapbox tag')).toBe('/wiki/notes/scrapbox/');
    expect(href('Scrapbox fan')).toBe('/wiki/notes/scrapbox_fan/');
    expect(href('Scrapbox critic')).toBe('/wiki/notes/shared~abc/#mention:1');
    expect(href('Scrapbox')).toBe('/wiki/notes/scrapbox/');
    expect(matcher.holdingEveryWord('lover', 5, ['m']).matches.map((match) => match.title)).toEqual(['Scrapbox lover']);
  });
});

describe('the title list and slugs with a hash', () => {
  test('stores every slug with a hash, so the browser works out only slugs without one', () => {
    const long = `A long title ${'that goes on '.repeat(20)}`;
    const { file, matcher } = site(
      [
        { title: long, filePath: 'long.md' },
        { title: 'a＃b', filePath: 'full-width.md' },
        { title: 'CON', filePath: 'device.md' },
        { title: 'Plain', filePath: 'plain.md' },
      ],
      ['x/index.html'],
    );
    expect(Object.values(file.slugs).sort()).toEqual(
      [long, 'a＃b', 'CON', 'x/index.html'].map((title) => slugForKey(titleKey(title))).sort(),
    );
    for (const title of [long, 'a＃b', 'CON', 'x/index.html', 'Plain']) {
      expect(matcher.match(title, 1)[0]?.slug).toBe(slugForKey(titleKey(title)));
    }
  });
});

describe('matching a query', () => {
  const { matcher } = site(NOTES, MISSING);
  const first = (query: string) => matcher.match(query, 5)[0];

  test.each([
    ['Weekly note 2024-02-19~25'],
    ['Scrapbox+GPT4'],
    ['2024'],
    ["It's a rule... → Let's resist."],
    ['Start/expand/connect'],
    ['Q&A #1 "quoted"'],
    ['2024-01'],
  ])('%s finds its page first', (title) => {
    expect(first(title)?.title).toBe(title);
    expect(first(title)?.slug).toBe(slugForKey(titleKey(title)));
  });

  test('under the link rules: case, `_`, spaces and Unicode form do not matter', () => {
    expect(first('  weekly_NOTE   2024-02-19~25 ')?.title).toBe('Weekly note 2024-02-19~25');
    expect(first('Scrapbox+GPT4'.normalize('NFD'))?.title).toBe('Scrapbox+GPT4');
  });

  test('a shared title finds the page that lists its notes', () => {
    expect(first('SHARED TITLE')).toMatchObject({ kind: 'd', slug: slugForKey(titleKey('Shared title')) });
    expect(matcher.match('shared title', 10).some((match) => match.slug === slugForDuplicate(titleKey('Shared title'), 'a.md'))).toBe(false);
  });

  test('an original title or a file path finds its note, and says which name matched', () => {
    expect(first('スクラップボックス')).toMatchObject({ title: 'Scrapbox', name: 'スクラップボックス' });
    expect(first('notes/tips')).toMatchObject({ title: 'Scrapbox tips', name: 'notes/tips' });
  });

  test('then titles that start with the query: notes first, shorter first, then by code point', () => {
    expect(matcher.match('scrapbox', 10).map((match) => match.title)).toEqual([
      'Scrapbox',
      'Scrapbox tips',
      'Scrapbox+GPT4',
      'Scrapbox enthusiasts',
    ]);
    expect(matcher.match('2024', 10).map((match) => match.title)).toEqual(['2024', '2024-01']);
    expect(matcher.match('スクラ', 10)).toEqual([expect.objectContaining({ title: 'Scrapbox', name: 'スクラップボックス' })]);
  });

  test('at most `limit`, only the kinds asked for, nothing for an empty query', () => {
    expect(matcher.match('s', 2)).toHaveLength(2);
    expect(matcher.match('scrapbox', 10, { kinds: ['m'] }).map((match) => match.title)).toEqual(['Scrapbox enthusiasts']);
    expect(matcher.match('   ', 10)).toEqual([]);
    expect(matcher.match('scrapbox', 10, { prefixes: false, typos: false }).map((match) => match.title)).toEqual(['Scrapbox']);
    expect(matcher.match('no such title', 10)).toEqual([]);
  });

  test('a file of another version is refused', () => {
    expect(() => titleMatcher({ version: 1 } as never)).toThrow(/version/);
  });
});

describe('titles holding every word of a query', () => {
  const { matcher } = site(NOTES, [...MISSING, 'Municipal system standardization', 'System of municipal bonds', 'standardization', '自治体のシステム標準化', 'Systems thinking']);
  const titles = (query: string, kinds: ('n' | 'd' | 'm')[] = ['m'], limit = 10) => matcher.holdingEveryWord(query, limit, kinds).matches.map((match) => match.title);

  test('each word anywhere in the title, in any order, case and `_` aside; shorter titles first', () => {
    expect(titles('standardization')).toEqual(['standardization', 'Municipal system standardization']);
    expect(titles('system MUNICIPAL')).toEqual(['System of municipal bonds', 'Municipal system standardization']);
    expect(titles('municipal_bonds')).toEqual(['System of municipal bonds']);
    // A word is found inside a longer one, as in a Japanese title, which has no spaces.
    expect(titles('system')).toEqual(['Systems thinking', 'System of municipal bonds', 'Municipal system standardization']);
    expect(titles('システム 自治体')).toEqual(['自治体のシステム標準化']);
  });

  test('only the kinds asked for, at most `limit`, with the count of all; nothing for an empty query or a missing word', () => {
    expect(titles('scrapbox')).toEqual(['Scrapbox enthusiasts']);
    expect(titles('scrapbox', ['n'])).toEqual(['Scrapbox', 'Scrapbox tips', 'Scrapbox+GPT4']);
    expect(titles('scrapbox', [])).toEqual([]);
    expect(matcher.holdingEveryWord('system', 1, ['m'])).toMatchObject({ total: 3, matches: [{ title: 'Systems thinking', kind: 'm' }] });
    expect(matcher.holdingEveryWord('  ', 10, ['m'])).toEqual({ matches: [], total: 0 });
    expect(titles('municipal pizza')).toEqual([]);
  });

  test('holdingEveryWordBesides leaves out the pages the query names, and counts only the others', () => {
    const named = matcher.match('standardization', 5, { kinds: ['m'] });
    expect(named.map((match) => match.title)).toContain('standardization');
    const besides = holdingEveryWordBesides(matcher, named, 'standardization', 10, ['m']);
    expect(besides.matches.map((match) => match.title)).toEqual(
      titles('standardization').filter((title) => !named.some((match) => match.title === title)),
    );
    expect(besides.total).toBe(matcher.holdingEveryWord('standardization', 10, ['m']).total - named.filter((match) => holdsEveryWord(match.title, 'standardization')).length);
    // Named pages of a kind not asked for are not subtracted from the count.
    expect(holdingEveryWordBesides(matcher, named, 'standardization', 10, ['n']).total).toBe(matcher.holdingEveryWord('standardization', 10, ['n']).total);
  });

  test('holdsEveryWord decides as the matcher does', () => {
    expect(holdsEveryWord('Municipal system standardization', 'STANDARD municipal')).toBe(true);
    expect(holdsEveryWord('Municipal system standardization', 'municipal pizza')).toBe(false);
    expect(holdsEveryWord('Municipal system standardization', ' ')).toBe(false);
  });
});
