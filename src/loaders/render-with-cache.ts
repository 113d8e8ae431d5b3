/**
 * Step 3: every note rendered, or its rendering from the last build reused when nothing it
 * depends on changed (`lib/cache/render-cache.ts`); the notes to render go to the worker
 * pool. The cache is written back for the next build.
 */
import { join } from 'node:path';
import { readRenderCache, rendererVersion, writeRenderCache, type ReadRenderCache } from '../lib/cache/render-cache-file.ts';
import { linkKey, renderingOfSameSource, reusableRendering, sourceKey, titlesKey, type RenderCache } from '../lib/cache/render-cache.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import type { LoaderMemory } from './loader-memory.ts';
import type { IndexedTitles, ReadNote } from './loader-types.ts';
import { renderNotes, workerCountFor } from './render-pool.ts';
import { RENDER_CACHE_FILE } from '../lib/cache/cache-files.ts';

export interface RenderContext {
  /** The build's cache folder for this content folder. */
  cacheDir: string;
  projectRoot: string;
  base: string;
  trustedHtml: boolean;
  hashtagLinks: boolean;
  renderWorkers: number | undefined;
  /** Kept between loads of one process: the renderings as last written, instead of the file. */
  memory: LoaderMemory;
  /** `astro dev`: the cache file is written once saves stop (`writeWhenQuiet`), the load does not wait for it. */
  writeInBackground: boolean;
}

export interface Renderings {
  /** One per note, in note order. */
  results: RenderedNote[];
  /** How many were rendered now rather than reused. */
  renderedCount: number;
  /** Why the last build's renderings could not be used, when a cache file was there. */
  cacheProblem?: string;
}

export async function renderWithCache(notes: readonly ReadNote[], titles: IndexedTitles, context: RenderContext): Promise<Renderings> {
  const { index, indexInput, inputJson } = titles;
  const { base } = context;
  const cacheFile = join(context.cacheDir, RENDER_CACHE_FILE);
  const { memory } = context;
  const [{ entries: cache, titles: cacheTitles, problem: cacheProblem }, version] = await Promise.all([
    (memory.renderings as ReadRenderCache | undefined) ?? readRenderCache(cacheFile),
    rendererVersion(context.projectRoot),
  ]);
  const rendererOptions = { trustedHtml: context.trustedHtml, hashtagLinks: context.hashtagLinks };
  const renderSettings = `${version} trustedHtml=${rendererOptions.trustedHtml} hashtagLinks=${rendererOptions.hashtagLinks}`;
  const sourceKeys = notes.map((note) => keptSourceKey(note, renderSettings, base, memory));

  // When every cached rendering was made or checked against the titles of now (an edit that
  // changed no title), a note whose text is unchanged reuses its rendering without its links
  // being resolved again.
  const titlesNow = titlesKey(base, inputJson);
  const sameTitles = cacheTitles === titlesNow;
  const results: (RenderedNote | undefined)[] = notes.map(({ source }, i) =>
    sameTitles
      ? renderingOfSameSource(cache, source.filePath, sourceKeys[i]!)
      : reusableRendering(cache, source.filePath, sourceKeys[i]!, base, index),
  );
  const toRender = notes.flatMap(({ source, footers }, i) => (results[i] ? [] : [{ i, filePath: source.filePath, markdown: footers.body }]));
  const fresh = await renderNotes(toRender, indexInput, index, base, rendererOptions, workerCountFor(context.renderWorkers));
  toRender.forEach(({ i }, j) => (results[i] = fresh[j]));
  const rendered = results as RenderedNote[];

  const renderedNow = new Set(toRender.map(({ i }) => i));
  // A note the deadline cut off is not kept: another build, on a quieter machine, may render it.
  const next: RenderCache = new Map(
    notes.flatMap(({ source }, i) => (rendered[i]!.cutOffByTime ? [] : [[source, i] as const])).map(([source, i]) => [
      source.filePath,
      {
        sourceKey: sourceKeys[i]!,
        // A reused rendering's stored key was just checked equal to its key now, or was
        // made or checked against the same titles as now (`sameTitles`).
        linkKey: renderedNow.has(i) ? linkKey(rendered[i]!, source.filePath, base, index) : cache.get(source.filePath)!.linkKey,
        result: rendered[i]!,
      },
    ]),
  );
  // The first load of `astro dev` writes at once, in the background: it is the one that may
  // have rendered every note, and the server may be stopped at any time.
  const firstLoad = memory.renderings === undefined;
  const written = { entries: next, titles: titlesNow };
  memory.renderings = written;
  // Nothing rendered, no note gone and the same titles: the file read holds what would be
  // written (serializing it took 1.4 s at 24,000 notes).
  const fileUnchanged = firstLoad && toRender.length === 0 && cacheTitles === titlesNow && next.size === cache.size;
  if (fileUnchanged) return { results: rendered, renderedCount: 0 };
  if (!context.writeInBackground) await writeAfterTheLast(cacheFile, written, memory);
  else if (firstLoad) writeNotAwaited(cacheFile, written, memory);
  else writeWhenQuiet(cacheFile, written, memory);
  return { results: rendered, renderedCount: toRender.length, ...(cacheProblem ? { cacheProblem } : {}) };
}

/**
 * The note's `sourceKey`, hashed again only when its text was read again or the settings
 * changed: `astro dev` keeps the notes it did not read again (0.24 s at 24,000 notes).
 */
function keptSourceKey(note: ReadNote, renderSettings: string, base: string, memory: LoaderMemory): string {
  const settings = `${renderSettings}\0${base}`;
  const kept = memory.sourceKeys.get(note);
  if (kept?.settings === settings) return kept.key;
  const key = sourceKey(renderSettings, base, note.source.filePath, note.footers.body);
  memory.sourceKeys.set(note, { settings, key });
  return key;
}

interface CacheToWrite {
  entries: RenderCache;
  titles: string;
}

/** One write at a time, after the one before it, failed or not. */
function writeAfterTheLast(cacheFile: string, cache: CacheToWrite, memory: LoaderMemory): Promise<void> {
  const writing = memory.cacheWrite.then(() => writeRenderCache(cacheFile, cache.entries, cache.titles));
  memory.cacheWrite = writing.catch(() => {});
  return writing;
}

/** Written while the load goes on; a failure is one warning. */
function writeNotAwaited(cacheFile: string, cache: CacheToWrite, memory: LoaderMemory): void {
  writeAfterTheLast(cacheFile, cache, memory).catch((error: unknown) =>
    console.warn(`The render cache ${cacheFile} could not be written (${String(error)}); notes are rendered again at the next start.`),
  );
}

/** How long after the last load `astro dev` writes the render cache (`writeWhenQuiet`). */
export const DEV_CACHE_WRITE_DELAY_MS = 10_000;

/**
 * `astro dev`, after the first load: the file is for the next start only, and writing it
 * holds the process for a while (0.6 s at 7,400 notes), so it is written once saves have
 * stopped for a while, not after each. A newer load's cache replaces a pending one; a process
 * that ends first leaves the older file, and the notes changed since are rendered again at
 * the next start.
 */
function writeWhenQuiet(cacheFile: string, cache: CacheToWrite, memory: LoaderMemory): void {
  clearTimeout(memory.pendingCacheWrite);
  memory.pendingCacheWrite = setTimeout(() => {
    memory.pendingCacheWrite = undefined;
    writeNotAwaited(cacheFile, cache, memory);
  }, DEV_CACHE_WRITE_DELAY_MS);
  // A pending write does not keep the process alive.
  memory.pendingCacheWrite.unref();
}
