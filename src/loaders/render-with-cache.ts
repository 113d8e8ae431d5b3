/**
 * Step 3: every note rendered, or its rendering from the last build reused when nothing it
 * depends on changed (`lib/cache/render-cache.ts`); the notes to render go to the worker
 * pool. The cache is written back for the next build.
 */
import { join } from 'node:path';
import { readRenderCache, rendererVersion, writeRenderCache, type ReadRenderCache } from '../lib/cache/render-cache-file.ts';
import { linkKey, reusableRendering, sourceKey, type RenderCache } from '../lib/cache/render-cache.ts';
import type { RenderedNote } from '../lib/markdown/note-renderer.ts';
import type { IndexedTitles } from './index-titles.ts';
import type { LoaderMemory } from './loader-memory.ts';
import type { ReadNote } from './read-notes.ts';
import { renderNotes, workerCountFor } from './render-pool.ts';

/** In the build's cache folder: the notes rendered by the last build. */
const RENDER_CACHE_FILE = 'note-renderings.bin';

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
  /** `astro dev`: the cache file is written in the background, the load does not wait for it. */
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
  const { index, indexInput } = titles;
  const { base } = context;
  const cacheFile = join(context.cacheDir, RENDER_CACHE_FILE);
  const { memory } = context;
  const [{ entries: cache, problem: cacheProblem }, version] = await Promise.all([
    memory.renderings ? ({ entries: memory.renderings } as ReadRenderCache) : readRenderCache(cacheFile),
    rendererVersion(context.projectRoot),
  ]);
  const rendererOptions = { trustedHtml: context.trustedHtml, hashtagLinks: context.hashtagLinks };
  const renderSettings = `${version} trustedHtml=${rendererOptions.trustedHtml} hashtagLinks=${rendererOptions.hashtagLinks}`;
  const sourceKeys = notes.map(({ source, footers }) => sourceKey(renderSettings, base, source.filePath, footers.body));

  const results: (RenderedNote | undefined)[] = notes.map(({ source }, i) => reusableRendering(cache, source.filePath, sourceKeys[i]!, base, index));
  const toRender = notes.flatMap(({ source, footers }, i) => (results[i] ? [] : [{ i, filePath: source.filePath, markdown: footers.body }]));
  const fresh = await renderNotes(toRender, indexInput, index, base, rendererOptions, workerCountFor(context.renderWorkers));
  toRender.forEach(({ i }, j) => (results[i] = fresh[j]));
  const rendered = results as RenderedNote[];

  const renderedNow = new Set(toRender.map(({ i }) => i));
  const next: RenderCache = new Map(
    notes.map(({ source }, i) => [
      source.filePath,
      {
        sourceKey: sourceKeys[i]!,
        // A reused rendering's stored key was just checked equal to its key now.
        linkKey: renderedNow.has(i) ? linkKey(rendered[i]!, source.filePath, base, index) : cache.get(source.filePath)!.linkKey,
        result: rendered[i]!,
      },
    ]),
  );
  memory.renderings = next;
  // One write at a time, after the one before it, failed or not.
  const writing = memory.cacheWrite.then(() => writeRenderCache(cacheFile, next));
  memory.cacheWrite = writing.catch(() => {});
  if (!context.writeInBackground) await writing;
  else writing.catch((error: unknown) => console.warn(`The render cache ${cacheFile} could not be written (${String(error)}); notes are rendered again at the next start.`));
  return { results: rendered, renderedCount: toRender.length, ...(cacheProblem ? { cacheProblem } : {}) };
}
