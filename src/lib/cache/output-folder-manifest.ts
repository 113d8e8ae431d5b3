/**
 * Whether a rebuild may keep the last build's pages where they are in the output folder,
 * instead of moving the folder aside and having Astro copy every unchanged page back from
 * its cache (`integrations/out-dir-aside.ts`).
 *
 * A finished build records in the build cache each page file it produced, with its size and
 * modification time (ns), and the identity (device, inode, change time in ns) of a marker
 * file it writes into the output folder. The marker's bytes are always the same, so the
 * site is the same as a clean build's; its identity is what no other folder has: a copy, a
 * folder another content folder's build wrote, or one whose build began and did not finish
 * (a build removes the marker when it starts) never matches. Such a folder is not trusted
 * and is moved aside as before.
 */

/** Written into the output folder by every finished build; its bytes never change. */
export const OUTPUT_FOLDER_MARKER = '.wiki-notes-build';
export const OUTPUT_FOLDER_MARKER_TEXT =
  'Written by the wiki-notes build. While this file is here, the next build keeps the unchanged pages of this folder in place.\n';

/** A file's size and modification time, in nanoseconds as decimal text (JSON has no 64-bit integers). */
export interface FileStamp {
  size: number;
  mtimeNs: string;
}

/** What tells a file apart from every other file, even a copy with the same times. */
export interface FileIdentity {
  dev: string;
  ino: string;
  ctimeNs: string;
}

export interface OutputFolderManifest {
  version: 1;
  /** The output folder, absolute. */
  outDir: string;
  marker: FileIdentity;
  /** Each page file the build produced, relative to the output folder with `/`, and its stamp. */
  pages: Record<string, FileStamp>;
}

/** The manifest a finished build leaves, its page files sorted (the same pages give the same text). */
export function describeOutputFolder(outDir: string, marker: FileIdentity, stamps: ReadonlyMap<string, FileStamp>): OutputFolderManifest {
  // fromEntries, not assignment: a file named `__proto__` stays a file.
  const pages: Record<string, FileStamp> = Object.fromEntries([...stamps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { version: 1, outDir, marker, pages };
}

/** The manifest in `text`, or undefined when it is not one this version wrote whole. */
export function parseOutputFolderManifest(text: string): OutputFolderManifest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.version !== 1 || typeof data.outDir !== 'string' || !isIdentity(data.marker) || !isRecord(data.pages)) return undefined;
  for (const stamp of Object.values(data.pages)) if (!isStamp(stamp)) return undefined;
  return data as unknown as OutputFolderManifest;
}

/** What a build finds when it starts. */
export interface OutputFolderState {
  /** The output folder, absolute. */
  outDir: string;
  /** The cache's manifest: absent, unreadable, or read. */
  manifest: OutputFolderManifest | 'absent' | 'unreadable';
  /** The identity of the marker in the output folder, undefined when there is none. */
  marker: FileIdentity | undefined;
  /** The output folder holds `.git` (a `gh-pages` checkout): Astro empties it around `.git`. */
  holdsGit: boolean;
  /** The cache is marked as written by a build that did not finish (`unfinished-build.ts`). */
  buildUnfinished: boolean;
}

export type OutputFolderTrust = { trusted: true; manifest: OutputFolderManifest } | { trusted: false; reason: string };

/** Whether the output folder is the one the cache describes, as the last build left it. */
export function trustOutputFolder(state: OutputFolderState): OutputFolderTrust {
  const { manifest, marker } = state;
  if (state.holdsGit) return { trusted: false, reason: 'it holds .git' };
  if (state.buildUnfinished) return { trusted: false, reason: 'the last build with this cache did not finish' };
  if (manifest === 'absent') return { trusted: false, reason: 'the build cache has no record of it' };
  if (manifest === 'unreadable') return { trusted: false, reason: 'the record of it in the build cache cannot be read' };
  if (manifest.outDir !== state.outDir) return { trusted: false, reason: `the build cache describes another output folder (${manifest.outDir})` };
  if (!marker) return { trusted: false, reason: `its build did not finish (no ${OUTPUT_FOLDER_MARKER})` };
  if (marker.dev !== manifest.marker.dev || marker.ino !== manifest.marker.ino || marker.ctimeNs !== manifest.marker.ctimeNs) {
    return { trusted: false, reason: `it is not the folder the build cache describes (its ${OUTPUT_FOLDER_MARKER} is another file)` };
  }
  return { trusted: true, manifest };
}

/**
 * The page files of the manifest that are still as the last build left them (same size and
 * modification time), sorted. `stampOf` gives a file's stamp now, undefined when it is gone
 * or not a file. A page edited by hand or half written is left out: Astro restores or renders it.
 */
export function unchangedPages(manifest: OutputFolderManifest, stampOf: (file: string) => FileStamp | undefined): string[] {
  return Object.keys(manifest.pages)
    .filter((file) => {
      const now = stampOf(file);
      const then = manifest.pages[file]!;
      return now !== undefined && now.size === then.size && now.mtimeNs === then.mtimeNs;
    })
    .sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdentity(value: unknown): value is FileIdentity {
  return isRecord(value) && typeof value.dev === 'string' && typeof value.ino === 'string' && typeof value.ctimeNs === 'string';
}

function isStamp(value: unknown): value is FileStamp {
  return isRecord(value) && Number.isSafeInteger(value.size) && typeof value.mtimeNs === 'string';
}
