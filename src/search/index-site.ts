/**
 * Builds the Pagefind index of a built site, with Pagefind's Node API, as the step after
 * `astro build` (`npm run build` runs both):
 *
 *   node src/search/index-site.ts [--site dist]
 *
 * A process of its own rather than an Astro integration hook: Astro's build process still
 * holds every page's data when its last hook runs, and Pagefind's service needs as much
 * again for a large wiki; one after the other, the build's peak memory is the larger of the
 * two instead of their sum.
 *
 * The API rather than the CLI, because each page is indexed from a copy in which Japanese
 * words are split and only the searchable article is kept (`pageForIndex`): Pagefind
 * cannot search Japanese inside English pages otherwise.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { pageForIndex } from '../lib/search/index-html.ts';
import { settings } from '../settings.ts';

/** Files sent to Pagefind at once: it parses them on its own threads while Node reads the next. */
const FILES_IN_FLIGHT = 16;
/** Files read ahead of the one being handed over. */
const FILES_READ_AHEAD = 16;

export interface IndexSummary {
  searchable: number;
  addSeconds: number;
  writeSeconds: number;
}

export async function indexSite(outDir: string): Promise<IndexSummary> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Sorted, and handed over in that order: Pagefind numbers pages as they reach it, so the
    // order (not the timing of reads and parses) decides the index's bytes.
    const files = (await readdir(outDir, { recursive: true }))
      .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
      .sort();
    const reads: (Promise<string | undefined> | undefined)[] = [];
    const readAhead = (upTo: number) => {
      while (reads.length < Math.min(upTo, files.length)) {
        const reading = readFile(join(outDir, files[reads.length]!), 'utf8').then(pageForIndex);
        // Awaited in order below; this only keeps Node from calling a failure unhandled before then.
        reading.catch(() => {});
        reads.push(reading);
      }
    };
    let searchable = 0;
    const inFlight: Promise<void>[] = [];
    for (const [i, file] of files.entries()) {
      readAhead(i + 1 + FILES_READ_AHEAD);
      const content = await reads[i];
      reads[i] = undefined;
      if (content === undefined) continue;
      // Site-relative: Pagefind's script puts the base path (where it is served from) in front.
      const url = `/${file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
      const adding = index.addHTMLFile({ url, content }).then((added) => {
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
        searchable++;
      });
      // Awaited below, in order; this only keeps Node from calling a failure unhandled before then.
      adding.catch(() => {});
      inFlight.push(adding);
      if (inFlight.length >= FILES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const addSeconds = (performance.now() - started) / 1000;
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return { searchable, addSeconds, writeSeconds: (performance.now() - started) / 1000 - addSeconds };
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string', default: settings().outDir } } });
  // Relative to the project, as Astro reads OUT_DIR.
  const outDir = resolve(values.site!);
  const { searchable, addSeconds, writeSeconds } = await indexSite(outDir);
  console.log(
    `[search-index] Indexed ${searchable} pages for search in ${(addSeconds + writeSeconds).toFixed(1)} s ` +
      `(adding ${addSeconds.toFixed(1)} s, writing ${writeSeconds.toFixed(1)} s) into ${join(outDir, 'pagefind')}`,
  );
}
