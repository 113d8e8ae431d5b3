import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listedWords, nearestWord, splitWordList, withReplacements, wordPiecesFor, wordsToCheck, type WordEntry } from '../../../src/lib/search/word-list.ts';

/** What the browser does: the pieces a word needs, through JSON, then the nearest word in them. */
function nearestFromPieces(pagesHolding: Map<string, number>, word: string, perPiece: number): string | undefined {
  const { index, pieces } = JSON.parse(JSON.stringify(splitWordList(pagesHolding, perPiece))) as ReturnType<typeof splitWordList>;
  return nearestWord(word, wordPiecesFor(index, word).flatMap((at) => pieces[at]!));
}

const TYPOS = [
  (w: string, at: number) => w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2),
  (w: string, at: number) => w.slice(0, at) + w.slice(at + 1),
  (w: string, at: number) => w.slice(0, at + 1) + w.slice(at),
  (w: string, at: number) => w.slice(0, at) + (w[at] === 'z' ? 'q' : 'z') + w.slice(at + 1),
];

describe('the index\'s words in pieces', () => {
  test('a page\'s words: text only, lowercased, 5 letters or more, no Japanese, no markup or entities', () => {
    const html = '<html lang="en"><body><article data-pagefind-body><h1 title="Attribute">Tacit Knowledge</h1><p>It&nbsp;is hard&amp;nbsp; to put into words: 暗黙知 <a href="/notes/elsewhere/">elsewhere</a>.</p><script>const hidden = 1;</script></article></body></html>';
    expect([...listedWords(html)].sort()).toEqual(['elsewhere', 'knowledge', 'tacit', 'words']);
  });

  test('the words of a query to check, and the query with some of them replaced, the rest as typed', () => {
    const term = 'that we are Self-detemrined. Visual studio, 暗黙知 detemrined';
    expect(wordsToCheck(term)).toEqual(['detemrined', 'visual', 'studio']);
    expect(withReplacements(term, new Map([['detemrined', 'determined']]))).toBe('that we are Self-determined. Visual studio, 暗黙知 determined');
    expect(wordsToCheck('"an exact phrase"')).toEqual([]);
  });

  test('the nearest word: fewest edits, then the word more pages hold; none for a listed word or one too far', () => {
    const entries: WordEntry[] = [['knowledge', 3], ['knowledgd', 1], ['acknowledge', 9], ['pattern', 2], ['patterns', 5]];
    expect(nearestWord('knowlegde', entries)).toBe('knowledge');
    expect(nearestWord('Pattrens', entries)).toBe('patterns');
    expect(nearestWord('pattenr', entries)).toBe('pattern');
    expect(nearestWord('knowledge', entries)).toBeUndefined();
    expect(nearestWord('zzzzzzzz', entries)).toBeUndefined();
  });

  test('property: a one-edit typo of a listed word finds it (or a word as near) from the few pieces it loads', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{5,12}$/), { minLength: 1, maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.integer({ min: 2, max: 30 }),
        (words, pick, at, typo, perPiece) => {
          const pagesHolding = new Map(words.map((word, i) => [word, (i % 7) + 1]));
          const word = words[pick % words.length]!;
          const misspelt = TYPOS[typo]!(word, at % (word.length - 1));
          fc.pre(misspelt !== word && !pagesHolding.has(misspelt));
          const all = [...pagesHolding.entries()];
          expect(nearestFromPieces(pagesHolding, misspelt, perPiece)).toBe(nearestWord(misspelt, all));
          expect(nearestWord(misspelt, all)).toBeDefined();
        },
      ),
    );
  });
});
