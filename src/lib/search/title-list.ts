// Bundled for the browser: imports nothing from node:*.
/**
 * The title list (`/titles.json`): every page a title reaches, and the other names the link
 * rules give notes (file paths, Japanese original titles), in one small file that the search
 * box loads once. With it a query that is a page's title finds that page first, whatever
 * characters the title holds, and titles that start with the query are offered as the reader
 * types (Scrapbox's "jump to page"), before any full-text hit (see `title-matches.ts`).
 *
 * A page's URL is not stored when it is the one its title gives without a hash
 * (`plainSlugForKey`): the browser works it out for the few hits it shows. URLs with a hash
 * are stored, so that the browser needs no SHA-256.
 *
 * A title without a note that only one note links has no page: it is listed all the same,
 * and leads to its mention in that note.
 */
import { MENTION_ID_PREFIX } from '../links/link-nodes.ts';
import { plainSlugForKey, type NoteSlug } from '../titles/slugs.ts';
import { titleKey, type TitleKey } from '../titles/titles.ts';
import type { TitleIndex } from '../titles/title-index.ts';

/** 2: every slug with a hash is stored (issue 29). 3: titles only one note links, with where they are mentioned (issue 30). */
export const TITLE_LIST_VERSION = 3;

/** `n` a note, `d` a title several notes share (its page lists them), `m` a title with no note yet. */
export type TitlePageKind = 'n' | 'd' | 'm';

export interface TitleListFile {
  version: typeof TITLE_LIST_VERSION;
  /** [title, kind], one per page a title reaches, in slug order. */
  pages: [string, TitlePageKind][];
  /** Page index → slug, for the pages whose slug is not `plainSlugForKey(titleKey(title))`. */
  slugs: Record<string, string>;
  /** [name, page index]: a note's other names under the link rules (file path, original title). */
  names: [string, number][];
  /**
   * Page index → [the note that mentions it: its page index, or its slug where the note is not
   * listed; the number of the mention's id (`mention:N`), 0 for the note's top], for the titles
   * without a note that only one note links: they have no page, their hit leads to the mention
   * (`lib/links/single-mentions.ts`). Numbers, so the 11,500 of nishio-en add 0.2 MB, not 0.7.
   */
  mentions: Record<string, [number | string, number]>;
}

/**
 * The slug of a listed page, where a search hit on it leads: the one stored, or the one its
 * title gives. The one place that says where a title list's entry goes.
 */
export function pageSlug(file: TitleListFile, page: number): NoteSlug {
  // The list spells out every slug with a hash (`buildTitleList`).
  return ((file.slugs[page] as NoteSlug | undefined) ?? plainSlugForKey(titleKey(file.pages[page]![0])))!;
}

/** A page as the build knows it. */
export interface TitledPage {
  title: string;
  slug: NoteSlug;
  kind: 'note' | 'disambiguation' | 'missing';
  /** A note's file path and original titles, which name it where no title does. */
  filePath?: string;
  originalTitles?: readonly string[];
  /** A missing title only one note links: it has no page of its own; this is where it is mentioned. */
  mentionedIn?: { note: NoteSlug; id?: string | undefined };
}

const KIND_CODES = { note: 'n', disambiguation: 'd', missing: 'm' } as const;

/**
 * The file for the built pages. Notes that share a title are left out: their title reaches the
 * page that lists them. `index` is the link rules' index of note names, so a name is listed
 * exactly when a `[[link]]` of it reaches the note.
 */
export function buildTitleList(pages: readonly TitledPage[], index: TitleIndex): TitleListFile {
  const listed = pages
    .filter((page) => page.kind !== 'note' || index.noteByKey(titleKey(page.title))?.slug === page.slug)
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const file: TitleListFile = { version: TITLE_LIST_VERSION, pages: [], slugs: {}, names: [], mentions: {} };
  const notePositions = new Map(listed.flatMap((page, position) => (page.kind === 'note' ? [[page.slug, position] as const] : [])));
  listed.forEach((page, position) => {
    file.pages.push([page.title, KIND_CODES[page.kind]]);
    if (plainSlugForKey(titleKey(page.title)) !== page.slug) file.slugs[position] = page.slug;
    if (page.mentionedIn) {
      const { note, id } = page.mentionedIn;
      const number = id?.startsWith(MENTION_ID_PREFIX) ? Number(id.slice(MENTION_ID_PREFIX.length)) : 0;
      file.mentions[position] = [notePositions.get(note) ?? note, Number.isSafeInteger(number) && number > 0 ? number : 0];
    }
    if (page.kind !== 'note') return;
    const own = titleKey(page.title);
    const names = [page.filePath?.replace(/\.md$/i, ''), ...(page.originalTitles ?? [])];
    const seen = new Set<TitleKey>([own]);
    for (const name of names) {
      if (name === undefined) continue;
      const key = titleKey(name);
      if (seen.has(key) || index.noteByKey(key)?.slug !== page.slug) continue;
      seen.add(key);
      file.names.push([name, position]);
    }
  });
  return file;
}
