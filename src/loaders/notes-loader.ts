/**
 * The content loader for notes, as its steps: read every note, index all titles before any
 * note renders, render (reusing the last build's renderings where nothing changed), put
 * embedded notes and files in place, build the link graph once, store every page's entry,
 * start the graph's layout (a build), report. Each step is a module of this folder.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { attachmentKind } from '../lib/embeds/embed-targets.ts';
import { buildLinkGraph } from '../lib/links/link-graph.ts';
import { singleMentionsOf, withoutSingleMentions } from '../lib/links/single-mentions.ts';
import { assertContentDir } from '../lib/settings/content-dir.ts';
import { interfaceStrings } from '../lib/site/interface-strings.ts';
import type { Settings } from '../lib/settings/settings.ts';
import { assembleNotes } from './assemble-notes.ts';
import { reportBuild } from './build-report.ts';
import { indexTitles } from './index-titles.ts';
import { layOutGraphAhead } from './lay-out-graph-ahead.ts';
import { emptyMemory, type LoaderMemory } from './loader-memory.ts';
import { markSingleMentionsIn } from './mark-single-mentions.ts';
import { notePages } from './note-pages.ts';
import { readGitHistory } from './read-git-history.ts';
import { readNotes } from './read-notes.ts';
import { renderWithCache } from './render-with-cache.ts';
import { storeEntries } from './store-entries.ts';
import { watchContentFolder } from './watch-content-folder.ts';

/** What the loader reads of the settings. */
export type LoaderSettings = Pick<Settings, 'contentDir' | 'trustedHtml' | 'hashtagLinks' | 'strict' | 'renderWorkers' | 'siteLanguage' | 'singleMentionPages'>;

export function notesLoader(settings: LoaderSettings): Loader {
  // Kept while the process runs: `astro dev` reloads only what changed.
  let memory = emptyMemory();
  return {
    name: 'wiki-notes-loader',
    async load(context) {
      await loadNotes(settings, context, memory);
      if (context.watcher) watchContentDir(settings, context, memory);
      // A build loads once: kept, every note's text and rendering would stay in memory while
      // Astro generates the pages.
      else memory = emptyMemory();
    },
  };
}

/** `changed`: in `astro dev`, the files the watcher named since the last load (`readNotes`). */
export async function loadNotes(
  settings: LoaderSettings,
  { store, logger, config, watcher }: LoaderContext,
  memory: LoaderMemory,
  changed?: ReadonlySet<string>,
): Promise<void> {
  assertContentDir(settings.contentDir);
  const cacheDir = fileURLToPath(config.cacheDir);
  const clock = phaseClock();

  // git runs in processes of its own while the files are read.
  const [read, history] = await Promise.all([readNotes(settings.contentDir, memory, changed), readGitHistory(settings.contentDir, memory)]);
  const titles = indexTitles(read.notes, memory);
  const readSeconds = clock.lap();

  const { results, renderedCount, cacheProblem } = await renderWithCache(read.notes, titles, {
    cacheDir,
    projectRoot: fileURLToPath(config.root),
    base: config.base,
    trustedHtml: settings.trustedHtml,
    hashtagLinks: settings.hashtagLinks,
    renderWorkers: settings.renderWorkers,
    memory,
    // Only `astro dev` watches; a build waits for the file.
    writeInBackground: watcher !== undefined,
  });
  if (cacheProblem) logger.info(cacheProblem);
  const rendered = notePages(read.notes, titles.index, results);
  const assembled = await assembleNotes(rendered.pages, titles.index, {
    contentDir: settings.contentDir,
    attachments: read.attachments,
    cacheDir,
    base: config.base,
    language: settings.siteLanguage,
  });
  if (assembled.cacheProblem) logger.info(assembled.cacheProblem);
  const renderSeconds = clock.lap();

  const linkGraph = buildLinkGraph(assembled.pages.map(({ note, result }) => ({ note, links: result.links })));
  // A title no note has gets a page once two notes link it, unless every title is to have one.
  const singleMentions = settings.singleMentionPages ? new Map() : singleMentionsOf(linkGraph);
  const graph = withoutSingleMentions(linkGraph, singleMentions);
  const pages = markSingleMentionsIn(assembled.pages, singleMentions, config.base, interfaceStrings(settings.siteLanguage).mentionedOnlyHere);
  const stored = await storeEntries(store, cacheDir, pages, titles.index, graph, memory, {
    history,
    base: config.base,
    dev: watcher !== undefined,
  });
  // `astro dev` lays the graph out when `/graph.json` is asked for, not on every save.
  if (!watcher) await layOutGraphAhead(stored.graphPages, cacheDir, (line) => logger.info(line));

  reportBuild(
    logger,
    {
      pages: assembled.pages,
      problems: [...read.problems, ...titles.problems, ...rendered.problems, ...assembled.problems, ...stored.problems],
      missingPages: graph.missingPages.length,
      singleMentions: singleMentions.size,
      sharedTitles: titles.index.ambiguousTitles.length,
      nearMisses: stored.nearMisses,
      dates: { from: stored.datesFrom, history },
      renderedCount,
      embeds: assembled.counts,
      seconds: { read: readSeconds, render: renderSeconds, graphAndStore: clock.lap() },
    },
    settings.strict,
  );
}

/** Seconds since the last lap, as the build log prints them (`npm run bench` reads them). */
function phaseClock(): { lap(): string } {
  let from = performance.now();
  return {
    lap() {
      const now = performance.now();
      const seconds = ((now - from) / 1000).toFixed(1);
      from = now;
      return seconds;
    },
  };
}

/**
 * In `astro dev`, any change under the content folder reloads the notes: only the files the
 * watcher named are read again (a folder added or removed lists them all again), notes whose
 * text and links did not change are not rendered again. One load at a time; the files named
 * while one runs go to the next. The folder is watched by the loader, not by Vite
 * (`watch-content-folder.ts`).
 */
function watchContentDir(settings: LoaderSettings, context: LoaderContext, memory: LoaderMemory): void {
  if (!context.watcher) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let named: Set<string> | 'all' = new Set();
  let loading = Promise.resolve();
  const reloadSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      loading = loading.then(async () => {
        const changed = named;
        named = new Set();
        try {
          await loadNotes(settings, context, memory, changed === 'all' ? undefined : changed);
        } catch (error) {
          // What was read is unknown: the next load lists every file again.
          memory.files = undefined;
          context.logger.error(String(error));
        }
      });
    }, 100);
  };
  watchContentFolder(settings.contentDir, {
    file(path) {
      // Notes, and the files they embed.
      if (!(/\.md$/i.test(path) || attachmentKind(path))) return;
      if (named !== 'all') named.add(path);
      reloadSoon();
    },
    folders() {
      named = 'all';
      reloadSoon();
    },
  });
}
