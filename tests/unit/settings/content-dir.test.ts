import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertContentDir, resolveContentDir } from '../../../src/lib/settings/content-dir.ts';

describe('resolveContentDir', () => {
  test.each([
    ['no CONTENT_DIR', {}, '/site/content'],
    ['an empty CONTENT_DIR', { CONTENT_DIR: '' }, '/site/content'],
    ['a blank CONTENT_DIR', { CONTENT_DIR: '   ' }, '/site/content'],
    ['an absolute CONTENT_DIR', { CONTENT_DIR: '/data/notes' }, '/data/notes'],
    ['an absolute CONTENT_DIR with spaces around it', { CONTENT_DIR: '  /data/notes  ' }, '/data/notes'],
    ['a relative CONTENT_DIR, read from INIT_CWD', { CONTENT_DIR: 'notes', INIT_CWD: '/home/me' }, '/home/me/notes'],
    [
      'a relative CONTENT_DIR going up',
      { CONTENT_DIR: '../shared/corpora/nishio-en/pages', INIT_CWD: '/work/main' },
      '/work/shared/corpora/nishio-en/pages',
    ],
    ['an absolute CONTENT_DIR, ignoring INIT_CWD', { CONTENT_DIR: '/data/notes', INIT_CWD: '/home/me' }, '/data/notes'],
  ])('uses %s: %j', (_why, env, dir) => {
    expect(resolveContentDir(env, '/site')).toBe(dir);
  });

  test('reads a relative CONTENT_DIR from the current folder when INIT_CWD is not set', () => {
    expect(resolveContentDir({ CONTENT_DIR: 'notes' }, '/site')).toBe(resolve(process.cwd(), 'notes'));
  });

  test('ignores INIT_CWD when CONTENT_DIR is not set', () => {
    expect(resolveContentDir({ INIT_CWD: '/home/me' }, '/site')).toBe('/site/content');
  });
});

describe('assertContentDir', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-dir-'));
    file = join(dir, 'note.md');
    await writeFile(file, 'text');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('accepts an existing folder', () => {
    expect(() => assertContentDir(dir)).not.toThrow();
  });

  test.each([
    ['a missing folder', () => join(dir, 'missing')],
    ['a file', () => file],
  ])('rejects %s, naming it and the fix', (_what, path) => {
    expect(() => assertContentDir(path())).toThrow(`The content folder ${path()} does not exist or is not a folder.`);
    expect(() => assertContentDir(path())).toThrow(/set CONTENT_DIR/);
  });
});
