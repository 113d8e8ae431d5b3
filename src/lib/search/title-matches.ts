// Bundled for the browser: imports nothing from node:*.
/**
 * Which pages a query names, from the title list (`title-list.ts`), in the order the search
 * box offers them before full-text hits:
 * 1. the page whose title is the query under the link rules (case, `_`, spaces, Unicode
 *    form), then the note the query names by another name (file path, original title);
 * 2. pages whose title starts with the query, then notes whose other name does: notes before
 *    shared titles before missing titles, shorter titles first, then in code point order;
 * 3. pages whose title the query misspells (`typo-distance.ts`): fewest edits first, then
 *    the whole title before the start of one, then as in 2.
 * The same function ranks in the browser and in the test that queries every title of a site.
 *
 * `holdingEveryWord` finds titles by their words instead: each word of the query anywhere in
 * the title, in any order. Titles without a note are searched this way only, since their
 * pages are not in the full-text index (`pageForIndex`).
 */
import { MENTION_ID_PREFIX } from '../links/link-nodes.ts';
import { hrefForSlug, type NoteSlug } from '../titles/slugs.ts';
import { titleKey, type TitleKey } from '../titles/titles.ts';
import { holdsJapanese, typoAllowance, editDistance, typoEdits } from './typo-distance.ts';
import { pageSlug, TITLE_LIST_VERSION, type TitleListFile, type TitlePageKind } from './title-list.ts';

export interface TitleMatch {
  title: string;
  slug: NoteSlug;
  kind: TitlePageKind;
  /** The other name the query matched (an original title, a file path), if not the title. */
  name?: string;
  /** A title only one note links has no page (`slug` is the one it would have): the note, and the id of the mention in it. */
  mentionedIn?: { note: NoteSlug; id: string | undefined };
}

/** Where a match leads: its page, or for a title only one note links, its mention in that note. */
export function titleMatchHref(match: TitleMatch, base: string): string {
  if (!match.mentionedIn) return hrefForSlug(match.slug, base);
  const { note, id } = match.mentionedIn;
  return hrefForSlug(note, base) + (id ? `#${encodeURI(id)}` : '');
}

export interface MatchOptions {
  /** Only pages of these kinds. */
  kinds?: readonly TitlePageKind[] | undefined;
  /** Titles that start with the query (default true). */
  prefixes?: boolean;
  /** Titles the query misspells (default true); with `prefixes`, also starts of titles. */
  typos?: boolean;
}

export interface TitleMatcher {
  /** The pages the query names, best first, at most `limit`. */
  match(query: string, limit: number, options?: MatchOptions): TitleMatch[];
  /**
   * The word of a title closest to `word` within the typo allowance (`typoAllowance`), if
   * `word` is not itself one: fewest edits, then the word most titles hold, then code point order.
   */
  nearestTitleWord(word: string): string | undefined;
  /**
   * The pages whose title holds every word of the query (split at spaces, each word anywhere
   * in the title, in any order), of the given kinds, ranked as `match` ranks titles that start
   * with the query: the first `limit` of them, and how many there are.
   */
  holdingEveryWord(query: string, limit: number, kinds: readonly TitlePageKind[]): { matches: TitleMatch[]; total: number };
  readonly pageCount: number;
}

/** Whether a title holds every word of the query, as `TitleMatcher.holdingEveryWord` decides. */
export function holdsEveryWord(title: string, query: string): boolean {
  const words = queryWords(query);
  const key = titleKey(title);
  return words.length > 0 && words.every((word) => key.includes(word));
}

/**
 * The titles of the given kinds that hold every word of the query (`holdingEveryWord`, the
 * first `limit`), less the pages the query already names (`match`), and how many such titles
 * there are besides those named.
 */
export function holdingEveryWordBesides(
  titles: TitleMatcher,
  named: readonly TitleMatch[],
  query: string,
  limit: number,
  kinds: readonly TitlePageKind[],
): { matches: TitleMatch[]; total: number } {
  const holding = titles.holdingEveryWord(query, limit, kinds);
  const namedSlugs = new Set(named.map((match) => match.slug));
  const namedHolding = named.filter((match) => kinds.includes(match.kind) && holdsEveryWord(match.title, query)).length;
  return { matches: holding.matches.filter((match) => !namedSlugs.has(match.slug)), total: holding.total - namedHolding };
}

function queryWords(query: string): string[] {
  const key = titleKey(query);
  return key === '' ? [] : [...new Set(key.split(' '))];
}

const KIND_RANK: Record<TitlePageKind, number> = { n: 0, d: 1, m: 2 };

