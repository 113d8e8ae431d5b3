/**
 * Folders that build tests make and compare: temporary content and output folders removed
 * after the tests with their build caches, the bytes of a built site, and a clean build of
 * the same notes from a folder of their own (nothing of an earlier build reused).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generatedPages } from '../../bench/build-log.ts';
import { searchBundleCache } from '../../src/lib/cache/search-bundle-cache.ts';
import { readSettings } from '../../src/lib/settings/settings.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './build-site.ts';
import { listOutputFiles } from './read-built-site.ts';

/** The build cache of a content folder (`CACHE_DIR`, one subfolder per content folder). */
export const cacheDirOf = (contentDir: string): string => readSettings({ CONTENT_DIR: contentDir }, PROJECT_ROOT).cacheDir;

/** The log as text: Astro colours it where `CI` is set (picocolors takes CI to mean colours work). */
export const plainLog = (log: string): string => log.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * The note pages a build rendered rather than copied from the last build, sorted, from its
 * log (`generatedPages`: Astro generates several pages at once, and their lines mix).
 */
export function renderedNotePages(log: string): string[] {
  return notePages(log)
    .filter((page) => !page.copied && !page.kept)
    .map((page) => page.path)
    .sort();
}

/** How many note pages a build took from the last build: copied from the build cache or kept in place. */
export function copiedNotePages(log: string): number {
  return notePages(log).filter((page) => page.copied || page.kept).length;
}

/** How many note pages a build found unchanged in the output folder and kept in place. */
export function keptNotePages(log: string): number {
  return notePages(log).filter((page) => page.kept).length;
}

function notePages(log: string) {
  return generatedPages(log).filter((page) => /^\/notes\/.+\/index\.html$/.test(page.path));
}

/** Every file of a built site with its bytes, sorted by path. */
export function siteBytes(outDir: string): Map<string, Buffer> {
  return new Map([...listOutputFiles(outDir)].sort().map((file) => [file, readFileSync(join(outDir, file))]));
}

/** Asserts two sites are the same, naming the files that differ. */
export function expectSameSite(built: Map<string, Buffer>, reference: Map<string, Buffer>): void {
  expect([...built.keys()]).toEqual([...reference.keys()]);
  expect([...reference].filter(([file, bytes]) => !built.get(file)!.equals(bytes)).map(([file]) => file)).toEqual([]);
}

/** Temporary folders for one test file; `removeAll` (in `afterAll`) removes them and their caches. */
export function temporaryFolders(): { tempDir: (prefix: string) => string; removeAll: () => void } {
  const made: string[] = [];
  return {
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of made.splice(0)) {
        rmSync(cacheDirOf(dir), { recursive: true, force: true });
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A build of the same notes copied, with their files' times (the feed dates notes by them), into `freshDir`. */
export function cleanBuild(contentDir: string, freshDir: string): Promise<BuiltSite> {
  cpSync(contentDir, freshDir, { recursive: true, preserveTimestamps: true });
  return buildSite({ contentDir: freshDir });
}

/**
 * The folders of the search index's bundles in a build cache, sorted (beside them the cache
 * keeps the word list, under a key that sorts anywhere among theirs).
 */
export function cachedSearchBundles(cacheDir: string): string[] {
  const root = searchBundleCache(cacheDir);
  return readdirSync(root)
    .filter((entry) => existsSync(join(root, entry, 'pagefind-entry.json')))
    .sort()
    .map((entry) => join(root, entry));
}
