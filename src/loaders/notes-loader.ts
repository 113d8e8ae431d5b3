/**
 * The content loader for notes. It does in one pass what the pages need: reads every note,
 * indexes all titles before rendering any note, renders each through the wiki-link pipeline,
 * builds the link graph once, and stores notes and missing-link pages with their backlinks.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { NOTE_HTML_FILE, packHtml, type HtmlSlice } from '../lib/cache/note-html-file.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { buildLinkGraph, type Backlink } from '../lib/links/link-graph.ts';
import { listNoteFiles } from '../lib/notes/note-files.ts';
import type { RenderedNote } from '../lib/markdown/note-renderer.ts';
import { linkKey, reusableRendering, sourceKey } from '../lib/cache/render-cache.ts';
import { readRenderCache, rendererVersion, writeRenderCache } from '../lib/cache/render-cache-file.ts';
import { renderNotes } from './render-pool.ts';
import { parseNoteSource, type SourceProblem } from '../lib/notes/note-source.ts';
import { assertContentDir } from '../lib/settings/content-dir.ts';
import { noteDate } from '../lib/notes/note-dates.ts';
import { decodeNoteBytes } from '../lib/notes/note-text.ts';
import { buildTitleIndex } from '../lib/titles/title-index.ts';
import { linkDamage, nearTitle, type LinkDamage } from '../lib/translation/translation-issues.ts';
import { extractTranslationFooters, sourcesWithFrontmatter, type TranslationSource } from '../lib/translation/translation-source.ts';

export interface NoteEntryData {
  kind: 'note';
  title: string;
  filePath: string;
  backlinks: Backlink[];
  /** How many distinct pages this note links to. */
  linkCount: number;
  /** The first lines as plain text: page description and link preview. */
  excerpt: string;
  /** Where the rendered HTML is in the note HTML file (see note-html-file.ts). */
  html: HtmlSlice;
  headings: MarkdownHeading[];
  /** When the note last changed (ISO 8601): a frontmatter date, else the file's time. */
  updated: string;
  /** The distinct pages this note links to (slugs), notes and missing titles alike: with the
   * backlinks, the link graph that pages read back (2-hop links are made per page from it). */
  outgoing: string[];
  /** What the note is a translation of (several when wiki pages were merged into one note). */
  translations: TranslationSource[];
  /** Links whose text the translation damaged (file lines). */
  damagedLinks: { text: string; damage: LinkDamage; line: number | undefined }[];
  /** File lines of footers that could not be read. */
  unreadableFooterLines: number[];
  frontmatter: Record<string, unknown>;
}

export interface DisambiguationEntryData {
  kind: 'disambiguation';
  /** The title the notes share, as the first of them writes it. */
  title: string;
  /** The notes, in file path order. */
  notes: { title: string; slug: string; filePath: string; excerpt: string }[];
  backlinks: Backlink[];
}

export interface MissingEntryData {
  kind: 'missing';
  title: string;
  backlinks: Backlink[];
  /** A note whose title differs only by a plural ending or a full stop. */
  nearNote: { title: string; slug: string } | undefined;
}