export function titleMatcher(file: TitleListFile): TitleMatcher {
  if (file.version !== TITLE_LIST_VERSION) throw new Error(`title list version ${String(file.version)}, expected ${TITLE_LIST_VERSION}`);
  const pageKeys = file.pages.map(([title]) => titleKey(title));
  const nameKeys = file.names.map(([name]) => titleKey(name));
  const pageByKey = new Map<TitleKey, number>(pageKeys.map((key, page) => [key, page]));
  const nameByKey = new Map<TitleKey, number>();
  nameKeys.forEach((key, name) => {
    if (!nameByKey.has(key)) nameByKey.set(key, name);
  });

  const slugOf = (page: number): NoteSlug => pageSlug(file, page);
  const toMatch = (page: number, name?: number): TitleMatch => {
    const [title, kind] = file.pages[page]!;
    const mention = file.mentions[page];
    const mentionedIn = mention && {
      note: typeof mention[0] === 'number' ? slugOf(mention[0]) : (mention[0] as NoteSlug),
      id: mention[1] > 0 ? `${MENTION_ID_PREFIX}${mention[1]}` : undefined,
    };
    return { title, slug: slugOf(page), kind, ...(name === undefined ? {} : { name: file.names[name]![0] }), ...(mentionedIn ? { mentionedIn } : {}) };
  };
  const byRank = (a: { page: number; key: TitleKey }, b: { page: number; key: TitleKey }) =>
    KIND_RANK[file.pages[a.page]![1]] - KIND_RANK[file.pages[b.page]![1]] ||
    a.key.length - b.key.length ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

  return {
    pageCount: file.pages.length,
    match(query, limit, { kinds, prefixes = true, typos = true } = {}) {
      const wanted = titleKey(query);
      if (wanted === '' || limit <= 0) return [];
      const allowed = (page: number) => !kinds || kinds.includes(file.pages[page]![1]);
      const found: TitleMatch[] = [];
      const taken = new Set<number>();
      const take = (page: number, name?: number) => {
        if (taken.has(page) || !allowed(page) || found.length >= limit) return;
        taken.add(page);
        found.push(toMatch(page, name));
      };
      const exactPage = pageByKey.get(wanted);
      if (exactPage !== undefined) take(exactPage);
      const exactName = nameByKey.get(wanted);
      if (exactName !== undefined) take(file.names[exactName]![1], exactName);
      if (found.length >= limit) return found;

      if (prefixes) {
        const starting = pageKeys.flatMap((key, page) => (key !== wanted && key.startsWith(wanted) ? [{ page, key }] : []));
        for (const { page } of starting.sort(byRank)) take(page);
        const namesStarting = nameKeys.flatMap((key, name) =>
          key !== wanted && key.startsWith(wanted) ? [{ page: file.names[name]![1], key, name }] : [],
        );
        for (const { page, name } of namesStarting.sort(byRank)) take(page, name);
      }
      if (!typos || found.length >= limit || holdsJapanese(wanted)) return found;

      const misspelt = pageKeys.flatMap((key, page) => {
        if (taken.has(page) || !allowed(page)) return [];
        const whole = typoEdits(wanted, key, false);
        const edits = whole ?? (prefixes ? typoEdits(wanted, key, true) : undefined);
        return edits === undefined ? [] : [{ page, key, edits, whole: whole !== undefined }];
      });
      misspelt.sort((a, b) => a.edits - b.edits || Number(b.whole) - Number(a.whole) || byRank(a, b));
      for (const { page } of misspelt) take(page);
      return found;
    },
    nearestTitleWord(word) {
      const wanted = titleKey(word);
      if (wanted === '' || wanted.includes(' ') || holdsJapanese(wanted)) return undefined;
      const titlesHolding = new Map<string, number>();
      for (const key of pageKeys) for (const part of new Set(key.split(' '))) titlesHolding.set(part, (titlesHolding.get(part) ?? 0) + 1);
      if (titlesHolding.has(wanted)) return undefined;
      let best: { word: string; edits: number; titles: number } | undefined;
      for (const [candidate, titles] of titlesHolding) {
        const allowed = typoAllowance(candidate);
        if (allowed === 0) continue;
        const edits = editDistance(wanted, candidate, allowed);
        if (edits > allowed) continue;
        if (!best || edits < best.edits || (edits === best.edits && (titles > best.titles || (titles === best.titles && candidate < best.word)))) {
          best = { word: candidate, edits, titles };
        }
      }
      return best?.word;
    },
    holdingEveryWord(query, limit, kinds) {
      const words = queryWords(query);
      if (words.length === 0) return { matches: [], total: 0 };
      const holding = pageKeys.flatMap((key, page) =>
        kinds.includes(file.pages[page]![1]) && words.every((word) => key.includes(word)) ? [{ page, key }] : [],
      );
      return { matches: holding.sort(byRank).slice(0, Math.max(limit, 0)).map(({ page }) => toMatch(page)), total: holding.length };
    },
  };
}
