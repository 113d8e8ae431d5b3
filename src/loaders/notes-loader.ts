/**
 * The content loader for notes. It does in one pass what the pages need: reads every note,
 * indexes all titles before rendering any note, renders each through the wiki-link pipeline,
 * builds the link graph once, and stores notes and missing-link pages with their backlinks.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLinkGraph, type Backlink } from '../lib/link-graph.ts';
import { listNoteFiles } from '../lib/note-files.ts';
import { createNoteRenderer } from '../lib/note-renderer.ts';
import { parseNoteSource, type SourceProblem } from '../lib/note-source.ts';
import { assertContentDir } from '../lib/content-dir.ts';
import { noteDate } from '../lib/note-dates.ts';
import { buildTitleIndex } from '../lib/title-index.ts';
import type { NoteSlug } from '../lib/slugs.ts';
import { twoHopLinks, type PageLabel, type TwoHopGroup } from '../lib/two-hop-links.ts';
import { linkDamage, nearTitle, type LinkDamage } from '../lib/translation-issues.ts';
import { extractTranslationFooters, sourcesWithFrontmatter, type TranslationSource } from '../lib/translation-source.ts';

export interface NoteEntryData {
  kind: 'note';
  title: string;
  filePath: string;
  backlinks: Backlink[];
  /** How many distinct pages this note links to. */
  linkCount: number;
  /** The first lines as plain text: page description and link preview. */
  excerpt: string;
  /** When the note last changed (ISO 8601): a frontmatter date, else the file's time. */
  updated: string;
  /** Notes that link to the same pages as this one, grouped by that page. */
  twoHopLinks: TwoHopGroup[];
  /** What the note is a translation of (several when wiki pages were merged into one note). */
  translations: TranslationSource[];
  /** Links whose text the translation damaged (file lines). */
  damagedLinks: { text: string; damage: LinkDamage; line: number | undefined }[];
  /** File lines of footers that could not be read. */
  unreadableFooterLines: number[];
  frontmatter: Record<string, unknown>;
}

export interface MissingEntryData {
  kind: 'missing';
  title: string;
  backlinks: Backlink[];
  /** A note whose title differs only by a plural ending or a full stop. */
  nearNote: { title: string; slug: string } | undefined;
}

export function notesLoader(options: { contentDir: string }): Loader {
  return {
    name: 'wiki-notes-loader',
    async load(context) {
      await loadNotes(options.contentDir, context);
      watchContentDir(options.contentDir, context);
    },
  };
}

