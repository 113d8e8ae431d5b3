/**
 * The writer's loop in `npm run dev`: how long the dev server takes to answer its first note
 * page (with the build cache cold, then warm), and how long after a note is saved its page,
 * and the page of a note it links to, show the change.
 *
 *   npm run bench:dev [-- --content <folder> --work-dir /tmp/wiki-dev-bench --edits 3 --warm-only]
 *
 * The notes are copied into the work folder first; nothing is written into the corpus.
 * Pages are fetched over HTTP (no browser): a page shows the change when its HTML holds the
 * text the edit added. Polled every 100 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../src/lib/settings/settings.ts';
import { hrefForSlug } from '../src/lib/titles/slugs.ts';
import { indexTitles } from '../src/loaders/index-titles.ts';
import { readNotes } from '../src/loaders/read-notes.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: join(ROOT, '../shared/corpora/nishio-en/pages') },
    'work-dir': { type: 'string', default: '/tmp/wiki-dev-bench' },
    edits: { type: 'string', default: '3' },
    port: { type: 'string', default: '4399' },
    // Keep the work folder and its cache from an earlier run: only the warm start and the edits.
    'warm-only': { type: 'boolean', default: false },
  },
});
const WORK = resolve(args['work-dir']!);
const contentDir = join(WORK, 'content');
const PORT = Number(args.port);
const origin = `http://127.0.0.1:${PORT}`;

async function fetchText(path: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${origin}${path}`);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds until `check` holds, polling every 100 ms; throws after `limit` seconds. */
async function secondsUntil(check: () => Promise<boolean>, limit = 600): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if ((performance.now() - started) / 1000 > limit) throw new Error(`not within ${limit} s: is another astro dev server running in this project?`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return (performance.now() - started) / 1000;
}

function startDev(): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  child.on('exit', (code) => {
    if (!stopping.has(child)) {
      console.error(`astro dev ended (code ${code}):\n${log.slice(-3000)}`);
      process.exit(1);
    }
  });
  return child;
}

const stopping = new Set<ChildProcess>();

function stopDev(child: ChildProcess): Promise<void> {
  stopping.add(child);
  return new Promise((done) => {
    child.on('close', () => done());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

const { cacheDir } = readSettings({ CONTENT_DIR: contentDir }, ROOT);
if (!args['warm-only']) {
  rmSync(WORK, { recursive: true, force: true });
  cpSync(args.content!, contentDir, { recursive: true });
  rmSync(cacheDir, { recursive: true, force: true });
}

// The notes as the site names them: an edited note, and a note it gets a link to.
const { index } = indexTitles((await readNotes(contentDir)).notes);
const notes = [...index.notes].sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
const target = notes[Math.floor(notes.length / 2)]!;
const linked = notes[Math.floor(notes.length / 3)]!;
const targetPath = hrefForSlug(target.slug);
const linkedPath = hrefForSlug(linked.slug);

const results: Record<string, number | number[]> = {};
for (const cache of args['warm-only'] ? (['warm'] as const) : (['cold', 'warm'] as const)) {
  const dev = startDev();
  results[`start, cache ${cache}: first note page answers (s)`] = await secondsUntil(async () => (await fetchText(targetPath)) !== undefined);
  console.error(`started (cache ${cache}); editing ${target.filePath} (${targetPath}), linking ${linkedPath}`);
  if (cache === 'warm') {
    const own: number[] = [];
    const linkedPage: number[] = [];
    for (let edit = 1; edit <= Number(args.edits); edit++) {
      const marker = `edit ${edit} at ${Date.now()}`;
      const file = join(contentDir, target.filePath);
      // One benchmark line at a time: a page shows the first three mentions from each note.
      const text = readFileSync(file, 'utf8').replace(/\nSaved by the dev benchmark: .*\n/g, '');
      writeFileSync(file, `${text}\nSaved by the dev benchmark: ${marker}, about [[${linked.title}]].\n`);
      const saved = performance.now();
      await secondsUntil(async () => (await fetchText(targetPath))?.includes(marker) ?? false);
      own.push((performance.now() - saved) / 1000);
      console.error(`edit ${edit}: the note page after ${own.at(-1)!.toFixed(1)} s`);
      await secondsUntil(async () => (await fetchText(linkedPath))?.includes(marker) ?? false);
      linkedPage.push((performance.now() - saved) / 1000);
    }
    results['save → the note page shows it (s, each edit)'] = own;
    results['save → the linked note page shows it (s, each edit)'] = linkedPage;
  }
  await stopDev(dev);
}
console.log(`Dev server, ${notes.length} notes (${args.content}):`);
for (const [name, value] of Object.entries(results)) {
  console.log(`- ${name}: ${Array.isArray(value) ? value.map((v) => v.toFixed(1)).join(', ') : value.toFixed(1)}`);
}
