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
/**
 * A typo among the first this many characters of a title's first word is found by a route
 * that drops it; one further on, by the query's routes landing next to the title's.
 */
export const TYPO_POSITIONS = 12;
/** A piece next to a query's route is loaded too when its edge shares this many characters with the route. */
const NEAR_EDGE = 3;
/** Routes from at most this many words of a key. */
const WORD_ROUTES = 8;

export interface TitlePieceIndex {
  version: typeof TITLE_LIST_VERSION;
  /** The first route of each piece (shortened to what tells it from the previous piece's last). */
  starts: string[];
}

/**
 * The routes of a key: `near`, the key and the rest of it from each later word of 3 letters
 * or more (in a query, from the first such word only); `dropped`, the key with one character of its first word dropped (each of its
 * first `TYPO_POSITIONS`), when that word may be misspelt: of 5 letters or more in a title
 * (`typoAllowance`), of 4 or more in a query (a 5-letter word with one dropped).
 */
export function routesOfKey(key: string, query = false): { near: string[]; dropped: string[] } {
  if (key === '') return { near: [], dropped: [] };
  const near = new Set<string>([key]);
  let words = 0;
  // A query needs one: a typo in its first word leaves that route as the title's, one further
  // on leaves the key's start as the title's.
  const wordRoutes = query ? 1 : WORD_ROUTES;
  for (let at = key.indexOf(' '); at !== -1 && words < wordRoutes; at = key.indexOf(' ', at + 1)) {
    const rest = key.slice(at + 1);
    const word = rest.split(' ')[0]!;
    if ([...word].length >= 3) {
      near.add(rest);
      words++;
    }
  }
  const dropped = new Set<string>();
  const first = [...key.split(' ')[0]!];
  // A query with a later word of 3 letters or more finds a title whose first word it misspells
  // by that word's route: only a query without one needs the dropped routes.
  const mayBeMisspelt = !holdsJapanese(key) && (query ? first.length >= 4 && near.size === 1 : typoAllowance(first.join('')) > 0);
  if (mayBeMisspelt) {
    const chars = [...key];
    for (let i = 0; i < Math.min(TYPO_POSITIONS, first.length); i++) {
      const route = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
      if (!near.has(route)) dropped.add(route);
    }
  }
  return { near: [...near], dropped: [...dropped] };
}

/** Every route of a key (`routesOfKey`), as the pieces file it. */
export function routesOf(key: string, query = false): string[] {
  const { near, dropped } = routesOfKey(key, query);
  return [...near, ...dropped];
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

  const { starts, groups } = cutRoutes(routed, routesPerPiece);
  const pieces = groups.map((group) => {
    const piece: TitleListFile = { version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [], mentions: {} };
    const position = new Map<number, number>();
    const add = (page: number) => {
      let at = position.get(page);
      if (at === undefined) {
        at = piece.pages.length;
        position.set(page, at);
        piece.pages.push(file.pages[page]!);
        if (file.slugs[page] !== undefined) piece.slugs[at] = file.slugs[page];
        const mention = file.mentions[page];
        // The mentioning note by its slug: it need not be in this piece.
        if (mention) piece.mentions[at] = [typeof mention[0] === 'number' ? pageSlug(file, mention[0]) : mention[0], mention[1]];
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
  return { index: { version: TITLE_LIST_VERSION, starts: starts.length === 0 ? [''] : starts }, pieces: pieces.length === 0 ? [{ version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [], mentions: {} }] : pieces };
}

/**
 * Routed items, sorted by route in code unit order, cut into groups of about `perPiece`,
 * never between equal routes; `starts` holds each group's first route, shortened to what
 * tells it from the previous group's last (the first group starts at '').
 */
export function cutRoutes<T extends { route: string }>(routed: readonly T[], perPiece: number): { starts: string[]; groups: T[][] } {
  const starts: string[] = [];
  const groups: T[][] = [];
  for (let i = 0; i < routed.length; ) {
    let end = Math.min(i + perPiece, routed.length);
    while (end < routed.length && routed[end]!.route === routed[end - 1]!.route) end++;
    starts.push(groups.length === 0 ? '' : shortestAbove(routed[i - 1]!.route, routed[i]!.route));
    groups.push(routed.slice(i, end));
    i = end;
  }
  return { starts, groups };
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
export function pieceOf(starts: readonly string[], route: string): number {
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
 * The pieces that hold the routes of a key (a query's, or a word's): for each route that drops
 * a character, its piece (a title one edit away has that very route); for the key and the
 * rest of it from each later word, the piece where it would be filed and the pieces next to
 * it when they begin or end with the same first characters (a title one edit away, after
 * those characters, sorts next to it), and the next piece while it still holds keys that
 * start with the query's (titles that start with what was typed).
 */
export function piecesForKey(starts: readonly string[], key: string): number[] {
  const needed = new Set<number>();
  const { near, dropped } = routesOfKey(key, true);
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  for (const route of near) {
    const piece = pieceOf(starts, route);
    needed.add(piece);
    const start = starts[piece]!;
    const next = starts[piece + 1];
    if (piece > 0 && shared(route, start) >= Math.min(NEAR_EDGE, route.length)) needed.add(piece - 1);
    if (next !== undefined && (shared(route, next) >= Math.min(NEAR_EDGE, route.length) || (route === key && next.startsWith(key)))) needed.add(piece + 1);
  }
  for (const route of dropped) needed.add(pieceOf(starts, route));
  return [...needed];
}

/** The pieces a query needs (`piecesForKey`). */
export function piecesForQuery(index: TitlePieceIndex, query: string): number[] {
  return piecesForKey(index.starts, titleKey(query));
}

/** Title lists (pieces) as one, each page once: what a query matches against. */
export function mergeTitleLists(files: readonly TitleListFile[]): TitleListFile {
  const merged: TitleListFile = { version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [], mentions: {} };
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
        const mention = file.mentions[page];
        if (mention) merged.mentions[at] = [typeof mention[0] === 'number' ? pageSlug(file, mention[0]) : mention[0], mention[1]];
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
