/**
 * How a note's render time grows with its size, for each kind of hostile note (issue 29): each
 * pattern is made at a few sizes and rendered through the loader's per-note step (`renderJob`)
 * with a title index, in this process. The growth exponent is log(t2/t1)/log(n2/n1) between
 * consecutive sizes: about 1 is linear, 2 quadratic.
 *
 *   node bench/hostile-costs.ts [--sizes 15000,60000,240000] [--only name,name]
 *
 * Prints one line per pattern and size: name, bytes, milliseconds, exponent.
 */
import { parseArgs } from 'node:util';
import { createNoteRenderer } from '../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../src/lib/titles/title-index.ts';
import { renderJob } from '../src/loaders/render-job.ts';
import { HOSTILE_PATTERNS } from './hostile-patterns.ts';

const { values: args } = parseArgs({ options: { sizes: { type: 'string' }, only: { type: 'string' } } });
const sizes = (args.sizes ?? '15000,60000,240000').split(',').map(Number);
const only = args.only?.split(',');
const notes = Array.from({ length: 200 }, (_, i) => ({ title: `Note ${i}`, filePath: `Note ${i}.md` }));
const index = buildTitleIndex(notes);
const renderer = await createNoteRenderer(index, '/');
await renderJob(renderer, { filePath: 'warm.md', markdown: HOSTILE_PATTERNS.prose!(20_000) }, index, '/');
for (const [name, make] of Object.entries(HOSTILE_PATTERNS)) {
  if (only && !only.includes(name)) continue;
  let previous: { bytes: number; ms: number } | undefined;
  for (const size of sizes) {
    const markdown = make(size);
    const start = performance.now();
    const result = await renderJob(renderer, { filePath: `${name}.md`, markdown }, index, '/');
    const ms = performance.now() - start;
    const exponent = previous && previous.ms > 5 ? (Math.log(ms / previous.ms) / Math.log(markdown.length / previous.bytes)).toFixed(2) : '';
    console.log(`${name.padEnd(24)} ${String(markdown.length).padStart(8)} B ${ms.toFixed(0).padStart(8)} ms ${exponent.padStart(5)} problems=${result.problems.length}`);
    previous = { bytes: markdown.length, ms };
    if (ms > 60_000) break;
  }
}
