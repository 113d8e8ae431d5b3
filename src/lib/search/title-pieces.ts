// Bundled for the browser: imports nothing from node:*.
/**
 * The title list in pieces, so that a query downloads only the few titles it can match
 * instead of every title of the site (`/titles.json`, 2.8 MB at 58,000 titles).
 *
 * Every title key is filed under a few *routes*: the key itself (what a title or the start of
 * one finds), the rest of the key from each later word of at least 3 letters (what a title
 * with a misspelt first word, or a title holding the query's words, is found by), and, when
 * its first word may be misspelt (`typoAllowance`), the key with one of its first
 * `TYPO_POSITIONS` characters dropped. A query is routed the same way, so that a title one
 * edit away from it shares a route with it: both drop the edited (or one of the swapped)
 * characters. Routes sorted in code unit order are cut into pieces of about `PIECE_ROUTES`
 * routes, never between equal routes; `/titles/index.json` lists where each piece starts.
 * A route finds its piece, and a query's start finds the piece that holds the titles starting
 * with it (or the first two pieces, when more pieces hold them: a query of a letter or two).
 *
 * Each piece is a title list (`TitleListFile`) of its own, with the slugs it needs; the pieces
 * a query loads are merged (`mergeTitleLists`) and matched as the whole list would be.
 */
import { titleKey } from '../titles/titles.ts';
import { pageSlug, TITLE_LIST_VERSION, type TitleListFile } from './title-list.ts';
import { titleMatcher, type TitleMatcher } from './title-matches.ts';
import { holdsJapanese, typoAllowance } from './typo-distance.ts';

/** Routes per piece, about. */
export const PIECE_ROUTES = 160;
/** A typo among the first this many characters of a title's first word is found by routing. */
export const TYPO_POSITIONS = 4;
/** Routes from at most this many words of a key. */
const WORD_ROUTES = 8;

export interface TitlePieceIndex {
  version: typeof TITLE_LIST_VERSION;
  /** The first route of each piece (shortened to what tells it from the previous piece's last). */
  starts: string[];
}

/**
 * The routes of a title key (`query` false) or of a query's key (`query` true: a word of 4
 * letters may be a 5-letter word with one dropped).
 */
export function routesOf(key: string, query = false): string[] {
  if (key === '') return [];
  const routes = new Set<string>([key]);
  let words = 0;
  for (let at = key.indexOf(' '); at !== -1 && words < WORD_ROUTES; at = key.indexOf(' ', at + 1)) {
    const rest = key.slice(at + 1);
    const word = rest.split(' ')[0]!;
    if ([...word].length >= 3) {
      routes.add(rest);
      words++;
    }
  }
  const first = [...key.split(' ')[0]!];
  const mayBeMisspelt = !holdsJapanese(key) && (query ? first.length >= 4 : typoAllowance(first.join('')) > 0);
  if (mayBeMisspelt) {
    const chars = [...key];
    for (let i = 0; i < Math.min(TYPO_POSITIONS, first.length); i++) routes.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  }
  return [...routes];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The whole list cut into pieces, and the index of where each starts. */
export function splitTitleList(file: TitleListFile, routesPerPiece = PIECE_ROUTES): { index: TitlePieceIndex; pieces: TitleListFile[] } {
  // Each route points to a page, or to a name (and so to its page).
  const routed: { route: string; page: number; name?: number }[] = [];
  file.pages.forEach(([title], page) => {
    for (const route of routesOf(titleKey(title))) routed.push({ route, page });
  });
  file.names.forEach(([name, page], at) => {
    for (const route of routesOf(titleKey(name))) routed.push({ route, page, name: at });
  });
  routed.sort((a, b) => byCodeUnit(a.route, b.route) || a.page - b.page || (a.name ?? -1) - (b.name ?? -1));

  const starts: string[] = [];
  const groups: (typeof routed)[] = [];
  for (let i = 0; i < routed.length; ) {
    let end = Math.min(i + routesPerPiece, routed.length);
    while (end < routed.length && routed[end]!.route === routed[end - 1]!.route) end++;
    starts.push(groups.length === 0 ? '' : shortestAbove(routed[i - 1]!.route, routed[i]!.route));
    groups.push(routed.slice(i, end));
    i = end;
  }
  const pieces = groups.map((group) => {
    const piece: TitleListFile = { version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [] };
    const position = new Map<number, number>();
    const add = (page: number) => {
      let at = position.get(page);
      if (at === undefined) {
        at = piece.pages.length;
        position.set(page, at);
        piece.pages.push(file.pages[page]!);
        if (file.slugs[page] !== undefined) piece.slugs[at] = file.slugs[page];
      }
      return at;
    };
    const names = new Set<number>();
    for (const { page, name } of group) {
      const at = add(page);
      if (name !== undefined && !names.has(name)) {
        names.add(name);
        piece.names.push([file.names[name]![0], at]);
      }
    }
    return piece;
  });
  return { index: { version: TITLE_LIST_VERSION, starts: starts.length === 0 ? [''] : starts }, pieces: pieces.length === 0 ? [{ version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [] }] : pieces };
}

/** The shortest start of `next` that sorts after `previous` (`previous` < `next`). */
function shortestAbove(previous: string, next: string): string {
  for (let length = 1; length < next.length; length++) {
    const start = next.slice(0, length);
    if (start > previous) return start;
  }
  return next;
}

/** The piece a route is filed in: the last that starts at or before it. */
function pieceOf(starts: readonly string[], route: string): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= route) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The pieces a query needs, in the order of its routes: each route's piece, and for the query
 * itself also the next piece when that one still holds titles starting with the query.
 */
export function piecesForQuery(index: TitlePieceIndex, query: string): number[] {
  const key = titleKey(query);
  const needed = new Set<number>();
  for (const route of routesOf(key, true)) {
    const piece = pieceOf(index.starts, route);
    needed.add(piece);
    if (route === key && index.starts[piece + 1]?.startsWith(key)) needed.add(piece + 1);
  }
  return [...needed];
}

/** Title lists (pieces) as one, each page once: what a query matches against. */
export function mergeTitleLists(files: readonly TitleListFile[]): TitleListFile {
  const merged: TitleListFile = { version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [] };
  const position = new Map<string, number>();
  const names = new Set<string>();
  for (const file of files) {
    const local = file.pages.map(([title, kind], page) => {
      const slug = pageSlug(file, page);
      let at = position.get(slug);
      if (at === undefined) {
        at = merged.pages.length;
        position.set(slug, at);
        merged.pages.push([title, kind]);
        if (file.slugs[page] !== undefined) merged.slugs[at] = file.slugs[page];
      }
      return at;
    });
    for (const [name, page] of file.names) {
      const at = local[page]!;
      const id = `${at}\u0000${name}`;
      if (names.has(id)) continue;
      names.add(id);
      merged.names.push([name, at]);
    }
  }
  return merged;
}

/** The matcher for a query over the pieces it needs, as the browser makes it (`piece` gives a piece by number). */
export function matcherForQuery(index: TitlePieceIndex, query: string, piece: (at: number) => TitleListFile): TitleMatcher {
  return titleMatcher(mergeTitleLists(piecesForQuery(index, query).map(piece)));
}
