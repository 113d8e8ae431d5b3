/**
 * Where a build keeps what the next build reuses: one folder per content folder inside the
 * cache folder (`CACHE_DIR`), so builds of different note folders never read each other's
 * notes, renderings or pages.
 */
import { join } from 'node:path';
import { shortHash } from '../titles/slugs.ts';

export function cacheFolderFor(cacheRoot: string, contentDir: string): string {
  return join(cacheRoot, `content-${shortHash(contentDir)}`);
}
