import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readRenderCache, rendererVersion, writeRenderCache } from '../../../src/lib/cache/render-cache-file.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'renderer-version-'));
  await mkdir(join(root, 'src/lib/markdown/deeper'), { recursive: true });
  await mkdir(join(root, 'src/loaders'), { recursive: true });
  await writeFile(join(root, 'src/lib/top.ts'), 'export const top = 1;\n');
  await writeFile(join(root, 'src/lib/markdown/deeper/nested.ts'), 'export const nested = 1;\n');
  await writeFile(join(root, 'src/loaders/loader.ts'), 'export const loader = 1;\n');
  await writeFile(join(root, 'package-lock.json'), '{}\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('rendererVersion', () => {
  test('is the same for the same files', async () => {
    expect(await rendererVersion(root)).toBe(await rendererVersion(root));
  });

  test.each([
    ['a module nested two folders deep', 'src/lib/markdown/deeper/nested.ts', 'export const nested = 2;\n'],
    ['a top-level lib module', 'src/lib/top.ts', 'export const top = 2;\n'],
    ['a loader module', 'src/loaders/loader.ts', 'export const loader = 2;\n'],
    ['the lock file', 'package-lock.json', '{"lockfileVersion":3}\n'],
    ['a new nested module', 'src/lib/markdown/deeper/added.ts', 'export {};\n'],
  ])('changes when %s changes', async (_name, file, text) => {
    const before = await rendererVersion(root);
    await writeFile(join(root, file), text);
    expect(await rendererVersion(root)).not.toBe(before);
  });

  test('a module moved to another folder changes it, even with the same text', async () => {
    const before = await rendererVersion(root);
    await rm(join(root, 'src/lib/top.ts'));
    await writeFile(join(root, 'src/lib/markdown/top.ts'), 'export const top = 1;\n');
    expect(await rendererVersion(root)).not.toBe(before);
  });

  test('ignores files that are not TypeScript', async () => {
    const before = await rendererVersion(root);
    await writeFile(join(root, 'src/lib/markdown/README.md'), 'notes about the folder\n');
    expect(await rendererVersion(root)).toBe(before);
  });
});

describe('the render cache file', () => {
  test('reads back what was written', async () => {
    const file = join(root, 'cache/renderings.bin');
    const entries = new Map([['a.md', { sourceKey: 's', linkKey: 'l', result: { html: '<p>a</p>' } }]]);
    await writeRenderCache(file, entries as never);
    expect(await readRenderCache(file)).toEqual(entries);
  });

  test('a missing or unreadable file is an empty cache', async () => {
    expect((await readRenderCache(join(root, 'none.bin'))).size).toBe(0);
    await writeFile(join(root, 'bad.bin'), 'not a cache');
    expect((await readRenderCache(join(root, 'bad.bin'))).size).toBe(0);
  });
});
