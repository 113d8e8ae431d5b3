/**
 * A hostile folder built as a writer would (issue 29): every hostile pattern of
 * `hostile-patterns.ts` at 15, 100 and 500 KB, names that are not UTF-8, names that read alike,
 * an image asked for at hundreds of sizes, beside ordinary notes from nishio-en; then
 * `npm run build` over it, timed with the peak memory of its whole process tree.
 *
 *   node bench/hostile-folder.ts [--work-dir /tmp/wiki-hostile] [--ordinary 400] [--sizes 15000,100000,500000]
 *
 * Prints wall and CPU seconds, peak memory, notes, warnings and the notes the render deadline
 * cut off. The slowest notes of a folder, one by one: `node bench/slowest-notes.ts --content DIR`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { HOSTILE_PATTERNS } from './hostile-patterns.ts';
import { measure } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    'work-dir': { type: 'string', default: '/tmp/wiki-hostile' },
    ordinary: { type: 'string', default: '400' },
    sizes: { type: 'string', default: '15000,100000,500000' },
    nishio: { type: 'string', default: join(ROOT, '../shared/corpora/nishio-en/pages') },
  },
});
const work = resolve(args['work-dir']!);
const content = join(work, 'content');
rmSync(work, { recursive: true, force: true });
mkdirSync(content, { recursive: true });

const write = (name: Buffer | string, text: string | Buffer) => writeFileSync(Buffer.concat([Buffer.from(`${content}/`), Buffer.from(name)]), text);
let files = 0;
for (const [name, make] of Object.entries(HOSTILE_PATTERNS)) {
  for (const size of args.sizes!.split(',').map(Number)) {
    write(`${name} ${size / 1000} KB.md`, `Links to [[Note 1]].\n\n${make(size)}`);
    files++;
  }
}
// What the patterns embed and link.
write('Note 1.md', '# Note 1\n\nThe note the patterns link and embed.\n');
await sharp({ create: { width: 400, height: 200, channels: 3, background: '#2a7ab0' } }).png().toFile(join(content, 'img.png'));
// Names as bytes: Shift_JIS, Latin-1, two that read alike, NFC beside NFD.
write(Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x2e, 0x6d, 0x64]), 'A Shift_JIS name, links to [[Note 1]].');
write(Buffer.from('R\xe9sum\xe9.md', 'latin1'), 'Latin-1.');
write(Buffer.from('R\xe8sum\xe8.md', 'latin1'), 'Latin-1 too, read alike.');
write('Cafe\u0301.md', 'NFD.');
write('Caf\u00e9.md', 'NFC.');
files += 6;
// Ordinary notes, as the real wiki writes them.
const ordinary = readdirSync(args.nishio!).filter((file) => file.endsWith('.md')).sort().slice(0, Number(args.ordinary));
for (const file of ordinary) writeFileSync(join(content, file), readFileSync(join(args.nishio!, file)));
files += ordinary.length;

const built = await measure(ROOT, 'npm', ['run', 'build'], { CONTENT_DIR: content, CACHE_DIR: join(work, 'cache') }).catch((error: Error) => ({ error }));
if ('error' in built) {
  console.log(`the build failed: ${built.error.message.slice(0, 2000)}`);
  process.exit(1);
}
const summary = /(\d+) notes, (\d+) pages for missing links[^\n]*?(\d+) warnings/.exec(built.log);
const render = /render ([\d.]+) s/.exec(built.log);
console.log(
  [
    `files written: ${files + 2} (${files} notes)`,
    `wall ${built.wallSeconds.toFixed(1)} s, CPU ${built.cpuSeconds.toFixed(1)} s, peak ${built.peakMemoryMB.toFixed(0)} MB`,
    `notes ${summary?.[1]}, missing-title pages ${summary?.[2]}, warnings ${summary?.[3]}, render ${render?.[1]} s`,
    `cut off by the deadline: ${(built.log.match(/cut off by time/g) ?? []).length}`,
  ].join('\n'),
);
