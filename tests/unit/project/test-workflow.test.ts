/** The GitHub test workflow runs what CI runs here, and CI runs the README's test command. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
const workflow = parse(readFileSync('.github/workflows/test.yml', 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { container?: string; steps: Step[] }>;
};
const readme = readFileSync('README.md', 'utf8');
const ciRun = readFileSync('.ci/run', 'utf8');

describe('the test workflow', () => {
  const job = workflow.jobs.test!;

  test('runs on every push and pull request', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  });

  test('runs .ci/run on Debian with Node 20, like the machines here', () => {
    expect(job.container).toMatch(/^node:20-bookworm/);
    expect(job.steps.at(-1)?.run).toBe('bash main/.ci/run');
    expect(job.steps[0]).toMatchObject({ with: { path: 'main' } });
  });

  test('puts the corpora beside the project, where the tests look for them', () => {
    const corpora = job.steps.find((step) => step.with?.path === 'shared');
    expect(corpora?.uses).toMatch(/^actions\/checkout@/);
  });
});

test('.ci/run ends with the test command the README gives', () => {
  const readmeCommand = /## Run the tests\s+```sh\n(.+)\n```/.exec(readme)?.[1];
  expect(readmeCommand).toBe('npm test');
  expect(ciRun.trim().split('\n').at(-1)).toBe(readmeCommand);
});

test('the Node version file names the Node the build runs on, which package.json requires', () => {
  const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };
  expect(packageJson.devDependencies.node).toMatch(new RegExp(`^\\^${nvmrc}\\.`));
  expect(packageJson.engines.node).toBe('>=22.12.0');
});
