import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildTitleList, type TitledPage, type TitleListFile } from '../../../src/lib/search/title-list.ts';
import { titleMatcher } from '../../../src/lib/search/title-matches.ts';
import { editDistance, typoAllowance, typoEdits } from '../../../src/lib/search/typo-distance.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { slugForKey } from '../../../src/lib/titles/slugs.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';

function listOf(notes: string[], missing: string[] = []): TitleListFile {
  const index = buildTitleIndex(notes.map((title, i) => ({ title, filePath: `${i}.md` })));
  const pages: TitledPage[] = [
    ...index.notes.map((ref) => ({ title: ref.title, slug: ref.slug, kind: 'note' as const, filePath: ref.filePath })),
    ...index.ambiguousTitles.map((shared) => ({ title: shared.title, slug: shared.slug, kind: 'disambiguation' as const })),
    ...missing.map((title) => ({ title, slug: slugForKey(titleKey(title)), kind: 'missing' as const })),
  ];
  return JSON.parse(JSON.stringify(buildTitleList(pages, index))) as TitleListFile;
}

/** The four typos a reader makes, at position `at` of `word` (which must be long enough). */
const TYPOS = {
  swap: (word: string, at: number) => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
  drop: (word: string, at: number) => word.slice(0, at) + word.slice(at + 1),
  double: (word: string, at: number) => word.slice(0, at + 1) + word.slice(at),
  replace: (word: string, at: number) => word.slice(0, at) + (word[at] === 'x' ? 'q' : 'x') + word.slice(at + 1),
};

describe('edit distance', () => {
  test.each([
    ['assumptions', 'assupmtions', 1],
    ['assumptions', 'asumptions', 1],
    ['assumptions', 'assumptionss', 1],
    ['assumptions', 'assxmptions', 1],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s: %i edits (a swap counts as one)', (a, b, edits) => {
    expect(editDistance(a, b, 5)).toBe(edits);
    expect(editDistance(b, a, 5)).toBe(edits);
  });

  test('gives up past the allowance, and measures against the closest start with prefixOfB', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('assupm', 'assumptions', 1, true)).toBe(1);
    expect(editDistance('assum', 'assumptions', 0, true)).toBe(0);
  });

  test('the allowance: none under 5 letters, 1 up to 8, 2 beyond; digits are not letters', () => {
    expect([typoAllowance('note'), typoAllowance('notes'), typoAllowance('notebook'), typoAllowance('notebooks')]).toEqual([0, 1, 1, 2]);
    expect(typoAllowance('2024-02-19')).toBe(0);
  });

  test('word by word, the last word typed may be the start of a word, Japanese never', () => {
    expect(typoEdits('subjective assupmtions', 'subjective assumptions', false)).toBe(1);
    expect(typoEdits('subjective assupm', 'subjective assumptions', false)).toBeUndefined();
    expect(typoEdits('subjective assupm', 'subjective assumptions', true)).toBe(1);
    expect(typoEdits('subjcetive assupmtions', 'subjective assumptions', false)).toBe(2);
    expect(typoEdits('nite', 'note', false)).toBeUndefined();
    expect(typoEdits('スクラップボクス', 'スクラップボックス', false)).toBeUndefined();
  });

  test('property: a distance is symmetric, zero exactly for equal words, and a typo is one edit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(), fc.constantFrom(...Object.values(TYPOS)), (a, b, at, typo) => {
        expect(editDistance(a, b, 30)).toBe(editDistance(b, a, 30));
        expect(editDistance(a, b, 30) === 0).toBe(a === b);
        const misspelt = typo(a, at % (a.length - 1));
        expect(editDistance(a, misspelt, 30)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('titles found despite a typo', () => {
  const file = listOf(
    ['Subjective assumptions', 'LangChain glossary', 'Unexplored Conference 2024 Poster', 'Assumption', 'Note', 'Notebook', 'スクラップボックス'],
    ['Subjective assumptions are everywhere'],
  );
  const matcher = titleMatcher(file);
  const titles = (query: string, limit = 10) => matcher.match(query, limit).map((match) => match.title);

  test.each([
    ['subjective assupmtions', 'Subjective assumptions'],
    ['Unepxlored Conference 2024 Poster', 'Unexplored Conference 2024 Poster'],
    ['LanCghain glossary', 'LangChain glossary'],
    ['langchain glosary', 'LangChain glossary'],
    ['Asumption', 'Assumption'],
  ])('%s finds %s first', (query, title) => {
    expect(titles(query)[0]).toBe(title);
  });

  test('after the exact title and the titles starting with the query; whole titles before starts of titles', () => {
    expect(titles('subjective assumptions')).toEqual(['Subjective assumptions', 'Subjective assumptions are everywhere']);
    expect(titles('subjective assupmtions')).toEqual(['Subjective assumptions', 'Subjective assumptions are everywhere']);
    expect(titles('subjective assupm')).toEqual(['Subjective assumptions', 'Subjective assumptions are everywhere']);
    expect(titles('notebok')).toEqual(['Notebook']);
  });

  test('short words, Japanese and the search page\'s whole-title matching are not stretched', () => {
    expect(titles('nite')).toEqual([]);
    expect(titles('スクラップボクス')).toEqual([]);
    expect(matcher.match('subjective assupm', 10, { prefixes: false }).map((match) => match.title)).toEqual([]);
    expect(matcher.match('subjective assupmtions', 10, { typos: false })).toEqual([]);
  });

  test('the nearest title word, for a query word no title holds', () => {
    expect(matcher.nearestTitleWord('glosary')).toBe('glossary');
    expect(matcher.nearestTitleWord('glossary')).toBeUndefined();
    expect(matcher.nearestTitleWord('zzzzzzz')).toBeUndefined();
  });

  const word = fc.stringMatching(/^[a-z]{3,11}$/);
  const titleOf = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

  test('property: a title typed exactly ranks first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(titleOf, { minLength: 1, maxLength: 12, selector: titleKey }), fc.nat(), (all, pick) => {
        const title = all[pick % all.length]!;
        expect(titleMatcher(listOf(all)).match(title, 5)[0]?.title).toBe(title);
      }),
    );
  });

  test('property: a one-edit typo in a word of 5 letters or more finds its title in the first five', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(titleOf, { minLength: 1, maxLength: 12, selector: titleKey }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...Object.keys(TYPOS)),
        (all, pick, wordAt, at, kind) => {
          const title = all[pick % all.length]!;
          const words = title.split(' ');
          const long = words.flatMap((w, i) => (w.length >= 5 ? [i] : []));
          fc.pre(long.length > 0);
          const target = long[wordAt % long.length]!;
          words[target] = TYPOS[kind as keyof typeof TYPOS](words[target]!, at % (words[target]!.length - 1));
          const query = titleKey(words.join(' '));
          // Titles that start with the typo come first, by design.
          fc.pre(!all.some((other) => other !== title && titleKey(other).startsWith(query)));
          const found = titleMatcher(listOf(all)).match(query, 5).map((match) => match.title);
          expect(found).toContain(title);
        },
      ),
    );
  });
});
