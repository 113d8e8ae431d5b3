// Bundled for the browser: imports nothing from node:*.
/**
 * The words of the full-text index, in pieces (`pagefind/words/`), for a query word that no
 * page holds: the browser loads the few pieces that can hold a word one or two edits from it
 * and searches the nearest instead (`nearestWord`), so a misspelt rare word still finds its
 * page where Pagefind, which matches words as typed or by their start, finds none.
 *
 * Only words of 5 letters or more, not Japanese: shorter words are allowed no typo
 * (`typoAllowance`), and Japanese has no such typos. Each word is filed under the routes of a
 * title (`routesOf`): itself and, for each of its first characters, itself without it, so a
 * word one edit away shares a route with it. A piece is a list of [word, pages holding it].
 */
import { cutRoutes, piecesForKey, routesOf } from './title-pieces.ts';
import { editDistance, holdsJapanese, typoAllowance } from './typo-distance.ts';

export const WORD_LIST_VERSION = 1;
/** Routes per piece, about. */
export const WORD_PIECE_ROUTES = 400;
/** The folder, inside Pagefind's, that holds the word list. */
export const WORD_LIST_FOLDER = 'words/';

export interface WordPieceIndex {
  version: typeof WORD_LIST_VERSION;
  starts: string[];
}

/** [word, how many pages hold it] */
export type WordEntry = [string, number];

const TAG_OR_TEXT = /(<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>)/i;

/** The words a page of the index (what Pagefind gets of it, `pageForIndex`) holds, as the list keeps them. */
export function listedWords(html: string): Set<string> {
  const words = new Set<string>();
  html.split(TAG_OR_TEXT).forEach((part, i) => {
    if (i % 2 === 1) return;
    for (const word of part.replace(/&[#\w]+;/g, ' ').toLowerCase().normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
      if (typoAllowance(word) > 0 && !holdsJapanese(word)) words.add(word);
    }
  });
  return words;
}

/** The word list cut into pieces, from how many pages hold each word. */
export function splitWordList(pagesHolding: ReadonlyMap<string, number>, perPiece = WORD_PIECE_ROUTES): { index: WordPieceIndex; pieces: WordEntry[][] } {
  const routed: { route: string; word: string }[] = [];
  for (const word of pagesHolding.keys()) for (const route of routesOf(word)) routed.push({ route, word });
  routed.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const { starts, groups } = cutRoutes(routed, perPiece);
  const pieces = groups.map((group) => [...new Set(group.map(({ word }) => word))].map((word): WordEntry => [word, pagesHolding.get(word)!]));
  return { index: { version: WORD_LIST_VERSION, starts: starts.length === 0 ? [''] : starts }, pieces: pieces.length === 0 ? [[]] : pieces };
}

/** The pieces that hold every word one typo from `word` (and `word` itself). */
export function wordPiecesFor(index: WordPieceIndex, word: string): number[] {
  return piecesForKey(index.starts, word.toLowerCase().normalize('NFC'));
}

/**
 * The listed word nearest to `word` within the typo allowance (of the listed word), if `word`
 * is not listed itself: fewest edits, then the word most pages hold, then code point order.
 */
export function nearestWord(word: string, entries: readonly WordEntry[]): string | undefined {
  const wanted = word.toLowerCase().normalize('NFC');
  if (entries.some(([listed]) => listed === wanted)) return undefined;
  let best: { word: string; edits: number; pages: number } | undefined;
  for (const [listed, pages] of entries) {
    const allowed = typoAllowance(listed);
    const edits = editDistance(wanted, listed, allowed);
    if (edits > allowed) continue;
    if (!best || edits < best.edits || (edits === best.edits && (pages > best.pages || (pages === best.pages && listed < best.word)))) {
      best = { word: listed, edits, pages };
    }
  }
  return best?.word;
}

const LETTER_RUN = /[\p{L}\p{M}]+/gu;

/** The words of a query that could be misspelt listed words: its runs of letters as `listedWords` finds them, once each. */
export function wordsToCheck(term: string): string[] {
  if (/^\s*".*"\s*$/u.test(term)) return [];
  const found = new Set<string>();
  for (const [run] of term.matchAll(LETTER_RUN)) {
    const word = run.toLowerCase().normalize('NFC');
    if (typoAllowance(word) > 0 && !holdsJapanese(word)) found.add(word);
  }
  return [...found];
}

/** The query with each run of letters that `replacements` names (as `wordsToCheck` gives it) replaced. */
export function withReplacements(term: string, replacements: ReadonlyMap<string, string>): string {
  return term.replace(LETTER_RUN, (run) => replacements.get(run.toLowerCase().normalize('NFC')) ?? run);
}
