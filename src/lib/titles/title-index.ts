/**
 * The index of every page name, built before any note is rendered, so that links and the
 * link graph resolve against the same complete set of titles.
 */
import { allocateUrls, freeSlug, type UrlClaim } from './page-urls.ts';
import { explainSlug, fileSystemKey, shortHash, slugForDuplicate, slugForKey, type NoteSlug, type PathRewrite, type SlugHash } from './slugs.ts';
import { titleKey, type TitleKey } from './titles.ts';

/** What a link needs to know about an existing note. */
export interface NoteRef {
  title: string;
  slug: NoteSlug;
  /** The note's file, relative to the content folder, with `/` separators. */
  filePath: string;
}

/** Which of a note's names a key matched. */
export type NameKind = 'title' | 'path' | 'original-title';

/**
 * A title that several notes have (equal under the link rules: case, `_` versus space,
 * Unicode form). Each note gets its own URL; links to the title go to a page listing them.
 */
export interface AmbiguousTitle {
  key: TitleKey;
  /** As the first of the notes (in file path order) writes it. */
  title: string;
  /** The disambiguation page. */
  slug: NoteSlug;
  notes: NoteRef[];
}

export interface TitleIndex {
  /** The note whose title (or, failing that, file path, or original title) has this key. */
  noteByKey(key: TitleKey): NoteRef | undefined;
  /** The title several notes share, when this key is one. */
  ambiguousByKey(key: TitleKey): AmbiguousTitle | undefined;
  readonly ambiguousTitles: readonly AmbiguousTitle[];
  /** Which kind of name the key is, when it names a note. */
  nameKind(key: TitleKey): NameKind | undefined;
  /** The note that owns this URL (for links written as a site URL). */
  noteBySlug(slug: NoteSlug): NoteRef | undefined;
  /**
   * The URL of the page for a title no note has: `slugForKey(key)`, unless a note or listing
   * page has it (see `UrlNotice`), so that no title can lead to another title's page.
   */
  slugForMissing(key: TitleKey): NoteSlug;
  readonly notes: readonly NoteRef[];
  /** Notes whose URL is not the one their title gives, and why. */
  readonly urlNotices: readonly UrlNotice[];
}

export interface IndexedNote {
  title: string;
  filePath: string;
  /** Titles of the pages the note translates (Japanese), also names for it. */
  originalTitles?: readonly string[];
}

/**
 * A note whose URL is not the one its title gives, and why, for the build to report.
 * - `taken`: another page has that URL, or one that a case-insensitive file system (macOS,
 *   Windows) takes for it. Only a hash collision or characters such as `ı`/`i`, `ſ`/`s`
 *   make two titles meet; the page that keeps the URL is `holder`, the first by title key
 *   and file path, so the choice never depends on the order notes are read in.
 * - a `PathRewrite`: the title as a path is one file systems refuse (see `explainSlug`).
 */
export interface UrlNotice {
  note: NoteRef;
  /** The URL the title gives. */
  wanted: NoteSlug;
  reason: 'taken' | PathRewrite;
  /** For `taken`: the page that has `wanted` (or, on a case-insensitive file system, `slug`). */
  holder?: { title: string; filePath?: string | undefined; slug: NoteSlug };
}

export interface TitleIndexOptions {
  /** The hash in slugs; tests pass one that collides. */
  hash?: SlugHash;
}

/**
 * Builds the index. Titles win over file paths, and both over original titles: a note's file path (without `.md`) is also a
 * name for it, as in Obsidian vaults where `[[index]]` or `[[folder/file]]` link by path,
 * but only where no title has the same key and no other path does, and not where the file
 * name is just the title with `/` written as `-`: that is how Scrapbox exports store
 * `Start/expand/connect`, and there `[[Start-expand-connect]]` is another title.
 */
