/**
 * The render cache on disk: one file in the build's cache folder (per content folder, see
 * astro.config.mjs), in V8's serialization format. A missing or unreadable file is an
 * empty cache: the notes are rendered again, nothing else happens.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { RenderCache } from '../lib/render-cache.ts';

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

/**
 * A fingerprint of the code that renders notes: every source file of `src/lib` and
 * `src/loaders`, and the lock file (the versions of remark, rehype, Shiki…). Any change
 * renders every note again.
 */
export async function rendererVersion(projectRoot: string): Promise<string> {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const folder of [join(here, '../lib'), here]) {
    for (const name of (await readdir(folder)).filter((file) => file.endsWith('.ts')).sort()) {
      hash.update(name).update(await readFile(join(folder, name)));
    }
  }
  try {
    hash.update(await readFile(join(projectRoot, 'package-lock.json')));
  } catch {
    // no lock file: the source files alone
  }
  return hash.digest('base64url');
}
