/**
 * In `astro build`, the pages read Astro's content store from its file instead of from a
 * module that holds it as one string literal (`lib/cache/content-store-module.ts`): at 24,000
 * notes that literal took 30–38 s to compile whenever a note had changed.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENT_STORE_FILE } from '../lib/cache/cache-files.ts';
import { storeModuleReadingFile } from '../lib/cache/content-store-module.ts';

/** Astro's module of the store (`astro:data-layer-content`, resolved), and the file it is made from in a build. */
const STORE_MODULE_ID = '\0astro:data-layer-content';

export function contentStoreFromFile(): AstroIntegration {
  return {
    name: 'content-store-from-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL(CONTENT_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-from-file',
                apply: 'build',
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE_ID) return undefined;
                  let json: string;
                  try {
                    json = readFileSync(file, 'utf8');
                  } catch {
                    return undefined;
                  }
                  const module = storeModuleReadingFile(code, json, file);
                  if (module === undefined) {
                    logger.info(`the content store module is not the text of ${file}: the pages read it as Astro made it`);
                    return undefined;
                  }
                  return { code: module, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
