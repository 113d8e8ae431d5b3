/**
 * The build must stop with a clear message under a Node older than Astro 7 supports
 * (the machines' own Node 20), telling the writer to go through npm.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';

function olderNode(): string | undefined {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    if (!existsSync(path)) continue;
    const [major = 0, minor = 0] = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' })
      .trim()
      .split('.')
      .map(Number);
    if (major < 22 || (major === 22 && minor < 12)) return path;
  }
  if (process.env.CI === 'true') throw new Error('CI machines have Node 20 on PATH, but none was found');
  return undefined;
}

const oldNode = olderNode();

test.runIf(oldNode)('loading the site config under Node 20 fails with a message saying what to run', () => {
  const result = spawnSync(
    oldNode!,
    ['-e', "import('./astro.config.mjs').catch((error) => { console.error(error.message); process.exit(3); })"],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect(result.status).toBe(3);
  expect(result.stderr).toContain('needs Node 22.12 or newer');
  expect(result.stderr).toContain('npm start');
});
