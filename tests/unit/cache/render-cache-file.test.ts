import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
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
    expect(await readRenderCache(file)).toEqual({ entries });
    await writeRenderCache(file, entries as never, 'titles-key');
    expect(await readRenderCache(file)).toEqual({ entries, titles: 'titles-key' });
  });

  test('titles that are not a string are not titles: the links are checked', async () => {
    const file = join(root, 'odd-titles.bin');
    await writeFile(file, serialize({ format: 1, entries: new Map(), titles: 42 }));
    expect(await readRenderCache(file)).toEqual({ entries: new Map() });
  });

  test('a missing file is an empty cache, said nothing about', async () => {
    expect(await readRenderCache(join(root, 'none.bin'))).toEqual({ entries: new Map() });
  });

  test.each([
    ['text', () => 'not a cache', /cannot be read|not one this version wrote/],
    ['a V8 value of another shape', () => serialize({ something: 'else' }), /not one this version wrote/],
    ['a cache of another format', () => serialize({ format: 999, entries: new Map() }), /not one this version wrote/],
    ['half a cache', () => serialize({ format: 1, entries: new Map([['a.md', { html: 'x'.repeat(100) }]]) }).subarray(0, 40), /cannot be read|not one this version wrote/],
  ])('%s is an empty cache and a one-line message naming the file', async (_name, bytes, reason) => {
    const file = join(root, 'bad.bin');
    await writeFile(file, bytes());
    const read = await readRenderCache(file);
    expect(read.entries.size).toBe(0);
    expect(read.problem).toMatch(reason);
    expect(read.problem).toContain(file);
    expect(read.problem).not.toContain('\n');
  });
});
