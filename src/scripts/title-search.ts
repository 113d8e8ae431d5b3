/**
 * The title list in the browser, in pieces (lib/search/title-pieces.ts): `/titles/index.json`
 * when search is first used, then the few pieces each query needs, each fetched once, merged
 * and matched (lib/search/title-matches.ts). Without them (an old build, a failed fetch)
 * search goes on with full-text hits only.
 */
import { TITLE_LIST_VERSION, type TitleListFile } from '../lib/search/title-list.ts';
import type { TitleMatcher } from '../lib/search/title-matches.ts';
import { matcherForQuery, piecesForQuery, type TitlePieceIndex } from '../lib/search/title-pieces.ts';

let index: Promise<TitlePieceIndex | undefined> | undefined;
const pieces = new Map<number, Promise<TitleListFile>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Where each piece starts: fetched once, e.g. when the search box gets focus. */
export function loadTitleIndex(base: string): Promise<TitlePieceIndex | undefined> {
  index ??= fetchJson<TitlePieceIndex>(`${base}titles/index.json`)
    .then((file) => {
      if (file.version !== TITLE_LIST_VERSION) throw new Error(`title pieces version ${String(file.version)}, expected ${TITLE_LIST_VERSION}`);
      return file;
    })
    .catch((error: unknown) => {
      console.error('Search by title is off:', error);
      return undefined;
    });
  return index;
}

/** The titles a query can match, from the pieces it needs. */
export async function titlesFor(base: string, query: string): Promise<TitleMatcher | undefined> {
  const starts = await loadTitleIndex(base);
  if (!starts) return undefined;
  try {
    const needed = piecesForQuery(starts, query);
    const loaded = await Promise.all(
      needed.map((at) => {
        let piece = pieces.get(at);
        if (!piece) {
          piece = fetchJson<TitleListFile>(`${base}titles/${at}.json`);
          pieces.set(at, piece);
          piece.catch(() => pieces.delete(at));
        }
        return piece;
      }),
    );
    return matcherForQuery(starts, query, (at) => loaded[needed.indexOf(at)]!);
  } catch (error) {
    console.error('Search by title failed:', error);
    return undefined;
  }
}
