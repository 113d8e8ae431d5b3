/**
 * The writer's loop: `astro dev` is running, a note is saved, added or deleted, and the
 * pages show it (the loader keeps what it read and rendered between loads and reloads what
 * changed: src/loaders/loader-memory.ts). Pages are fetched over HTTP as the browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSettings } from '../../src/lib/settings/settings.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/fixture-site.ts';

const contentDir = mkdtempSync(join(tmpdir(), 'wiki-dev-'));
let dev: ChildProcess;
let origin: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

async function page(path: string): Promise<{ status: number; html: string }> {
  try {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, html: await response.text() };
  } catch {
    return { status: 0, html: '' };
  }
}

/** Waits until the page at `path` passes `check`; fails with what it last saw after a minute. */
async function eventually(path: string, check: (seen: { status: number; html: string }) => boolean): Promise<void> {
  const until = Date.now() + 60_000;
  let seen = await page(path);
  while (!check(seen)) {
    if (Date.now() > until) throw new Error(`${path} never showed the change (last status ${seen.status}); dev server log:\n${log.slice(-3000)}`);
    await new Promise((done) => setTimeout(done, 200));
    seen = await page(path);
  }
}

// A build cache as a large build leaves it: thousands of folders, none of which dev may watch.
const cacheProbe = join(dirname(readSettings({ CONTENT_DIR: contentDir }, PROJECT_ROOT).cacheDir), `dev-watch-probe-${process.pid}`);
const PROBE_FOLDERS = 2000;
// Thousands of files in the content folder: the folder is watched, not each file in it.
const PROBE_FILES = 2000;

/** The file watches the process holds (Linux: one `inotify wd:` line per watch in its descriptors' info). */
function watchesOf(pid: number): number {
  const fds = readdirSync(`/proc/${pid}/fdinfo`);
  return fds.reduce((sum, fd) => sum + (readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm)?.length ?? 0), 0);
}

beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  for (let i = 0; i < PROBE_FOLDERS; i++) mkdirSync(join(cacheProbe, `pages-${i}`), { recursive: true });
  mkdirSync(join(contentDir, 'files'));
  for (let i = 0; i < PROBE_FILES; i++) writeFileSync(join(contentDir, 'files', `file-${i}.txt`), '');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST.*|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|TEST)$/.test(name)));
  dev = spawn(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: PROJECT_ROOT,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (chunk) => (log += chunk));
  dev.stderr!.on('data', (chunk) => (log += chunk));
  await eventually('/notes/tacit_knowledge/', ({ status }) => status === 200);
}, 180_000);

afterAll(() => {
  if (dev?.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGKILL');
  rmSync(readSettings({ CONTENT_DIR: contentDir }, PROJECT_ROOT).cacheDir, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(cacheProbe, { recursive: true, force: true });
});

describe('npm run dev, while a writer works', () => {
  test('watches neither the build cache nor the built site, and each folder of notes once (each watch is one of a limited supply)', async () => {
    // The watcher adds its watches while it scans: read until the count holds for a second.
    let watches = watchesOf(dev.pid!);
    for (let last = -1; watches !== last; ) {
      await new Promise((done) => setTimeout(done, 1000));
      [last, watches] = [watches, watchesOf(dev.pid!)];
    }
    expect(watches).toBeGreaterThan(0);
    expect(watches).toBeLessThan(Math.min(PROBE_FOLDERS, PROBE_FILES));
  });

  test('a saved note shows its new text, and the note it now links to shows the backlink', async () => {
    appendFileSync(join(contentDir, 'Tacit knowledge.md'), '\n\nA line saved in dev about [[Municipal purchasing power]].\n');
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('A line saved in dev'));
    await eventually('/notes/municipal_purchasing_power/', ({ html }) => html.includes('A line saved in dev'));
  });

  test('a save written aside and renamed over the note (as many editors save) shows too', async () => {
    const file = join(contentDir, 'Tacit knowledge.md');
    writeFileSync(`${file}.swp`, `${readFileSync(file, 'utf8')}\nSaved by renaming.\n`);
    renameSync(`${file}.swp`, file);
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('Saved by renaming.'));
  });

  test('a note added in a new folder gets its page', async () => {
    mkdirSync(join(contentDir, 'new folder'));
    writeFileSync(join(contentDir, 'new folder', 'Filed away.md'), 'Filed in a folder made in dev.\n');
    await eventually('/notes/new_folder/filed_away/', ({ status, html }) => status === 200 && html.includes('Filed in a folder made in dev.'));
  });

  test('a second save of the same note replaces the first', async () => {
    appendFileSync(join(contentDir, 'Tacit knowledge.md'), '\nAnd a second line.\n');
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('And a second line.') && html.includes('A line saved in dev'));
  });

  // Business Model of Municipal System Orders links [[Waste of Taxpayer Money]] too: the added
  // note joins that 2-hop group on its page, which reads the whole link graph, not its entry.
  // Linked by that one note, the title has no page until the added note links it too.
  const twoHopNeighbour = '/notes/business_model_of_municipal_system_orders/';
  const secondMention = '/notes/waste_of_taxpayer_money/';

  test('an added note gets its page, the note it links to lists it, and so do the 2-hop groups and the home page', async () => {
    expect((await page(twoHopNeighbour)).html).not.toContain('Written in dev');
    expect((await page(secondMention)).status).toBe(404);
    writeFileSync(
      join(contentDir, 'Written in dev.md'),
      '---\ntitle: "Written in dev"\n---\nIt builds on [[Tacit knowledge]] and [[Waste of Taxpayer Money]].\n',
    );
    await eventually('/notes/written_in_dev/', ({ status, html }) => status === 200 && html.includes('It builds on'));
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('Written in dev'));
    await eventually(twoHopNeighbour, ({ html }) => html.includes('Written in dev'));
    await eventually('/', ({ html }) => html.includes('Written in dev'));
    await eventually(secondMention, ({ status, html }) => status === 200 && html.includes('Written in dev'));
    await eventually(twoHopNeighbour, ({ html }) => html.includes('href="/notes/waste_of_taxpayer_money/"'));
  });

  test('a deleted note loses its page, and leaves the backlinks of the note it linked to and the 2-hop groups', async () => {
    rmSync(join(contentDir, 'Written in dev.md'));
    await eventually('/notes/written_in_dev/', ({ status }) => status === 404);
    await eventually('/notes/tacit_knowledge/', ({ html }) => !html.includes('Written in dev'));
    await eventually(twoHopNeighbour, ({ html }) => !html.includes('Written in dev'));
    await eventually('/', ({ html }) => !html.includes('Written in dev'));
    await eventually(secondMention, ({ status }) => status === 404);
    await eventually(twoHopNeighbour, ({ html }) => !html.includes('href="/notes/waste_of_taxpayer_money/"') && html.includes('wiki-link-single-mention'));
  });
});
