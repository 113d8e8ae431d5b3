/**
 * The render cache on disk: one file in the build's cache folder (per content folder, see
 * `cache-folder.ts`), in V8's serialization format. A missing file is an empty cache; an
 * unreadable or foreign one is an empty cache and a one-line message.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RenderCache } from './render-cache.ts';

const FORMAT = 1;

/** The cache, and why it could not be used when a file was there but was not one. */
export interface ReadRenderCache {
  entries: RenderCache;
  /** The titles every entry was made or checked against (`titlesKey`), when the writer knew them. */
  titles?: string;
  problem?: string;
}

export async function readRenderCache(file: string): Promise<ReadRenderCache> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { entries: new Map() };
  }
  try {
    const stored = deserialize(bytes) as { format?: unknown; entries?: unknown; titles?: unknown } | null;
    if (stored?.format === FORMAT && stored.entries instanceof Map) {
      const entries = stored.entries as RenderCache;
      return typeof stored.titles === 'string' ? { entries, titles: stored.titles } : { entries };
    }
    return { entries: new Map(), problem: `The render cache ${file} is not one this version wrote: it is ignored, every note is rendered.` };
  } catch {
    return { entries: new Map(), problem: `The render cache ${file} cannot be read: it is ignored, every note is rendered.` };
  }
}

/** `titles`: the `titlesKey` every entry was made or checked against; without it, the next read checks every entry's links. */
export async function writeRenderCache(file: string, entries: RenderCache, titles?: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so an interrupted build never leaves half a file.
  await writeFile(`${file}.tmp`, serialize({ format: FORMAT, entries, ...(titles === undefined ? {} : { titles }) }));
  await rename(`${file}.tmp`, file);
}

/** The folders whose code renders notes, relative to the project root; subfolders included. */
export const RENDERING_SOURCES = ['src/lib', 'src/loaders'];

/**
 * A fingerprint of the code that renders notes: every source file under `RENDERING_SOURCES`,
 * however deep, and the lock file (the versions of remark, rehype, Shiki…). Any change
 * renders every note again.
 */
export async function rendererVersion(projectRoot: string, folders: readonly string[] = RENDERING_SOURCES): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const files = (await readdir(join(projectRoot, folder), { recursive: true, encoding: 'utf8' }))
      .filter((file) => file.endsWith('.ts'))
      // Sorted by code unit: the same fingerprint whatever order the file system lists them in.
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const file of files) {
      hash.update(`${folder}/${file}\0`).update(await readFile(join(projectRoot, folder, file)));
    }
  }
  try {
    hash.update(await readFile(join(projectRoot, 'package-lock.json')));
  } catch {
    // no lock file: the source files alone
  }
  return hash.digest('base64url');
}
