/**
 * An interrupted build must not leave a cache that makes the next build wrong. Astro's
 * incremental build writes each page it renders into the cache folder as it goes, and its
 * manifest (which page copy belongs to which cache key) only at the end: a build killed in
 * between leaves copies that the old manifest would hand out under the old keys (edit a
 * note, kill the build, undo the edit: the next build restored the edited page).
 *
 * So a build marks the cache folder as unfinished when it starts and clears the mark when
 * it ends. A build that finds the mark ignores the manifest (every page is rendered once
 * more); a manifest that cannot be read is ignored too, with one line saying why. The
 * other caches are written whole or not at all (aside and renamed) and checked when read.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INCREMENTAL_MANIFEST, UNFINISHED_MARK } from './cache-files.ts';

/**
 * Called as a build starts: drops what an earlier interrupted build left unsafe, then marks
 * this build as running. Returns the lines to tell the writer.
 */
export function startBuild(cacheDir: string): string[] {
  const messages: string[] = [];
  const mark = join(cacheDir, UNFINISHED_MARK);
  const manifest = join(cacheDir, INCREMENTAL_MANIFEST);
  if (existsSync(mark)) {
    if (existsSync(manifest)) {
      messages.push(`The last build did not finish (${cacheDir}): its page copies are not reused, every page is rendered again.`);
    }
    rmSync(manifest, { force: true });
  } else if (existsSync(manifest) && !isReadableManifest(manifest)) {
    messages.push(`The cache of built pages (${manifest}) cannot be read: it is ignored, every page is rendered again.`);
    rmSync(manifest, { force: true });
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(mark, `${process.pid}\n`);
  return messages;
}

/** Called when a build has ended well: the cache it leaves can be trusted. */
export function finishBuild(cacheDir: string): void {
  rmSync(join(cacheDir, UNFINISHED_MARK), { force: true });
}

function isReadableManifest(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && 'routes' in data && typeof data.routes === 'object';
  } catch {
    return false;
  }
}
