/**
 * The search index bundles of the last builds (see `lib/search/index-bundles.ts`), kept in
 * the build cache under `search-index/<key>/`: a bundle's key covers everything its files
 * follow from (the pages it indexes, byte for byte, and the indexer's version), so a bundle
 * whose key is there is copied instead of indexed again.
 *
 * Each folder holds the bundle's files and `manifest.json`, which lists every file with its
 * SHA-256. A folder is written aside and renamed, so an interrupted build never leaves half a
 * bundle under a key; a file that is missing or differs from its manifest makes the whole
 * bundle a miss, with one line saying why, and the bundle is indexed again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { SEARCH_BUNDLE_MANIFEST, SEARCH_INDEX_DIR } from './cache-files.ts';

const FORMAT = 1;
/** Files read or written at once while copying a bundle. */
const FILES_AT_ONCE = 32;

interface Manifest {
  format: number;
  key: string;
  /** Path (with `/`) relative to the bundle folder, and the SHA-256 of its bytes, base64url. */
  files: [string, string][];
}

export type Restored = { restored: true; files: number } | { restored: false; problem?: string };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64url');

/** The cache folder of the bundles inside a content folder's build cache. */
export const searchBundleCache = (cacheDir: string): string => join(cacheDir, SEARCH_INDEX_DIR);

/**
 * Copies the bundle cached under `key` into `target` (made if missing). Not restored when there
 * is no such bundle, or (with a `problem`) when it cannot be read or a file differs from its
 * manifest; then whatever was copied into `target` is removed again.
 */
export async function restoreBundle(cacheRoot: string, key: string, target: string): Promise<Restored> {
  const folder = join(cacheRoot, key);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, SEARCH_BUNDLE_MANIFEST), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { restored: false };
    return { restored: false, problem: `its manifest cannot be read` };
  }
  if (manifest?.format !== FORMAT || manifest.key !== key || !Array.isArray(manifest.files)) {
    return { restored: false, problem: 'its manifest is not one this version wrote' };
  }
  // One `mkdir` a folder, awaited by every file in it.
  const folders = new Map<string, Promise<unknown>>();
  try {
    await inBatches(manifest.files, async ([file, hash]) => {
      if (typeof file !== 'string' || file.split('/').includes('..')) throw new Error(`it names a file outside its folder`);
      const bytes = await readFile(join(folder, file)).catch(() => {
        throw new Error(`${file} is missing`);
      });
      if (sha256(bytes) !== hash) throw new Error(`${file} is not the file it lists`);
      const path = join(target, file);
      if (!folders.has(dirname(path))) folders.set(dirname(path), mkdir(dirname(path), { recursive: true }));
      await folders.get(dirname(path));
      await writeFile(path, bytes);
    });
  } catch (error) {
    await Promise.all(manifest.files.map(([file]) => rm(join(target, String(file)), { force: true })));
    return { restored: false, problem: (error as Error).message };
  }
  return { restored: true, files: manifest.files.length };
}

/**
 * Keeps the bundle in `source` under `key`: the files `files` names (relative paths with the
 * platform's separator). Another build that stored the same key first wins: its bundle is
 * the same.
 */
export async function storeBundle(cacheRoot: string, key: string, source: string, files: readonly string[]): Promise<void> {
  const aside = join(cacheRoot, `${key}.${process.pid}.${Date.now()}.partial`);
  try {
    const listed: [string, string][] = [];
    await inBatches(files, async (file) => {
      const bytes = await readFile(join(source, file));
      await mkdir(dirname(join(aside, file)), { recursive: true });
      await writeFile(join(aside, file), bytes);
      listed.push([file.split(sep).join('/'), sha256(bytes)]);
    });
    listed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const manifest: Manifest = { format: FORMAT, key, files: listed };
    await writeFile(join(aside, SEARCH_BUNDLE_MANIFEST), JSON.stringify(manifest));
    await rm(join(cacheRoot, key), { recursive: true, force: true });
    await rename(aside, join(cacheRoot, key));
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
}

/** Removes every cached bundle but those under `keep`, and what interrupted builds left. */
export async function pruneBundles(cacheRoot: string, keep: ReadonlySet<string>): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(cacheRoot);
  } catch {
    return;
  }
  await Promise.all(entries.filter((entry) => !keep.has(entry)).map((entry) => rm(join(cacheRoot, entry), { recursive: true, force: true })));
}

/** Runs `each` on every item, a few at once; on a failure starts no more, and throws it once all have stopped. */
async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      try {
        await each(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, items.length) }, worker));
  if (failure) throw failure.error;
}
