/** The loader's render step as the tests run it: one worker, no trusted HTML, hashtags as links. */
import { resolve } from 'node:path';
import { emptyMemory } from '../../src/loaders/loader-memory.ts';
import type { RenderContext } from '../../src/loaders/render-with-cache.ts';

export function testRenderContext(cacheDir: string, given: Partial<RenderContext> = {}): RenderContext {
  return {
    cacheDir,
    projectRoot: resolve(import.meta.dirname, '../..'),
    base: '/',
    trustedHtml: false,
    hashtagLinks: true,
    renderWorkers: 1,
    memory: emptyMemory(),
    writeInBackground: false,
    ...given,
  };
}
