/**
 * Step 5: the entries pages read, one per page: notes, titles several notes share, and
 * missing titles, each with its backlinks from the link graph. Notes' HTML goes to one file
 * beside the store (`lib/cache/note-html-file.ts`); an entry holds its slice.
 */
import type { DataStore } from 'astro/loaders';
import { appendFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layoutHtml, type HtmlSlice } from '../lib/cache/note-html-file.ts';
import { hashOf } from '../lib/cache/render-cache.ts';
import type { GraphPage } from '../lib/graph/graph-data.ts';
import type { LinkGraph } from '../lib/links/link-graph.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import { noteDates, type DateSource } from '../lib/notes/note-dates.ts';
import { guardNoteStep } from '../lib/notes/note-guard.ts';
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import { pageDates } from '../lib/site/page-dates.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';
import type { NoteRef, TitleIndex } from '../lib/titles/title-index.ts';
import { titleKey, type TitleKey } from '../lib/titles/titles.ts';
import { nearTitle } from '../lib/translation/translation-issues.ts';
import { DEV_REVISION_ID, setDevEntries } from '../loader-handoff.ts';
import type { DisambiguationEntryData, MissingEntryData, NoteEntryData } from './entry-schema.ts';
import { emptyMemory, type LoaderMemory } from './loader-memory.ts';
import type { NotePage } from './note-pages.ts';
import { gitDatesOf, type GitHistory } from './read-git-history.ts';
import { NOTE_HTML_FILE, PAGE_DATES_FILE } from '../lib/cache/cache-files.ts';

/** A page's own date, or the pages whose newest date it takes. */
interface DatedSlug {
  slug: NoteSlug;
  updated: string | undefined;
  lists: readonly NoteSlug[];
}

/** What the entries are stored with besides the notes: their git history, the site's base path (for the sitemap's dates), and whether `astro dev` runs. */
export interface StoreContext {
  history: GitHistory;
  base: string;
  /** In `astro dev` the entries go to the pages directly, not through Astro's store (`loader-handoff.ts`). */
  dev?: boolean;
}

type EntryData = NoteEntryData | DisambiguationEntryData | MissingEntryData;

/**
 * Replaces the store's entries with the pages of this load; returns how many missing titles
 * are close to a note's title, where the notes' dates came from, and the problems of reading
 * a note's date, and every page as the graph views list it. Writes each page's date for the
 * sitemap (`lib/site/page-dates.ts`).
 */
