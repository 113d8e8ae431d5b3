/**
 * Makes an interrupted build harmless to the next one (`lib/cache/unfinished-build.ts`):
 * the cache folder is marked when `astro build` starts and cleared when it ends.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { finishBuild, startBuild } from '../lib/cache/unfinished-build.ts';

export function unfinishedBuildGuard(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'unfinished-build-guard',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        for (const message of startBuild(cacheDir)) logger.info(message);
      },
      'astro:build:done': () => {
        if (cacheDir) finishBuild(cacheDir);
      },
    },
  };
}
