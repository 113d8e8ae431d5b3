import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildTitleList, pageSlug, type TitledPage, type TitleListFile } from '../../../src/lib/search/title-list.ts';
import { titleMatcher, titleMatchHref } from '../../../src/lib/search/title-matches.ts';
import { mergeTitleLists, piecesForQuery, routesOf, splitTitleList } from '../../../src/lib/search/title-pieces.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { slugForKey } from '../../../src/lib/titles/slugs.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';

function listOf(notes: { title: string; originalTitles?: string[] }[], missing: string[] = []): TitleListFile {
  const index = buildTitleIndex(notes.map((note, i) => ({ ...note, filePath: `${i}.md` })));
  const pages: TitledPage[] = [
    ...index.notes.map((ref, i) => ({ title: ref.title, slug: ref.slug, kind: 'note' as const, filePath: ref.filePath, originalTitles: notes[i]!.originalTitles ?? [] })),
    ...index.ambiguousTitles.map((shared) => ({ title: shared.title, slug: shared.slug, kind: 'disambiguation' as const })),
    ...missing.map((title) => ({ title, slug: slugForKey(titleKey(title)), kind: 'missing' as const })),
  ];
  return JSON.parse(JSON.stringify(buildTitleList(pages, index))) as TitleListFile;
}

/** What the browser does: the pieces the query needs, merged, matched. */
function matchInPieces(file: TitleListFile, query: string, limit: number, routesPerPiece: number) {
  const { index, pieces } = splitTitleList(file, routesPerPiece);
  const loaded = piecesForQuery(JSON.parse(JSON.stringify(index)), query).map((at) => JSON.parse(JSON.stringify(pieces[at]!)) as TitleListFile);
  return { matches: titleMatcher(mergeTitleLists(loaded)).match(query, limit), loaded: loaded.length, pieces: pieces.length };
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'assumption', 'subjective', 'conference', 'poster', 'of', 'the', 'notebook', 'glossary', 'langchain', 'x'];

describe('the title list in pieces', () => {
  const many = Array.from({ length: 400 }, (_, i) => ({ title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}` }));
  const file = listOf([...many, { title: 'Scrapbox', originalTitles: ['スクラップボックス'] }, { title: 'CON' }, { title: 'Langchain' }], ['Subjective assumptions']);

  test('routes: the key, the rest from each word of 3 letters or more, and the key with a letter of its first word dropped', () => {
    expect(routesOf('langchain of glossary')).toEqual([
      'langchain of glossary',
      'glossary',
      ...[...'langchain'].map((_, i) => `${'langchain'.slice(0, i)}${'langchain'.slice(i + 1)} of glossary`),
    ]);
    expect(routesOf('note of x')).toEqual(['note of x']);
    expect(routesOf('note', true)).toEqual(['note', 'ote', 'nte', 'noe', 'not']);
    // A query routes by its first later word only, and drops letters only when it has none.
    expect(routesOf('langchain of glossary and more', true)).toEqual(['langchain of glossary and more', 'glossary and more']);
    expect(routesOf('スクラップボックス')).toEqual(['スクラップボックス']);
  });

  test('every page is in some piece with its slug, and a query loads a few pieces of many', () => {
    const { index, pieces } = splitTitleList(file, 40);
    expect(pieces.length).toBeGreaterThan(20);
    expect(index.starts).toHaveLength(pieces.length);
    expect(index.starts[0]).toBe('');
    const merged = mergeTitleLists(pieces);
    const slugs = (list: TitleListFile) => new Set(list.pages.map((_, page) => pageSlug(list, page)));
    expect(slugs(merged)).toEqual(slugs(file));
    expect(merged.pages).toHaveLength(file.pages.length);
    expect(matchInPieces(file, 'subjective assupmtions', 5, 40).loaded).toBeLessThanOrEqual(8);
  });

  test.each([
    ['CON', 'CON'],
    ['スクラップボックス', 'Scrapbox'],
    ['langcahin', 'Langchain'],
    ['lnagchain', 'Langchain'],
    ['subjective assupmtions', 'Subjective assumptions'],
    ['sbujective assumptions', 'Subjective assumptions'],
    ['epsilon langchain 4', 'epsilon langchain 4'],
    ['epsilon langchian 4', 'epsilon langchain 4'],
  ])('%s finds %s first from the pieces it loads', (query, title) => {
    const first = matchInPieces(file, query, 5, 40).matches[0];
    expect(first?.title).toBe(title);
    expect(first?.slug).toBe(slugForKey(titleKey(title)));
  });

  test('a query that is the start of many titles still finds some of them', () => {
    expect(matchInPieces(file, 'a', 5, 40).matches).toHaveLength(5);
  });

  const word = fc.stringMatching(/^[a-z]{1,10}$/);
  const title = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
  const TYPOS = [
    (w: string, at: number) => w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2),
    (w: string, at: number) => w.slice(0, at) + w.slice(at + 1),
    (w: string, at: number) => w.slice(0, at + 1) + w.slice(at),
    (w: string, at: number) => w.slice(0, at) + (w[at] === 'x' ? 'q' : 'x') + w.slice(at + 1),
  ];

  test('property: from its pieces, every title is found first, and a one-edit typo in any of its words finds it as the whole list does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(title, { minLength: 1, maxLength: 60, selector: titleKey }), fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 3 }), fc.integer({ min: 2, max: 12 }), (all, pick, wordAt, at, typo, size) => {
        const list = listOf(all.map((t) => ({ title: t })));
        const chosen = all[pick % all.length]!;
        expect(matchInPieces(list, chosen, 1, size).matches[0]?.title).toBe(chosen);
        const words = chosen.split(' ');
        const w = wordAt % words.length;
        fc.pre(words[w]!.length >= 5);
        words[w] = TYPOS[typo]!(words[w]!, at % (words[w]!.length - 1));
        const query = words.join(' ');
        const whole = titleMatcher(list).match(query, 5).map((match) => match.title);
        fc.pre(whole.includes(chosen));
        expect(matchInPieces(list, query, 5, size).matches.map((match) => match.title)).toContain(chosen);
      }),
    );
  });
});

describe('titles only one note links, in pieces', () => {
  test('lead to their mention from whichever piece holds them, the mentioning note in it or not', () => {
    const notes = Array.from({ length: 300 }, (_, i) => ({ title: `${WORDS[i % WORDS.length]} note ${i}`, filePath: `${i}.md` }));
    const index = buildTitleIndex(notes);
    const host = index.notes[7]!;
    const pages: TitledPage[] = [
      ...index.notes.map((ref) => ({ title: ref.title, slug: ref.slug, kind: 'note' as const, filePath: ref.filePath })),
      { title: 'Zettelkasten lover', slug: slugForKey(titleKey('Zettelkasten lover')), kind: 'missing', mentionedIn: { note: host.slug, id: 'mention:3' } },
    ];
    const file = JSON.parse(JSON.stringify(buildTitleList(pages, index))) as TitleListFile;
    const { matches, pieces } = matchInPieces(file, 'zettelkasten lover', 1, 20);
    expect(pieces).toBeGreaterThan(5);
    expect(matches[0]).toMatchObject({ title: 'Zettelkasten lover', mentionedIn: { note: host.slug, id: 'mention:3' } });
    expect(titleMatchHref(matches[0]!, '/')).toBe(`/notes/${host.slug}/#mention:3`);
  });
});
