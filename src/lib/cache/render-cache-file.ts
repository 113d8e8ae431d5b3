/**
 * The render cache on disk: one file in the build's cache folder (per content folder, see
 * astro.config.mjs), in V8's serialization format. A missing or unreadable file is an
 * empty cache: the notes are rendered again, nothing else happens.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RenderCache } from './render-cache.ts';

const FORMAT = 1;

export async function readRenderCache(file: string): Promise<RenderCache> {
  try {
    const stored = deserialize(await readFile(file)) as { format: number; entries: RenderCache };
    return stored.format === FORMAT && stored.entries instanceof Map ? stored.entries : new Map();
  } catch {
    return new Map();
  }
}

export async function writeRenderCache(file: string, entries: RenderCache): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so an interrupted build never leaves half a file.
  await writeFile(`${file}.tmp`, serialize({ format: FORMAT, entries }));
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
