/**
 * Indexes the built site with Pagefind's Node API at the end of `astro build`.
 *
 * The API rather than the CLI, because each page is indexed from a copy whose Japanese words
 * are split (`htmlForIndex`): Pagefind cannot search Japanese inside English pages otherwise.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { htmlForIndex } from '../lib/index-html.ts';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'wiki-pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const files = (await readdir(outDir, { recursive: true })).filter(
            (file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`),
          );
          let searchable = 0;
          for (const file of files) {
            const html = await readFile(join(outDir, file), 'utf8');
            // Site-relative: Pagefind's script puts the base path (where it is served from) in front.
            const url = `/${file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
            const added = await index.addHTMLFile({ url, content: htmlForIndex(html) });
            if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
            if (html.includes('data-pagefind-body')) searchable++;
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${searchable} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
