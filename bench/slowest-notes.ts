/**
 * The notes of a folder that take longest to render, one at a time in this process through
 * the loader's per-note step (`renderJob`, title index of the whole folder): what the
 * per-note budget of issue 29 is measured against. No Astro, no embeds, no pages.
 *
 *   node bench/slowest-notes.ts --content <notes folder> [--top 10]
 *
 * Prints the total render time, then one line per note: milliseconds, characters, file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNoteRenderer } from '../src/lib/markdown/note-renderer.ts';
import { listContentFiles } from '../src/lib/notes/note-files.ts';
import { parseNoteSource } from '../src/lib/notes/note-source.ts';
import { buildTitleIndex } from '../src/lib/titles/title-index.ts';
import { extractTranslationFooters } from '../src/lib/translation/translation-source.ts';
import { renderJob } from '../src/loaders/render-job.ts';

const { values: args } = parseArgs({ options: { content: { type: 'string' }, top: { type: 'string' } } });
if (!args.content) throw new Error('usage: node bench/slowest-notes.ts --content <dir> [--top 10]');
const contentDir = resolve(args.content);
const files = (await listContentFiles(contentDir)).notes;
const sources = await Promise.all(files.map(async (file) => parseNoteSource(file.path, await readFile(file.diskPath, 'utf8'))));
const bodies = sources.map((source) => extractTranslationFooters(source.body));
const index = buildTitleIndex(
  sources.map((source, i) => ({ title: source.title, filePath: source.filePath, originalTitles: bodies[i]!.sources.map((translation) => translation.title) })),
);
const renderer = await createNoteRenderer(index, '/');
const times: { ms: number; chars: number; file: string }[] = [];
const start = performance.now();
for (const [i, source] of sources.entries()) {
  const markdown = bodies[i]!.body;
  const t = performance.now();
  await renderJob(renderer, { filePath: source.filePath, markdown }, index, '/');
  times.push({ ms: performance.now() - t, chars: markdown.length, file: source.filePath });
}
console.log(`${files.length} notes rendered in ${Math.round(performance.now() - start)} ms`);
for (const { ms, chars, file } of times.sort((a, b) => b.ms - a.ms).slice(0, Number(args.top ?? 10))) {
  console.log(`${ms.toFixed(0).padStart(7)} ms ${String(chars).padStart(9)} chars  ${file}`);
}