export async function storeEntries(
  store: DataStore,
  cacheDir: string,
  pages: readonly NotePage[],
  index: TitleIndex,
  graph: LinkGraph,
  memory: LoaderMemory = emptyMemory(),
  context: StoreContext = { history: { kind: 'none', reason: 'not read' }, base: '/' },
): Promise<{ nearMisses: number; datesFrom: Record<DateSource, number>; problems: SourceProblem[]; graphPages: GraphPage[] }> {
  const problems: SourceProblem[] = [];
  const datesFrom: Record<DateSource, number> = { frontmatter: 0, git: 0, file: 0 };
  const dated: DatedSlug[] = [];
  const hashes = pages.map(({ result }) => htmlHashOf(result));
  const slices = await writeNoteHtml(
    join(cacheDir, NOTE_HTML_FILE),
    pages.map(({ result }, i) => ({ html: result.html, hash: hashes[i]! })),
    memory,
  );
  const entries: { id: string; data: EntryData }[] = [];
  const set = (id: string, data: EntryData) => entries.push({ id, data });
  let nearMisses = 0;
  const nearNote = nearNotesFor(index, memory);
  pages.forEach((page, i) => {
    const entry = noteEntry(page, graph, slices[i]!, hashes[i]!, context.history, problems, (key) => {
      const near = nearNote(key);
      if (near) nearMisses++;
      return near;
    });
    datesFrom[entry.updatedFrom]++;
    dated.push({ slug: page.note.slug, updated: entry.data.updated, lists: [] });
    set(page.note.slug, entry.data);
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
    dated.push({ slug: shared.slug, updated: undefined, lists: data.notes.map((note) => note.slug) });
    set(shared.slug, data);
  }
  for (const missing of graph.missingPages) {
    const near = nearNote(missing.key);
    if (near) nearMisses++;
    const data: MissingEntryData = {
      kind: 'missing',
      title: missing.title,
      backlinks: graph.backlinksBySlug.get(missing.slug) ?? [],
      nearNote: near ? { title: near.title, slug: near.slug } : undefined,
    };
    dated.push({ slug: missing.slug, updated: undefined, lists: data.backlinks.map((backlink) => backlink.sourceSlug) });
    set(missing.slug, data);
  }
  if (context.dev) {
    // No sitemap in `astro dev`: its dates are not written.
    publishForDev(store, entries);
  } else {
    replaceEntries(store, entries);
    await writePageDates(join(cacheDir, PAGE_DATES_FILE), dated, context.base);
  }
  const graphPages = entries.map(({ id, data }): GraphPage => ({
    slug: id,
    title: data.title,
    kind: data.kind,
    outgoing: data.kind === 'note' ? data.outgoing : undefined,
  }));
  return { nearMisses, datesFrom, problems, graphPages };
}

/**
 * Each entry carries a digest of its data, so Astro keeps an unchanged entry as it is; entries
 * of pages that are gone are deleted.
 */
function replaceEntries(store: DataStore, entries: readonly { id: string; data: EntryData }[]): void {
  const stored = new Set<string>();
  for (const { id, data } of entries) {
    stored.add(id);
    store.set({ id, data: { ...data }, digest: hashOf(JSON.stringify(data)) });
  }
  for (const id of [...store.keys()]) if (!stored.has(id)) store.delete(id);
}

/**
 * The note near a missing title (`nearTitle`), looked for once per title index: `astro dev`
 * keeps the index while no title changes (0.16 s a save at 24,000 notes).
 */
function nearNotesFor(index: TitleIndex, memory: LoaderMemory): (key: TitleKey) => NoteRef | undefined {
  if (memory.nearTitles?.index !== index) memory.nearTitles = { index, byKey: new Map() };
  const { byKey } = memory.nearTitles;
  return (key) => {
    if (!byKey.has(key)) byKey.set(key, nearTitle(key, index));
    return byKey.get(key);
  };
}

/** Each rendering's HTML hash, hashed once: `astro dev` keeps the renderings of unchanged notes between loads. */
const htmlHashes = new WeakMap<RenderedNote, string>();
function htmlHashOf(result: RenderedNote): string {
  let hash = htmlHashes.get(result);
  if (hash === undefined) htmlHashes.set(result, (hash = hashOf(result.html)));
  return hash;
}

let devLoads = 0;

/** Hands the entries to the pages, and leaves in the store only a revision that changes with every load (`loader-handoff.ts`). */
function publishForDev(store: DataStore, entries: readonly { id: string; data: EntryData }[]): void {
  const revision = `${process.pid}-${++devLoads}`;
  setDevEntries({ revision, entries: entries.map(({ id, data }) => ({ id, collection: 'notes', data })) });
  for (const id of [...store.keys()]) if (id !== DEV_REVISION_ID) store.delete(id);
  store.set({ id: DEV_REVISION_ID, data: { revision }, digest: revision });
}

/** Written aside and renamed: the sitemap never reads half a file. */
async function writePageDates(file: string, pages: readonly DatedSlug[], base: string): Promise<void> {
  const href = (slug: NoteSlug) => hrefForSlug(slug, base);
  const dates = pageDates(pages.map(({ slug, updated, lists }) => ({ href: href(slug), updated, lists: lists.map(href) })));
  await writeFile(`${file}.part`, JSON.stringify(dates));
  await rename(`${file}.part`, file);
}

/**
 * Writes the notes' HTML file and returns each note's slice. A process that wrote the file
 * before appends only new HTML, if the file is still the size it left it (else something
 * else wrote it, and it is written anew).
 */
async function writeNoteHtml(file: string, notes: { html: string; hash: string }[], memory: LoaderMemory): Promise<HtmlSlice[]> {
  const known = memory.htmlFile && (await stat(file).catch(() => undefined))?.size === memory.htmlFile.size ? memory.htmlFile : undefined;
  const { slices, write, state } = layoutHtml(notes, known);
  if (write.mode === 'append') await appendFile(file, write.bytes);
  else await writeFile(file, write.bytes);
  memory.htmlFile = state;
  return slices;
}

function noteEntry(
  { source, note, result, tags, translations, damagedLinks, footers, singleMentions = [] }: NotePage,
  graph: LinkGraph,
  html: NoteEntryData['html'],
  htmlHash: string,
  history: GitHistory,
  problems: SourceProblem[],
  nearNote: (key: TitleKey) => NoteRef | undefined,
): { data: NoteEntryData; updatedFrom: DateSource } {
  const dates = guardNoteStep(
    { filePath: source.filePath, step: 'reading its date', fallbackText: "with the file's modification time as its date" },
    problems,
    () => noteDates(source.frontmatter, gitDatesOf(history, source.filePath), source.modified),
    () => ({ updated: source.modified, created: undefined, updatedFrom: 'file' as const }),
  );
  const data: NoteEntryData = {
    kind: 'note',
    title: note.title,
    filePath: source.filePath,
    backlinks: graph.backlinksBySlug.get(note.slug) ?? [],
    linkCount: graph.outgoingBySlug.get(note.slug)?.length ?? 0,
    excerpt: result.excerpt,
    html,
    htmlHash,
    headings: result.headings,
    updated: dates.updated.toISOString(),
    created: dates.created?.toISOString(),
    outgoing: graph.outgoingBySlug.get(note.slug) ?? [],
    translations,
    damagedLinks,
    unreadableFooterLines: footers.unreadableLines.map((line) => line + source.bodyStartLine - 1),
    frontmatter: source.frontmatter,
    tags: tags.flatMap(({ tag, link }) => {
      if (link.kind === 'same-page-heading') return [];
      const slug = link.kind === 'note' ? link.note.slug : link.slug;
      return [{ tag, slug, kind: singleMentions.some((mention) => mention.slug === slug) ? ('single-mention' as const) : link.kind }];
    }),
    singleMentions: singleMentions.map(({ title, slug, id }) => {
      const near = nearNote(titleKey(title));
      return { title, slug, ...(id === undefined ? {} : { id }), ...(near ? { nearNote: { title: near.title, slug: near.slug } } : {}) };
    }),
  };
  return { data, updatedFrom: dates.updatedFrom };
}
