/** Vite's watcher in `astro dev` watches the code, never the built site, the build cache or the notes (the loader watches those). */
import { describe, expect, test } from 'vitest';
import { isUnwatched, unwatchedFolders } from '../../../src/lib/settings/dev-watch.ts';

const folders = unwatchedFolders('dist', '.cache/content-1a2b3c4d', 'content', '/site');

describe('what astro dev does not watch', () => {
  test('the cache folder of every content folder, and all in it', () => {
    expect(folders.cacheRoot).toBe('/site/.cache');
    expect(isUnwatched('/site/.cache', folders)).toBe(true);
    expect(isUnwatched('/site/.cache/content-99999999/pages/notes/a/index.html', folders)).toBe(true);
  });

  test('the output folder, and the old one a running build moved aside', () => {
    expect(isUnwatched('/site/dist', folders)).toBe(true);
    expect(isUnwatched('/site/dist/notes/a/index.html', folders)).toBe(true);
    expect(isUnwatched('/site/dist.old-4242/notes/a/index.html', folders)).toBe(true);
  });

  test('the content folder, which the loader watches', () => {
    expect(isUnwatched('/site/content', folders)).toBe(true);
    expect(isUnwatched('/site/content/sub/a.md', folders)).toBe(true);
    expect(isUnwatched('/site/contents/a.md', folders)).toBe(false);
  });

  test('unless the content folder holds the project: the code stays watched', () => {
    for (const contentDir of ['.', '..']) {
      const holding = unwatchedFolders('dist', '.cache/content-1', contentDir, '/site/project');
      expect(holding.contentDir).toBeUndefined();
      expect(isUnwatched('/site/project/src/pages/index.astro', holding)).toBe(false);
    }
  });

  test('the code and folders that only look alike', () => {
    for (const path of ['/site/src/pages/index.astro', '/site/distant/a.md', '/site/.cached/a.md', '/site/dist-notes/a.md', '/elsewhere/dist/a.md', '/site']) {
      expect(isUnwatched(path, folders), path).toBe(false);
    }
  });

  test('absolute settings stay as given', () => {
    const absolute = unwatchedFolders('/out/site', '/var/cache/wiki/content-1', '/notes/vault', '/site');
    expect(absolute).toEqual({ outDir: '/out/site', cacheRoot: '/var/cache/wiki', contentDir: '/notes/vault' });
    expect(isUnwatched('/var/cache/wiki/content-2/x', absolute)).toBe(true);
    expect(isUnwatched('/site/dist/x', absolute)).toBe(false);
  });
});

describe('what astro dev does not watch, in corner cases', () => {
  test('the old output folder counts only beside the output folder, and only its own name', () => {
    expect(isUnwatched('/site/dist.old-1', folders)).toBe(true);
    expect(isUnwatched('/site/notes/dist.old-1/a.md', folders)).toBe(false);
    expect(isUnwatched('/site/dist.older/a.md', folders)).toBe(false);
  });
  test('relative paths are read from the current folder', () => {
    const here = unwatchedFolders('dist', '.cache/content-1', 'content', process.cwd());
    expect(isUnwatched('dist/index.html', here)).toBe(true);
    expect(isUnwatched('content/a.md', here)).toBe(true);
    expect(isUnwatched('src/pages/index.astro', here)).toBe(false);
  });
});