export function buildTitleIndex(notes: readonly IndexedNote[], options: TitleIndexOptions = {}): TitleIndex {
  const hash = options.hash ?? shortHash;
  const byKey = new Map<TitleKey, NoteRef>();
  const bySlug = new Map<NoteSlug, NoteRef>();
  const keys = notes.map((note) => titleKey(note.title));
  const countByKey = new Map<TitleKey, number>();
  for (const key of keys) countByKey.set(key, (countByKey.get(key) ?? 0) + 1);
  const explained = new Map<TitleKey, ReturnType<typeof explainSlug>>();
  const explain = (key: TitleKey) => explained.get(key) ?? explained.set(key, explainSlug(key, hash)).get(key)!;
  const noteClaims = notes.map((note, i): UrlClaim => {
    const key = keys[i]!;
    const wanted = countByKey.get(key)! > 1 ? slugForDuplicate(key, note.filePath, hash) : explain(key).slug;
    return { key, title: note.title, filePath: note.filePath, wanted, slug: wanted };
  });
  const listingClaims = new Map<TitleKey, UrlClaim>();
  notes.forEach((note, i) => {
    const key = keys[i]!;
    if (countByKey.get(key)! > 1 && !listingClaims.has(key)) {
      const wanted = explain(key).slug;
      listingClaims.set(key, { key, title: note.title, filePath: undefined, wanted, slug: wanted });
    }
  });
  const claims = [...noteClaims, ...listingClaims.values()];
  const holders = allocateUrls(claims, hash);

  const ambiguousByKey = new Map<TitleKey, AmbiguousTitle>();
  const refs: NoteRef[] = [];
  const urlNotices: UrlNotice[] = [];
  notes.forEach((note, i) => {
    const key = keys[i]!;
    const claim = noteClaims[i]!;
    const ref: NoteRef = { title: note.title, slug: claim.slug, filePath: note.filePath };
    bySlug.set(ref.slug, ref);
    refs.push(ref);
    for (const reason of explain(key).rewrites) urlNotices.push({ note: ref, wanted: claim.wanted, reason });
    if (claim.slug !== claim.wanted) urlNotices.push({ note: ref, wanted: claim.wanted, reason: 'taken', holder: holderOf(holders.get(claim)!) });
    const listing = listingClaims.get(key);
    if (!listing) {
      byKey.set(key, ref);
      return;
    }
    const group = ambiguousByKey.get(key) ?? { key, title: note.title, slug: listing.slug, notes: [] };
    group.notes.push(ref);
    ambiguousByKey.set(key, group);
  });
  for (const listing of listingClaims.values()) {
    if (listing.slug === listing.wanted) continue;
    // The listing page has no file of its own: its first note carries the notice.
    const first = ambiguousByKey.get(listing.key)!.notes[0]!;
    urlNotices.push({ note: first, wanted: listing.wanted, reason: 'taken', holder: holderOf(holders.get(listing)!) });
  }
  const urlOwners = new Map(claims.map((claim) => [fileSystemKey(claim.slug), claim.key]));
  const missingSlugs = new Map<TitleKey, NoteSlug>();
  const kinds = new Map<TitleKey, NameKind>([...byKey.keys(), ...ambiguousByKey.keys()].map((key) => [key, 'title']));
  const addNames = (kind: NameKind, namesOf: (note: IndexedNote, ref: NoteRef) => Iterable<TitleKey>) => {
    // A name two notes claim names neither of them.
    const claimed = new Map<TitleKey, NoteRef | null>();
    notes.forEach((note, i) => {
      const ref = refs[i]!;
      for (const key of namesOf(note, ref)) {
        if (byKey.has(key) || ambiguousByKey.has(key)) continue;
        const other = claimed.get(key);
        claimed.set(key, other === undefined || other === ref ? ref : null);
      }
    });
    for (const [key, ref] of claimed) {
      if (!ref) continue;
      byKey.set(key, ref);
      kinds.set(key, kind);
    }
  };
  addNames('path', (_note, ref) => {
    const key = titleKey(ref.filePath.replace(/\.md$/i, ''));
    return key === titleKey(ref.title.replace(/\//g, '-')) ? [] : [key];
  });
  addNames('original-title', (note) => (note.originalTitles ?? []).map(titleKey));
  return {
    noteByKey: (key) => byKey.get(key),
    ambiguousByKey: (key) => ambiguousByKey.get(key),
    ambiguousTitles: [...ambiguousByKey.values()],
    nameKind: (key) => kinds.get(key),
    noteBySlug: (slug) => bySlug.get(slug),
    slugForMissing: (key) => {
      let slug = missingSlugs.get(key);
      if (slug === undefined) {
        slug = freeSlug(slugForKey(key, hash), (attempt) => `${key}\nmissing\n${attempt}`, (candidate) => urlOwners.has(fileSystemKey(candidate)), hash);
        missingSlugs.set(key, slug);
      }
      return slug;
    },
    notes: refs,
    urlNotices,
  };
}

const holderOf = (claim: UrlClaim) => ({ title: claim.title, filePath: claim.filePath, slug: claim.slug });
