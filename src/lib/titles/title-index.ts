/**
 * The index of every page name, built before any note is rendered, so that links and the
 * link graph resolve against the same complete set of titles.
 */
import { slugForDuplicate, slugForKey, type NoteSlug } from './slugs.ts';
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
  /** The note that owns this URL. */
  noteBySlug(slug: NoteSlug): NoteRef | undefined;
  readonly notes: readonly NoteRef[];
}

export interface IndexedNote {
  title: string;
  filePath: string;
  /** Titles of the pages the note translates (Japanese), also names for it. */
  originalTitles?: readonly string[];
}

/**
 * Two notes with different titles that would still share a URL: only possible if two
 * 32-bit hashes in their slugs collide. The build stops on these: one must be renamed.
 */
export class DuplicateTitleError extends Error {
  readonly first: NoteRef;
  readonly second: NoteRef;

  constructor(first: NoteRef, second: NoteRef) {
    super(
      `Two notes would have the same URL /${second.slug}/:\n` +
        `  ${first.filePath} (title "${first.title}")\n` +
        `  ${second.filePath} (title "${second.title}")\n` +
        'Titles match ignoring case, "_" versus space and Unicode form, and spaces become "_" in URLs. ' +
        'Change the title of one of them (the `title:` line of its frontmatter).',
    );
    this.name = 'DuplicateTitleError';
    this.first = first;
    this.second = second;
  }
}

/**
 * Builds the index. Titles win over file paths, and both over original titles: a note's file path (without `.md`) is also a
 * name for it, as in Obsidian vaults where `[[index]]` or `[[folder/file]]` link by path,
 * but only where no title has the same key and no other path does, and not where the file
 * name is just the title with `/` written as `-`: that is how Scrapbox exports store
 * `Start/expand/connect`, and there `[[Start-expand-connect]]` is another title.
 */
export function buildTitleIndex(notes: readonly IndexedNote[]): TitleIndex {
  const byKey = new Map<TitleKey, NoteRef>();
  const bySlug = new Map<NoteSlug, NoteRef>();
  const keys = notes.map((note) => titleKey(note.title));
  const countByKey = new Map<TitleKey, number>();
  for (const key of keys) countByKey.set(key, (countByKey.get(key) ?? 0) + 1);
  const ambiguousByKey = new Map<TitleKey, AmbiguousTitle>();
  const refs: NoteRef[] = [];
  notes.forEach((note, i) => {
    const key = keys[i]!;
    const shared = countByKey.get(key)! > 1;
    const ref: NoteRef = {
      title: note.title,
      slug: shared ? slugForDuplicate(key, note.filePath) : slugForKey(key),
      filePath: note.filePath,
    };
    const clash = bySlug.get(ref.slug);
    if (clash) throw new DuplicateTitleError(clash, ref);
    bySlug.set(ref.slug, ref);
    refs.push(ref);
    if (!shared) {
      byKey.set(key, ref);
      return;
    }
    const group = ambiguousByKey.get(key) ?? { key, title: note.title, slug: slugForKey(key), notes: [] };
    group.notes.push(ref);
    ambiguousByKey.set(key, group);
  });
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
    notes: refs,
  };
}
