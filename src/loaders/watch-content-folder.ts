/**
 * The content folder as `astro dev` watches it: one operating-system watch per folder
 * (`fs.watch` on each), each naming the file that changed. Vite's watcher (chokidar) took one
 * watch per file, 24,000 for 24,000 notes, spent 1.2 s of the start adding them, and on every
 * save listed and stated the whole folder again (0.4–0.9 s at 24,000 notes); so Vite does not
 * watch the content folder (`lib/settings/dev-watch.ts`) and the loader watches it here.
 *
 * Folders are watched by the rules of `listNoteFiles`: hidden folders and `node_modules` are
 * not. A folder that appears or goes is reported as such (the loader then lists every file
 * again), and is watched or unwatched with everything in it. One watch per process: a new
 * one (the loader loaded again by Astro, or the server restarted) closes the last.
 */
import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isListedFolder } from '../lib/notes/note-files.ts';
import { contentWatchSlot } from '../loader-handoff.ts';

export interface ContentChanges {
  /** A file changed, appeared or went: its path relative to the content folder, `/`-separated. */
  file(path: string): void;
  /** A folder appeared or went, or the system could not say which file changed. */
  folders(): void;
}

/** Watches `root` until the next call (in this process) or `close()`. */
export function watchContentFolder(root: string, changes: ContentChanges): { close(): void } {
  contentWatchSlot.get()?.();
  const watched = new Map<string, FSWatcher>();
  let closed = false;
  const pathOf = (absolute: string) => relative(root, absolute).split(sep).join('/');

  const unwatch = (folder: string) => {
    for (const [path, watcher] of watched) {
      if (path === folder || path.startsWith(`${folder}${sep}`)) {
        watcher.close();
        watched.delete(path);
      }
    }
  };

  const watchTree = (folder: string) => {
    if (closed || watched.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (event, name) => changed(folder, event, name));
    } catch {
      // Gone before it could be watched: its parent's watch reports that.
      return;
    }
    watcher.on('error', () => {
      unwatch(folder);
      changes.folders();
    });
    watched.set(folder, watcher);
    let entries: import('node:fs').Dirent[] = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const inner = join(folder, entry.name);
      if (entry.isDirectory() && isListedFolder(pathOf(inner))) watchTree(inner);
    }
  };

  const changed = (folder: string, event: string, name: string | Buffer | null) => {
    if (closed) return;
    if (name === null) {
      changes.folders();
      return;
    }
    const absolute = join(folder, name.toString());
    const path = pathOf(absolute);
    const isFolder = isFolderNow(absolute);
    if (isFolder || watched.has(absolute)) {
      // A folder's own times changing is no change of the notes; one that came, went or was
      // replaced ('rename') is watched anew with everything in it.
      if (event !== 'rename' || !isListedFolder(path)) return;
      unwatch(absolute);
      if (isFolder) watchTree(absolute);
      changes.folders();
      return;
    }
    changes.file(path);
  };

  const close = () => {
    closed = true;
    unwatch(root);
    if (contentWatchSlot.get() === close) contentWatchSlot.set(undefined);
  };
  contentWatchSlot.set(close);
  watchTree(root);
  return { close };
}

/** Whether a folder is at `path` now; anything that cannot be looked at (gone, a file on its path, no permission) is not one. */
function isFolderNow(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
