import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { INCREMENTAL_MANIFEST, UNFINISHED_MARK } from '../../../src/lib/cache/cache-files.ts';
import { finishBuild, startBuild } from '../../../src/lib/cache/unfinished-build.ts';

let cacheDir: string;
const manifest = () => join(cacheDir, INCREMENTAL_MANIFEST);
const GOOD_MANIFEST = JSON.stringify({ version: 1, configHash: 'c', lockfileHash: 'l', routes: {} });

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'unfinished-build-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('a build that finished', () => {
  test('leaves the manifest to the next build, which says nothing', () => {
    expect(startBuild(cacheDir)).toEqual([]);
    writeFileSync(manifest(), GOOD_MANIFEST);
    finishBuild(cacheDir);
    expect(startBuild(cacheDir)).toEqual([]);
    expect(readFileSync(manifest(), 'utf8')).toBe(GOOD_MANIFEST);
  });

  test('the first build of a new cache folder makes it', () => {
    const fresh = join(cacheDir, 'deeper', 'content-1');
    expect(startBuild(fresh)).toEqual([]);
    expect(existsSync(join(fresh, UNFINISHED_MARK))).toBe(true);
  });
});

describe('a build that was interrupted', () => {
  test('its manifest is dropped by the next build, which says so in one line', () => {
    writeFileSync(manifest(), GOOD_MANIFEST);
    startBuild(cacheDir);
    // killed here: no finishBuild
    const messages = startBuild(cacheDir);
    expect(existsSync(manifest())).toBe(false);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/did not finish/);
  });

  test('the build after the next one trusts the cache again', () => {
    startBuild(cacheDir);
    startBuild(cacheDir);
    writeFileSync(manifest(), GOOD_MANIFEST);
    finishBuild(cacheDir);
    expect(startBuild(cacheDir)).toEqual([]);
    expect(existsSync(manifest())).toBe(true);
  });
});

describe('a manifest that is not one', () => {
  test.each([
    ['half a file', GOOD_MANIFEST.slice(0, 20)],
    ['JSON of another shape', '[1, 2, 3]'],
    ['null', 'null'],
    ['binary noise', '\u0000\u0001\u0002'],
  ])('%s is dropped with a one-line message naming it', (_name, text) => {
    writeFileSync(manifest(), text);
    const messages = startBuild(cacheDir);
    expect(existsSync(manifest())).toBe(false);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(manifest());
    expect(messages[0]).not.toContain('\n');
  });
});