/** Enough to keep the disk busy, far below the usual limit of open files. */
const FILES_OPEN_AT_ONCE = 64;
/** In the build's cache folder: the notes rendered by the last build (see render-cache.ts). */
const RENDER_CACHE_FILE = 'note-renderings.bin';

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
  // A bounded number of files open at once: a vault of tens of thousands of notes would
  // otherwise run out of file handles (EMFILE).
  const limit = pLimit(FILES_OPEN_AT_ONCE);
  const sources = await Promise.all(
    files.map((file) =>
      limit(async () => {
        const path = join(contentDir, file);
        const [bytes, stats] = await Promise.all([readFile(path), stat(path)]);
        const { text, invalidUtf8Line } = decodeNoteBytes(bytes);
        const source = parseNoteSource(file, text);
        if (invalidUtf8Line !== undefined) {
          source.problems.push({
            filePath: source.filePath,
            line: invalidUtf8Line,
            message: 'bytes here are not UTF-8 and show as �; save the file as UTF-8 (Unicode)',
          });
        }
        return { ...source, modified: stats.mtime };
      }),
    ),
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
  const indexInput = notes.map(({ source, translations }) => ({
    title: source.title,
    filePath: source.filePath,
    originalTitles: translations.map((translation) => translation.title),
  }));
  const index = buildTitleIndex(indexInput);
  for (const shared of index.ambiguousTitles) {
    for (const ref of shared.notes) {
      const others = shared.notes.filter((other) => other !== ref).map((other) => `${other.filePath} ("${other.title}")`);
      problems.push({
        filePath: ref.filePath,
        line: sources.find((source) => source.filePath === ref.filePath)?.titleLine,
        message:
          `the title "${ref.title}" is also the title of ${others.join(', ')}: titles match ignoring case, "_" versus space and Unicode form. ` +
          `Both are published, each at its own URL (this one at /notes/${ref.slug}/), and links to the title go to a page listing them. ` +
          'Give one of them another title to make links reach it directly.',
      });
    }
  }
  const readSeconds = seconds(started);
  const renderStarted = performance.now();
  const cacheFile = join(fileURLToPath(config.cacheDir), RENDER_CACHE_FILE);
  const [cache, version] = await Promise.all([readRenderCache(cacheFile), rendererVersion(fileURLToPath(config.root))]);
  const rendererOptions = { trustedHtml: isTrustedHtml(process.env) };
  const renderSettings = `${version} trustedHtml=${rendererOptions.trustedHtml}`;
  const sourceKeys = notes.map(({ source, footers }) => sourceKey(renderSettings, config.base, source.filePath, footers.body));
  const results: (RenderedNote | undefined)[] = notes.map(({ source }, i) =>
    reusableRendering(cache, source.filePath, sourceKeys[i]!, config.base, index),
  );
  const toRender = notes.flatMap(({ source, footers }, i) => (results[i] ? [] : [{ i, filePath: source.filePath, markdown: footers.body }]));
  const fresh = await renderNotes(toRender, indexInput, index, config.base, rendererOptions);
  const renderedNow = new Set(toRender.map(({ i }) => i));
  toRender.forEach(({ i }, j) => (results[i] = fresh[j]));
  const renderedNotes = results as RenderedNote[];
  await writeRenderCache(
    cacheFile,
    new Map(
      notes.map(({ source }, i) => [
        source.filePath,
        {
          sourceKey: sourceKeys[i]!,
          // A reused rendering's stored key was just checked equal to its key now.
          linkKey: renderedNow.has(i) ? linkKey(renderedNotes[i]!, source.filePath, config.base, index) : cache.get(source.filePath)!.linkKey,
          result: renderedNotes[i]!,
        },
      ]),
    ),
  );

  const rendered = [];
  for (const [i, { source, footers, translations }] of notes.entries()) {
    const note = index.notes[i]!;
    const result = renderedNotes[i]!;
    for (const problem of result.problems) {
      const line = problem.line === undefined ? undefined : problem.line + source.bodyStartLine - 1;
      problems.push({ filePath: source.filePath, line, message: problem.message });
    }
    const damagedLinks = result.links.flatMap(({ text, line, path }) => {
      const damage = path === undefined ? linkDamage(text) : undefined;
      return damage ? [{ text, damage, line: line === undefined ? undefined : line + source.bodyStartLine - 1 }] : [];
    });
    rendered.push({ source, note, result, translations, damagedLinks, unreadableFooterLines: footers.unreadableLines });
  }
  const renderSeconds = seconds(renderStarted);
  const graphStarted = performance.now();
  const graph = buildLinkGraph(rendered.map(({ note, result }) => ({ note, links: result.links })));

  const { bytes: htmlBytes, slices } = packHtml(rendered.map(({ result }) => result.html));
  await writeFile(join(fileURLToPath(config.cacheDir), NOTE_HTML_FILE), htmlBytes);
  store.clear();
  for (const [i, { source, note, result, translations, damagedLinks, unreadableFooterLines }] of rendered.entries()) {
    const data: NoteEntryData = {
      kind: 'note',
      title: note.title,
      filePath: source.filePath,
      backlinks: graph.backlinksBySlug.get(note.slug) ?? [],
      linkCount: graph.outgoingBySlug.get(note.slug)?.length ?? 0,
      excerpt: result.excerpt,
      html: slices[i]!,
      headings: result.headings,
      updated: noteDate(source.frontmatter, source.modified).toISOString(),
      outgoing: graph.outgoingBySlug.get(note.slug) ?? [],
      translations,
      damagedLinks,
      unreadableFooterLines: unreadableFooterLines.map((line) => line + source.bodyStartLine - 1),
      frontmatter: source.frontmatter,
    };
    store.set({
      id: note.slug,
      data: { ...data },
    });
  }
  for (const shared of index.ambiguousTitles) {
    const notesHere = shared.notes.map((ref) => {
      const i = index.notes.indexOf(ref);
      return { title: ref.title, slug: ref.slug, filePath: ref.filePath, excerpt: renderedNotes[i]?.excerpt ?? '' };
    });
    const data: DisambiguationEntryData = {
      kind: 'disambiguation',
      title: shared.title,
      notes: notesHere,
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
      (index.ambiguousTitles.length ? `, ${index.ambiguousTitles.length} titles shared by several notes` : '') +
      (problems.length ? `, ${problems.length} warnings` : '') +
      ` (read ${readSeconds} s, render ${renderSeconds} s [${toRender.length} rendered, ${notes.length - toRender.length} from the cache], graph and store ${seconds(graphStarted)} s)`,
  );
  if (problems.length > 0 && isStrict(process.env)) {
    throw new Error(
      `Strict mode (STRICT=1): the build stops on the ${problems.length} warnings above. Fix them, or build without STRICT to publish with the fallbacks they describe.`,
    );
  }
}

/** `TRUSTED_HTML=1` (or `true`): raw HTML in notes is published unsanitized, scripts included. */
export function isTrustedHtml(env: Record<string, string | undefined>): boolean {
  return /^(1|true|yes)$/i.test(env.TRUSTED_HTML?.trim() ?? '');
}

/** `STRICT=1` (or `true`): warnings fail the build, for CI. */
export function isStrict(env: Record<string, string | undefined>): boolean {
  return /^(1|true|yes)$/i.test(env.STRICT?.trim() ?? '');
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
