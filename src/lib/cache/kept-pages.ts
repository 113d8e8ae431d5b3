/**
 * Which files of a trusted output folder a rebuild keeps in place, and which it removes at
 * the end so that the folder is the same as a clean build's (`integrations/out-dir-aside.ts`).
 *
 * When the build starts it keeps only the unchanged page files of the last build
 * (`output-folder-manifest.ts`) and sets everything else aside: the bundles, the public
 * files, the search index, the sitemap, a file someone added. Every one of those a clean
 * build has, this build writes anew. When it ends, the kept page files it did not produce
 * itself (a deleted note's page, a renamed note's old address, a removed image) are removed,
 * with the folders that leaves empty. Paths are relative to the output folder, with `/`.
 */

/** Every folder holding one of `files` at any depth, `''` (the output folder) included. */
export function foldersHolding(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    let end = file.lastIndexOf('/');
    folders.add('');
    while (end > 0) {
      const folder = file.slice(0, end);
      if (folders.has(folder)) break;
      folders.add(folder);
      end = folder.lastIndexOf('/');
    }
  }
  return folders;
}

/** What becomes of an entry of the output folder as the build starts. */
export type EntryFate = 'keep' | 'look inside' | 'set aside';

/** A kept page file stays; a folder holding one is looked into; anything else is set aside whole. */
export function fateOfEntry(path: string, isFolder: boolean, keptFiles: ReadonlySet<string>, keptFolders: ReadonlySet<string>): EntryFate {
  if (isFolder) return keptFolders.has(path) ? 'look inside' : 'set aside';
  return keptFiles.has(path) ? 'keep' : 'set aside';
}

/** The kept page files this build did not write (as a page or a public file), sorted: a clean build has none of them. */
export function stalePages(kept: Iterable<string>, writtenByThisBuild: ReadonlySet<string>): string[] {
  return [...kept].filter((file) => !writtenByThisBuild.has(file)).sort();
}

/** The folders removing `removed` may leave empty, deepest first (each is removed only if it is empty). */
export function foldersToPrune(removed: Iterable<string>): string[] {
  const folders = foldersHolding(removed);
  folders.delete('');
  return [...folders].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
}

const depth = (path: string) => path.split('/').length;
