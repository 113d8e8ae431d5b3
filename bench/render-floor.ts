/**
 * The floor a build is measured against: every note's Markdown rendered with the site's own
 * unified pipeline (GFM, wiki links resolved against all titles) in one plain Node process,
 * one HTML file written per note. No Astro, no pages for missing titles, no search index.
 *
 *   node bench/render-floor.ts --content <notes folder> --out <empty folder>
 *
 * Prints one JSON line: { notes, readMs, renderMs, writeMs }.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { listNoteFiles } from '../src/lib/notes/note-files.ts';
import { createNoteRenderer } from '../src/lib/markdown/note-renderer.ts';
import { parseNoteSource } from '../src/lib/notes/note-source.ts';
import { buildTitleIndex } from '../src/lib/titles/title-index.ts';
import { extractTranslationFooters } from '../src/lib/translation/translation-source.ts';

const { values: args } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' } } });
if (!args.content || !args.out) throw new Error('usage: node bench/render-floor.ts --content <dir> --out <dir>');
const contentDir = resolve(args.content);
const outDir = resolve(args.out);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let start = performance.now();
const files = await listNoteFiles(contentDir);
// As the loader reads them: at most 64 files open at once (tens of thousands would run out of handles).
const limit = pLimit(64);
const sources = await Promise.all(
  files.map((file) => limit(async () => parseNoteSource(file, await readFile(join(contentDir, file), 'utf8')))),
);
const bodies = sources.map((source) => extractTranslationFooters(source.body));
const index = buildTitleIndex(
  sources.map((source, i) => ({
    title: source.title,
    filePath: source.filePath,
    originalTitles: bodies[i]!.sources.map((translation) => translation.title),
  })),
);
const readMs = performance.now() - start;

start = performance.now();
const renderer = await createNoteRenderer(index, '/');
const html: string[] = [];
for (const [i, source] of sources.entries()) html.push((await renderer.render(bodies[i]!.body, source.filePath)).html);
const renderMs = performance.now() - start;

start = performance.now();
await Promise.all(html.map((page, i) => limit(() => writeFile(join(outDir, `${i}.html`), page))));
const writeMs = performance.now() - start;

console.log(JSON.stringify({ notes: files.length, readMs: Math.round(readMs), renderMs: Math.round(renderMs), writeMs: Math.round(writeMs) }));
