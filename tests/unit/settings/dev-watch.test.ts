/** `astro dev` watches the notes and the code, never the built site or the build cache. */
import { describe, expect, test } from 'vitest';
import { buildFolders, isBuildOutput } from '../../../src/lib/settings/dev-watch.ts';

const folders = buildFolders('dist', '.cache/content-1a2b3c4d', '/site');

describe('what astro dev does not watch', () => {
  test('the cache folder of every content folder, and all in it', () => {
    expect(folders.cacheRoot).toBe('/site/.cache');
    expect(isBuildOutput('/site/.cache', folders)).toBe(true);
    expect(isBuildOutput('/site/.cache/content-99999999/pages/notes/a/index.html', folders)).toBe(true);
  });

  test('the output folder, and the old one a running build moved aside', () => {
    expect(isBuildOutput('/site/dist', folders)).toBe(true);
    expect(isBuildOutput('/site/dist/notes/a/index.html', folders)).toBe(true);
    expect(isBuildOutput('/site/dist.old-4242/notes/a/index.html', folders)).toBe(true);
  });

  test('the notes, the code and folders that only look alike', () => {
    for (const path of ['/site/content/a.md', '/site/src/pages/index.astro', '/site/distant/a.md', '/site/.cached/a.md', '/site/dist-notes/a.md', '/elsewhere/dist/a.md', '/site']) {
      expect(isBuildOutput(path, folders), path).toBe(false);
    }
  });

  test('absolute settings stay as given', () => {
    const absolute = buildFolders('/out/site', '/var/cache/wiki/content-1', '/site');
    expect(absolute).toEqual({ outDir: '/out/site', cacheRoot: '/var/cache/wiki' });
    expect(isBuildOutput('/var/cache/wiki/content-2/x', absolute)).toBe(true);
    expect(isBuildOutput('/site/dist/x', absolute)).toBe(false);
  });
});

describe('what astro dev does not watch, in corner cases', () => {
  test('the old output folder counts only beside the output folder, and only its own name', () => {
    expect(isBuildOutput('/site/dist.old-1', folders)).toBe(true);
    expect(isBuildOutput('/site/notes/dist.old-1/a.md', folders)).toBe(false);
    expect(isBuildOutput('/site/dist.older/a.md', folders)).toBe(false);
  });
  test('relative paths are read from the current folder', () => {
    const here = buildFolders('dist', '.cache/content-1', process.cwd());
    expect(isBuildOutput('dist/index.html', here)).toBe(true);
    expect(isBuildOutput('content/a.md', here)).toBe(false);
  });
});
