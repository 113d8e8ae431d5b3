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

/** Each pattern: text of about `bytes` bytes. */
const repeat = (unit: string, bytes: number, joiner = '') => Array.from({ length: Math.max(1, Math.floor(bytes / (unit.length + joiner.length))) }, () => unit).join(joiner);
export const HOSTILE_PATTERNS: Record<string, (bytes: number) => string> = {
  prose: (n) => repeat('Plain words of ordinary prose, with a [[Note 1]] link now and then and *some* emphasis.', n, '\n\n'),
  'star-open': (n) => repeat('*a ', n),
  'star-close': (n) => repeat('a*', n),
  'under-open': (n) => repeat('_a ', n),
  'double-star': (n) => repeat('**', n),
  'double-star-lines': (n) => repeat('**a', n, '\n'),
  'strong-under': (n) => repeat('**_', n),
  'mixed-delims': (n) => repeat('*_a**_b ', n),
  'star-lines': (n) => repeat('*a *b *c', n, '\n'),
  'comment-open': (n) => repeat('<!--', n),
  'comment-lines': (n) => repeat('<!--', n, '\n'),
  'comment-open-x': (n) => repeat('a <!-- ', n),
  cdata: (n) => repeat('<![CDATA[', n),
  'processing': (n) => repeat('<?', n),
  'declaration': (n) => repeat('<!X', n),
  'html-open': (n) => repeat('<a ', n),
  hashtags: (n) => repeat('#tag', n, ' '),
  'hashtags-distinct': (n) => Array.from({ length: Math.floor(n / 8) }, (_, i) => `#t${i}`).join(' '),
  'footnote-refs': (n) => `${repeat('x[^1]', n)}\n\n[^1]: note`,
  'footnote-defs': (n) => Array.from({ length: Math.floor(n / 16) }, (_, i) => `a[^${i}]\n\n[^${i}]: x`).join('\n\n'),
  'footnote-missing': (n) => repeat('[^a]', n),
  'link-refs': (n) => Array.from({ length: Math.floor(n / 20) }, (_, i) => `[r${i}]: /u${i}`).join('\n') + '\n\n' + repeat('[r1] ', 100),
  'link-ref-uses': (n) => `[r]: /u\n\n${repeat('[r] ', n)}`,
  'nested-lists': (n) => Array.from({ length: Math.floor(n / 80) }, (_, i) => `${'  '.repeat(i % 40)}- item`).join('\n'),
  'nested-quotes': (n) => repeat('> ', Math.min(n, 2000)) + 'x\n' + repeat('text ', n - 2000),
  'table-wide': (n) => { const cols = Math.floor(Math.sqrt(n / 4)); const row = `|${repeat('a|', cols * 2)}`; return [row, `|${repeat('-|', cols * 2)}`, ...Array.from({ length: cols }, () => row)].join('\n'); },
  'table-cols-one-row': (n) => `${repeat('|a', n)}\n${repeat('|-', n)}`,
  'backticks': (n) => repeat('`a ``b ', n),
  'wiki-brackets': (n) => repeat('[[a ', n),
  'links-open': (n) => repeat('[a](', n),
  'autolink-www': (n) => repeat('www.a', n),
  'emails': (n) => repeat('a@b.', n),
  'entities': (n) => repeat('&amp', n),
  'embeds-missing-section': (n) => repeat('![[Note 1#Missing section]]', n, '\n'),
  'images-sizes': (n) => Array.from({ length: Math.floor(n / 20) }, (_, i) => `![[img.png|${100 + i}]]`).join('\n'),
  'setext-lines': (n) => repeat('a\n=', n, '\n'),
  'headings': (n) => repeat('# a', n, '\n'),
  'inline-html': (n) => repeat('<span>', n),
};

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
