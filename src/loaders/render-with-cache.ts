/**
 * Step 3: every note rendered, or its rendering from the last build reused when nothing it
 * depends on changed (`lib/cache/render-cache.ts`); the notes to render go to the worker
 * pool. The cache is written back for the next build.
 */
import { join } from 'node:path';
import { readRenderCache, rendererVersion, writeRenderCache } from '../lib/cache/render-cache-file.ts';
import { linkKey, reusableRendering, sourceKey } from '../lib/cache/render-cache.ts';
import type { RenderedNote } from '../lib/markdown/note-renderer.ts';
import type { IndexedTitles } from './index-titles.ts';
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
}

export interface Renderings {
  /** One per note, in note order. */
  results: RenderedNote[];
  /** How many were rendered now rather than reused. */
  renderedCount: number;
}

export async function renderWithCache(notes: readonly ReadNote[], titles: IndexedTitles, context: RenderContext): Promise<Renderings> {
  const { index, indexInput } = titles;
  const { base } = context;
  const cacheFile = join(context.cacheDir, RENDER_CACHE_FILE);
  const [cache, version] = await Promise.all([readRenderCache(cacheFile), rendererVersion(context.projectRoot)]);
  const rendererOptions = { trustedHtml: context.trustedHtml, hashtagLinks: context.hashtagLinks };
  const renderSettings = `${version} trustedHtml=${rendererOptions.trustedHtml} hashtagLinks=${rendererOptions.hashtagLinks}`;
  const sourceKeys = notes.map(({ source, footers }) => sourceKey(renderSettings, base, source.filePath, footers.body));

  const results: (RenderedNote | undefined)[] = notes.map(({ source }, i) => reusableRendering(cache, source.filePath, sourceKeys[i]!, base, index));
  const toRender = notes.flatMap(({ source, footers }, i) => (results[i] ? [] : [{ i, filePath: source.filePath, markdown: footers.body }]));
  const fresh = await renderNotes(toRender, indexInput, index, base, rendererOptions, workerCountFor(context.renderWorkers));
  toRender.forEach(({ i }, j) => (results[i] = fresh[j]));
  const rendered = results as RenderedNote[];

  const renderedNow = new Set(toRender.map(({ i }) => i));
  await writeRenderCache(
    cacheFile,
    new Map(
      notes.map(({ source }, i) => [
        source.filePath,
        {
          sourceKey: sourceKeys[i]!,
          // A reused rendering's stored key was just checked equal to its key now.
          linkKey: renderedNow.has(i) ? linkKey(rendered[i]!, source.filePath, base, index) : cache.get(source.filePath)!.linkKey,
          result: rendered[i]!,
        },
      ]),
    ),
  );
  return { results: rendered, renderedCount: toRender.length };
}
