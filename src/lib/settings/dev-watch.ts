/**
 * What Vite's watcher in `astro dev` must not watch: the built site and the build cache, and
 * the content folder, which the loader watches itself (`loaders/watch-content-folder.ts`).
 * Vite watches the whole project folder, and each folder and file watched takes one of the
 * operating system's watches (about 190,000 here). After a build of 24,000 notes the cache
 * alone held 160,000 folders and 230,000 files: the watches ran out and saved notes were no
 * longer seen. The notes took one watch each, and every save listed their folder again.
 */
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';

/** The old output folder is renamed `<outDir>.old-<pid>` while a build runs (`integrations/out-dir-aside.ts`). */
export const ASIDE_MARKER = '.old-';

export interface UnwatchedFolders {
  /** The output folder. */
  outDir: string;
  /** The cache folder of every content folder (`CACHE_DIR`). */
  cacheRoot: string;
  /** The content folder, unless the project's own code is inside it. */
  contentDir: string | undefined;
}

/**
 * From the settings' output folder, this content folder's cache folder, and the content
 * folder. A content folder that holds the project (`CONTENT_DIR=.`) stays watched by Vite, or
 * changes to the code would go unseen.
 */
export function unwatchedFolders(outDir: string, cacheDir: string, contentDir: string, projectRoot: string): UnwatchedFolders {
  const root = resolve(projectRoot);
  const notes = resolve(projectRoot, contentDir);
  return { outDir: resolve(projectRoot, outDir), cacheRoot: dirname(resolve(projectRoot, cacheDir)), contentDir: isWithin(root, notes) ? undefined : notes };
}

/**
 * Whether `path` is one of those folders or inside one: for Vite's `server.watch.ignored`,
 * which asks it of every file and folder it meets, so it compares strings only.
 */
export function isUnwatched(path: string, { outDir, cacheRoot, contentDir }: UnwatchedFolders): boolean {
  const absolute = isAbsolute(path) ? path : resolve(path);
  if (isWithin(absolute, cacheRoot) || isWithin(absolute, outDir) || (contentDir !== undefined && isWithin(absolute, contentDir))) return true;
  // `<outDir>.old-*` and everything in it.
  const parent = dirname(outDir);
  const prefix = parent.endsWith(sep) ? parent : parent + sep;
  return absolute.startsWith(prefix) && absolute.slice(prefix.length).startsWith(`${basename(outDir)}${ASIDE_MARKER}`);
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
