/**
 * Step 5: the entries pages read, one per page: notes, titles several notes share, and
 * missing titles, each with its backlinks from the link graph. Notes' HTML goes to one file
 * beside the store (`lib/cache/note-html-file.ts`); an entry holds its slice.
 */
import type { DataStore } from 'astro/loaders';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NOTE_HTML_FILE, packHtml } from '../lib/cache/note-html-file.ts';
import { hashOf } from '../lib/cache/render-cache.ts';
import type { LinkGraph } from '../lib/links/link-graph.ts';
import { noteDate } from '../lib/notes/note-dates.ts';
import type { TitleIndex } from '../lib/titles/title-index.ts';
import { nearTitle } from '../lib/translation/translation-issues.ts';
import type { DisambiguationEntryData, MissingEntryData, NoteEntryData } from './entry-schema.ts';
import type { NotePage } from './note-pages.ts';

/** Replaces the store's entries with the pages of this build; returns how many missing titles are close to a note's title. */
export async function storeEntries(
  store: DataStore,
  cacheDir: string,
  pages: readonly NotePage[],
  index: TitleIndex,
  graph: LinkGraph,
): Promise<{ nearMisses: number }> {
  const { bytes: htmlBytes, slices } = packHtml(pages.map(({ result }) => result.html));
  await writeFile(join(cacheDir, NOTE_HTML_FILE), htmlBytes);
  store.clear();
  pages.forEach((page, i) => {
    const data: NoteEntryData = noteEntry(page, graph, slices[i]!);
    store.set({ id: page.note.slug, data: { ...data } });
  });
  for (const shared of index.ambiguousTitles) {
    const data: DisambiguationEntryData = {
      kind: 'disambiguation',
      title: shared.title,
      notes: shared.notes.map((ref) => {
        const i = index.notes.indexOf(ref);
        return { title: ref.title, slug: ref.slug, filePath: ref.filePath, excerpt: pages[i]?.result.excerpt ?? '' };
      }),
      backlinks: graph.backlinksBySlug.get(shared.slug) ?? [],
    };
    store.set({ id: shared.slug, data: { ...data } });
  }
  let nearMisses = 0;
  for (const missing of graph.missingPages) {
    const near = nearTitle(missing.key, index);
    if (near) nearMisses++;
    const data: MissingEntryData = {
      kind: 'missing',
      title: missing.title,
      backlinks: graph.backlinksBySlug.get(missing.slug) ?? [],
      nearNote: near ? { title: near.title, slug: near.slug } : undefined,
    };
    store.set({ id: missing.slug, data: { ...data } });
  }
  return { nearMisses };
}

function noteEntry({ source, note, result, tags, translations, damagedLinks, footers }: NotePage, graph: LinkGraph, html: NoteEntryData['html']): NoteEntryData {
  return {
    kind: 'note',
    title: note.title,
    filePath: source.filePath,
    backlinks: graph.backlinksBySlug.get(note.slug) ?? [],
    linkCount: graph.outgoingBySlug.get(note.slug)?.length ?? 0,
    excerpt: result.excerpt,
    html,
    htmlHash: hashOf(result.html),
    headings: result.headings,
    updated: noteDate(source.frontmatter, source.modified).toISOString(),
    outgoing: graph.outgoingBySlug.get(note.slug) ?? [],
    translations,
    damagedLinks,
    unreadableFooterLines: footers.unreadableLines.map((line) => line + source.bodyStartLine - 1),
    frontmatter: source.frontmatter,
    tags: tags.flatMap(({ tag, link }) => (link.kind === 'same-page-heading' ? [] : [{ tag, slug: link.kind === 'note' ? link.note.slug : link.slug, kind: link.kind }])),
  };
}
