/**
 * Reading the notes collection for the pages. The only module that imports astro:content. In
 * `astro dev` the entries come from the loader directly (`loader-handoff.ts`).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { NoteSlug } from '../lib/titles/slugs.ts';
import { devEntries } from '../loader-handoff.ts';

export type PageEntry = CollectionEntry<'notes'>;
export type NoteEntry = PageEntry & { data: Extract<PageEntry['data'], { kind: 'note' }> };
export type MissingEntry = PageEntry & { data: Extract<PageEntry['data'], { kind: 'missing' }> };

export async function allPages(): Promise<PageEntry[]> {
  const dev = devEntries();
  if (dev) return dev.entries as PageEntry[];
  return getCollection('notes');
}

/** Changes when the entries do: in a build never, in `astro dev` with every load of the notes. */
export function pagesRevision(): string {
  return devEntries()?.revision ?? 'build';
}

/** The page's URL slug: the entry id the loader stored (Astro types ids as plain strings). */
export function slugOf(entry: PageEntry): NoteSlug {
  return entry.id as NoteSlug;
}

export function isNote(entry: PageEntry): entry is NoteEntry {
  return entry.data.kind === 'note';
}

export type DisambiguationEntry = PageEntry & { data: Extract<PageEntry['data'], { kind: 'disambiguation' }> };

export function isDisambiguation(entry: PageEntry): entry is DisambiguationEntry {
  return entry.data.kind === 'disambiguation';
}

export function isMissing(entry: PageEntry): entry is MissingEntry {
  return entry.data.kind === 'missing';
}