async function loadNotes(contentDir: string, { store, logger, config }: LoaderContext): Promise<void> {
  assertContentDir(contentDir);
  // Phase times for the build log (`npm run bench` reads them).
  const started = performance.now();
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  const files = await listNoteFiles(contentDir);
  const sources = await Promise.all(
    files.map(async (file) => {
      const path = join(contentDir, file);
      const [text, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { ...parseNoteSource(file, text), modified: stats.mtime };
    }),
  );
  const problems: SourceProblem[] = sources.flatMap((source) => source.problems);
  // Footers first: the titles of the originals are names in the index too.
  const notes = sources.map((source) => {
    const footers = extractTranslationFooters(source.body);
    for (const line of footers.unreadableLines) {
      problems.push({
        filePath: source.filePath,
        line: line + source.bodyStartLine - 1,
        message:
          'this looks like a translation footer but its link could not be read; it is shown as text. ' +
          'Write it as: This page is auto-translated from [/project/Original title](https://…) using DeepL.',
      });
    }
    const translations = sourcesWithFrontmatter(source.frontmatter, footers.sources);
    return { source, footers, translations };
  });
  const index = buildTitleIndex(
    notes.map(({ source, translations }) => ({
      title: source.title,
      filePath: source.filePath,
      originalTitles: translations.map((translation) => translation.title),
    })),
  );
  const readSeconds = seconds(started);
  const renderStarted = performance.now();
  const renderer = await createNoteRenderer(index, config.base);

  const rendered = [];
  for (const [i, { source, footers, translations }] of notes.entries()) {
    const note = index.notes[i]!;
    const result = await renderer.render(footers.body, source.filePath);
    for (const problem of result.problems) {
      const line = problem.line === undefined ? undefined : problem.line + source.bodyStartLine - 1;
      problems.push({ filePath: source.filePath, line, message: problem.message });
    }
    const damagedLinks = result.links.flatMap(({ text, line }) => {
      const damage = linkDamage(text);
      return damage ? [{ text, damage, line: line === undefined ? undefined : line + source.bodyStartLine - 1 }] : [];
    });
    rendered.push({ source, note, result, translations, damagedLinks, unreadableFooterLines: footers.unreadableLines });
  }
  const renderSeconds = seconds(renderStarted);
  const graphStarted = performance.now();
  const graph = buildLinkGraph(rendered.map(({ note, result }) => ({ note, links: result.links })));
  const missingBySlug = new Map(graph.missingPages.map((page) => [page.slug, page]));
  const pageLabel = (slug: NoteSlug): PageLabel => {
    const note = index.noteBySlug(slug);
    return { slug, title: note?.title ?? missingBySlug.get(slug)?.title ?? slug, isMissing: !note };
  };

  store.clear();
  for (const { source, note, result, translations, damagedLinks, unreadableFooterLines } of rendered) {
    const data: NoteEntryData = {
      kind: 'note',
      title: note.title,
      filePath: source.filePath,
      backlinks: graph.backlinksBySlug.get(note.slug) ?? [],
      linkCount: graph.outgoingBySlug.get(note.slug)?.length ?? 0,
      excerpt: result.excerpt,
      updated: noteDate(source.frontmatter, source.modified).toISOString(),
      twoHopLinks: twoHopLinks(note.slug, graph, pageLabel),
      translations,
      damagedLinks,
      unreadableFooterLines: unreadableFooterLines.map((line) => line + source.bodyStartLine - 1),
      frontmatter: source.frontmatter,
    };
    store.set({
      id: note.slug,
      data: { ...data },
      rendered: { html: result.html, metadata: { headings: result.headings } },
    });
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

  const viaOriginal = rendered.reduce(
    (sum, { result }) => sum + result.links.filter(({ link }) => link.kind === 'note' && link.via === 'original-title').length,
    0,
  );
  const damaged = rendered.reduce((sum, { damagedLinks }) => sum + damagedLinks.length, 0);
  const translated = rendered.filter(({ translations }) => translations.length > 0).length;
  logger.info(
    `translations: ${translated} notes name their original; ${viaOriginal} links reached a note by its original title; ` +
      `translation issues: ${damaged} damaged links, ${nearMisses} missing titles close to a note's title, ` +
      `${rendered.reduce((sum, { unreadableFooterLines }) => sum + unreadableFooterLines.length, 0)} unreadable footers ` +
      '(listed on /translation-issues/)',
  );

  for (const problem of problems) {
    logger.warn(`${problem.filePath}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  logger.info(
    `${sources.length} notes, ${graph.missingPages.length} pages for missing links` +
      (problems.length ? `, ${problems.length} warnings` : '') +
      ` (read ${readSeconds} s, render ${renderSeconds} s, graph and store ${seconds(graphStarted)} s)`,
  );
}

/** In `astro dev`, any change under the content folder reloads every note. */
function watchContentDir(contentDir: string, context: LoaderContext): void {
  const { watcher } = context;
  if (!watcher) return;
  watcher.add(contentDir);
  let pending: ReturnType<typeof setTimeout> | undefined;
  const reload = (path: string) => {
    if (!path.startsWith(contentDir) || !/\.md$/i.test(path)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      loadNotes(contentDir, context).catch((error: unknown) => context.logger.error(String(error)));
    }, 100);
  };
  watcher.on('add', reload);
  watcher.on('change', reload);
  watcher.on('unlink', reload);
}
