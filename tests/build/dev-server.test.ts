/**
 * The writer's loop: `astro dev` is running, a note is saved, added or deleted, and the
 * pages show it (the loader keeps what it read and rendered between loads and reloads what
 * changed: src/loaders/loader-memory.ts). Pages are fetched over HTTP as the browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
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

beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
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
});

describe('npm run dev, while a writer works', () => {
  test('a saved note shows its new text, and the note it now links to shows the backlink', async () => {
    appendFileSync(join(contentDir, 'Tacit knowledge.md'), '\n\nA line saved in dev about [[Municipal purchasing power]].\n');
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('A line saved in dev'));
    await eventually('/notes/municipal_purchasing_power/', ({ html }) => html.includes('A line saved in dev'));
  });

  test('a second save of the same note replaces the first', async () => {
    appendFileSync(join(contentDir, 'Tacit knowledge.md'), '\nAnd a second line.\n');
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('And a second line.') && html.includes('A line saved in dev'));
  });

  test('an added note gets its page, and the note it links to lists it', async () => {
    writeFileSync(join(contentDir, 'Written in dev.md'), '---\ntitle: "Written in dev"\n---\nIt builds on [[Tacit knowledge]].\n');
    await eventually('/notes/written_in_dev/', ({ status, html }) => status === 200 && html.includes('It builds on'));
    await eventually('/notes/tacit_knowledge/', ({ html }) => html.includes('Written in dev'));
  });

  test('a deleted note loses its page, and leaves the backlinks of the note it linked to', async () => {
    rmSync(join(contentDir, 'Written in dev.md'));
    await eventually('/notes/written_in_dev/', ({ status }) => status === 404);
    await eventually('/notes/tacit_knowledge/', ({ html }) => !html.includes('Written in dev'));
  });
});
