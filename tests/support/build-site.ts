/** Builds the site with the real Astro CLI, as a writer would, into a folder of its own. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  outDir: string;
  /** Everything Astro printed. */
  log: string;
}

/** `outDir`: build over an earlier site there instead of into a new folder. */
export async function buildSite(options: {
  contentDir: string;
  env?: Record<string, string>;
  outDir?: string;
  /** Only `astro build`, as if the search index step had not run yet. */
  withoutSearchIndex?: boolean;
}): Promise<BuiltSite> {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'wiki-site-'));
  const env = { ...writerEnv(), ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: options.contentDir, ...options.env };
  // What `npm run build` runs: the site, then its search index.
  const log = await run(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], env);
  if (options.withoutSearchIndex) return { outDir, log };
  const indexLog = await run(process.execPath, [join(PROJECT_ROOT, 'src/search/index-site.ts'), '--site', outDir], env);
  return { outDir, log: log + indexLog };
}

export interface InterruptedBuild {
  /** What the build printed before it was killed. */
  log: string;
}

/**
 * Starts a build step as `npm run build` would and kills it, with everything it started,
 * once `when` says so (it is handed the log so far and is asked again as the log grows,
 * and every 10 ms). Fails if the step ended before it could be killed: then nothing was
 * interrupted.
 */
export function interruptBuild(options: {
  contentDir: string;
  outDir: string;
  step: 'site' | 'search index';
  when: (log: string) => boolean;
}): Promise<InterruptedBuild> {
  const env = { ...writerEnv(), ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: options.contentDir };
  const [command, args] =
    options.step === 'site'
      ? [join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', options.outDir]]
      : [process.execPath, [join(PROJECT_ROOT, 'src/search/index-site.ts'), '--site', options.outDir]];
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so that the kill reaches what it started (Pagefind's binary).
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let killed = false;
    const check = () => {
      if (killed || !options.when(output.replace(/\u001b\[[0-9;]*m/g, ''))) return;
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    };
    const poll = setInterval(check, 10);
    child.stdout.on('data', (chunk) => ((output += chunk), check()));
    child.stderr.on('data', (chunk) => ((output += chunk), check()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      if (killed && signal === 'SIGKILL') resolvePromise({ log: output });
      else reject(new Error(`the ${options.step} step ended (code ${code}) before it could be interrupted:\n${output.slice(-3000)}`));
    });
  });
}

/**
 * The environment a writer's shell would have: without what Vitest puts into `process.env`
 * (`NODE_ENV=test`, `BASE_URL=/`, `MODE`, `DEV`, …), which a child `astro build` would
 * otherwise obey (its `BASE_URL` overrode `BASE_PATH`).
 */
function writerEnv(): NodeJS.ProcessEnv {
  const leaked = /^(VITEST.*|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|TEST)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !leaked.test(name)));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}
