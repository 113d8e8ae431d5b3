/** The GitHub Pages workflow runs the commands the README documents, with the settings the config reads. */
import { readFileSync } from 'node:fs';
import { readSettings } from '../../../src/lib/settings/settings.ts';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync('.github/workflows/pages.yml', 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
};
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const buildSteps = workflow.jobs.build!.steps;

describe('the GitHub Pages workflow', () => {
  test('installs with npm ci, then builds with the build script', () => {
    const runs = buildSteps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(['npm ci', 'npm run build']);
    // The site, then its search index.
    expect(packageJson.scripts.build).toBe('astro build && node src/search/index-site.ts');
  });

  test('checks out the whole history, which dates the notes', () => {
    const checkout = buildSteps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(buildSteps.indexOf(checkout!)).toBe(0);
  });

  test('passes the Pages address as SITE_URL and BASE_PATH', () => {
    const pagesStep = buildSteps.find((step) => step.uses?.startsWith('actions/configure-pages@'));
    expect(pagesStep?.id).toBe('pages');
    const build = buildSteps.find((step) => step.run === 'npm run build');
    expect(build?.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}/',
    });
  });

  test('keeps the build cache between runs, saving a new entry each run', () => {
    const names = buildSteps.map((step) => step.uses ?? step.run);
    const cache = buildSteps.find((step) => step.uses?.startsWith('actions/cache@'));
    // The folder the build keeps its cache in, by default.
    const cacheRoot = readSettings({}, '/project').cacheDir.split('/')[2];
    expect(cache?.with?.path).toBe(cacheRoot);
    expect(cacheRoot).toBe('.cache');
    // After npm ci (which would empty a cache inside node_modules), before the build.
    expect(names.indexOf(cache!.uses)).toBeGreaterThan(names.indexOf('npm ci'));
    expect(names.indexOf(cache!.uses)).toBeLessThan(names.indexOf('npm run build'));
    expect(String(cache?.with?.key)).toContain('${{ github.sha }}');
    expect(String(cache?.with?.key)).toContain("hashFiles('package-lock.json')");
    // A run without an entry for its commit restores the newest entry of an earlier run: each
    // restore key is a prefix of the key, the first one the key less the commit.
    const key = String(cache?.with?.key);
    const restoreKeys = String(cache?.with?.['restore-keys'] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(restoreKeys[0]).toBe(key.replace('${{ github.sha }}', ''));
    for (const prefix of restoreKeys) expect(key.startsWith(prefix) && key !== prefix, prefix).toBe(true);
  });

  test('uploads the folder the build writes and deploys it', () => {
    const upload = buildSteps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    const astroConfig = readFileSync('astro.config.mjs', 'utf8');
    // Astro writes to the OUT_DIR setting, which the workflow does not set: its default.
    expect(astroConfig).toMatch(/^\s+outDir,$/m);
    expect(readSettings({}, process.cwd()).outDir).toBe('./dist');
    expect(upload?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy?.needs).toBe('build');
    expect(workflow.jobs.deploy?.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});
