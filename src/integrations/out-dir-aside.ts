/**
 * The previous output folder, without stopping the build. Astro empties it file by file,
 * synchronously, before it writes a page: 81 s for the 21,520 pages of nishio-en on this
 * machine (a CPU profile shows `rmSync` under `emptyDir`). Instead the old folder is renamed
 * aside, which is instant, and removed in the background while the pages are generated;
 * the build waits for the removal before it ends. Leftovers of an interrupted build
 * (`<outDir>.old-*`) are removed the same way.
 *
 * A folder the last finished build with this cache left as it was is not moved whole: its
 * unchanged page files stay in place, so that Astro's incremental build finds them there
 * instead of copying each one back from its cache (15.9 s against 8.3 s of page generation
 * at 24,000 notes, nothing changed), and only the rest is set aside. At the end the kept
 * pages this build did not produce are removed, which leaves the site a clean build writes
 * (`lib/cache/output-folder-manifest.ts` says when a folder is trusted, `lib/cache/kept-pages.ts`
 * what is kept and removed). A folder that is not trusted is moved aside whole, as before.
 *
 * The removal runs in a child process at low priority, from the moment the notes are loaded:
 * in the build's own process its tens of thousands of file operations filled Node's I/O
 * threads, and every file the build read waited behind them (21–40 s before the notes even
 * began to load, at 24,000 notes).
 *
 * Where renaming cannot work (the folder holds `.git`, as for a `gh-pages` checkout, or is a
 * mount point), Astro empties the folder as usual.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUT_FOLDER_MANIFEST, UNFINISHED_MARK } from '../lib/cache/cache-files.ts';
import { fateOfEntry, foldersHolding, foldersToPrune, stalePages } from '../lib/cache/kept-pages.ts';
import {
  describeOutputFolder,
  OUTPUT_FOLDER_MARKER,
  OUTPUT_FOLDER_MARKER_TEXT,
  parseOutputFolderManifest,
  trustOutputFolder,
  unchangedPages,
  type FileIdentity,
  type FileStamp,
  type OutputFolderManifest,
  type OutputFolderState,
} from '../lib/cache/output-folder-manifest.ts';
import { ASIDE_MARKER } from '../lib/settings/dev-watch.ts';

export function outDirAside(): AstroIntegration {
  let toRemove: string[] = [];
  let removal: Promise<unknown> = Promise.resolve();
  let folders: { outDir: string; cacheDir: string; publicDir: string } | undefined;
  /** The page files of the last build kept in place, when the folder was trusted. */
  let kept: string[] | undefined;
  return {
    name: 'out-dir-aside',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        folders = { outDir, cacheDir: fileURLToPath(config.cacheDir), publicDir: fileURLToPath(config.publicDir) };
        const parent = dirname(outDir);
        const leftovers = existsSync(parent)
          ? readdirSync(parent).filter((name) => name.startsWith(`${basename(outDir)}${ASIDE_MARKER}`)).map((name) => join(parent, name))
          : [];
        const aside = `${outDir}${ASIDE_MARKER}${process.pid}`;
        if (existsSync(outDir) && !existsSync(join(outDir, '.git'))) {
          // Before this integration's neighbour marks the cache for this build (integrations are set up in order).
          const trust = trustOutputFolder(outputFolderState(outDir, folders.cacheDir));
          try {
            if (trust.trusted) {
              leftovers.push(aside);
              kept = keepUnchangedPages(outDir, trust.manifest, aside);
              const changed = Object.keys(trust.manifest.pages).length - kept.length;
              logger.info(`${kept.length} page files of the last build are kept in place${changed ? `, ${changed} changed since are set aside` : ''}`);
            } else {
              logger.info(`${outDir} is moved aside, not kept: ${trust.reason}`);
              renameSync(outDir, aside);
              leftovers.push(aside);
            }
            updateConfig({ vite: { build: { emptyOutDir: false } } });
          } catch (error) {
            kept = undefined;
            logger.info(`could not keep or move ${outDir} aside (${(error as Error).message}); it is moved aside whole or Astro empties it`);
            try {
              renameSync(outDir, `${aside}-whole`);
              leftovers.push(`${aside}-whole`);
              updateConfig({ vite: { build: { emptyOutDir: false } } });
            } catch {
              // Astro empties it.
            }
          }
        }
        toRemove = leftovers.filter((dir) => existsSync(dir));
      },
      // Once the notes are loaded: while they load, the build reads every note file and uses
      // both cores; while pages are generated, the main thread uses one.
      'astro:build:start': () => {
        removal = Promise.all(toRemove.map((dir) => removeAside(dir)));
      },
      'astro:build:done': async ({ assets, logger }) => {
        await removal;
        if (!folders) return;
        const { outDir, cacheDir, publicDir } = folders;
        const produced = new Set([...assets.values()].flat().map((url) => relativeTo(outDir, fileURLToPath(url))).filter((file) => file !== undefined));
        if (kept) {
          const stale = stalePages(kept, new Set([...produced, ...filesUnder(publicDir)]));
          for (const file of stale) rmSync(join(outDir, file), { force: true });
          for (const folder of foldersToPrune(stale)) removeIfEmpty(join(outDir, folder));
          logger.info(`${kept.length - stale.length} page files kept in place, ${stale.length} this build no longer has removed`);
        }
        recordOutputFolder(outDir, cacheDir, produced);
      },
    },
  };
}

/** What the build finds in the output folder and the cache as it starts. */
function outputFolderState(outDir: string, cacheDir: string): OutputFolderState {
  const manifestFile = join(cacheDir, OUTPUT_FOLDER_MANIFEST);
  let manifest: OutputFolderState['manifest'] = 'absent';
  if (existsSync(manifestFile)) {
    manifest = 'unreadable';
    try {
      manifest = parseOutputFolderManifest(readFileSync(manifestFile, 'utf8')) ?? 'unreadable';
    } catch {
      // unreadable
    }
  }
  return {
    outDir,
    manifest,
    marker: identityOf(join(outDir, OUTPUT_FOLDER_MARKER)),
    holdsGit: existsSync(join(outDir, '.git')),
    buildUnfinished: existsSync(join(cacheDir, UNFINISHED_MARK)),
  };
}

/**
 * Removes the marker first (a build interrupted from here on leaves a folder the next one
 * does not trust), then sets aside everything but the unchanged page files. Returns those.
 */
function keepUnchangedPages(outDir: string, manifest: OutputFolderManifest, aside: string): string[] {
  rmSync(join(outDir, OUTPUT_FOLDER_MARKER), { force: true });
  const kept = unchangedPages(manifest, (file) => stampOf(join(outDir, file)));
  const keptFiles = new Set(kept);
  const keptFolders = foldersHolding(kept);
  const made = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(outDir, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      const fate = fateOfEntry(path, entry.isDirectory(), keptFiles, keptFolders);
      if (fate === 'look inside') walk(path);
      else if (fate === 'set aside') {
        const target = join(aside, path);
        if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
        made.add(dirname(target));
        renameSync(join(outDir, path), target);
      }
    }
  };
  walk('');
  return kept;
}

/** Writes the marker into the output folder, then the record of its page files into the cache (aside, then renamed). */
function recordOutputFolder(outDir: string, cacheDir: string, produced: ReadonlySet<string>): void {
  const marker = join(outDir, OUTPUT_FOLDER_MARKER);
  // A new file each time: its identity is what the next build checks.
  rmSync(marker, { force: true });
  writeFileSync(marker, OUTPUT_FOLDER_MARKER_TEXT);
  const identity = identityOf(marker)!;
  const stamps = new Map<string, FileStamp>();
  for (const file of produced) {
    const stamp = stampOf(join(outDir, file));
    if (stamp) stamps.set(file, stamp);
  }
  mkdirSync(cacheDir, { recursive: true });
  const manifestFile = join(cacheDir, OUTPUT_FOLDER_MANIFEST);
  writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify(describeOutputFolder(outDir, identity, stamps)));
  renameSync(`${manifestFile}.${process.pid}`, manifestFile);
}

function stampOf(path: string): FileStamp | undefined {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stats?.isFile() ? { size: Number(stats.size), mtimeNs: stats.mtimeNs.toString() } : undefined;
}

function identityOf(path: string): FileIdentity | undefined {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stats?.isFile() ? { dev: stats.dev.toString(), ino: stats.ino.toString(), ctimeNs: stats.ctimeNs.toString() } : undefined;
}

/** `path` relative to `folder` with `/`, undefined when it is not inside. */
function relativeTo(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  return rel === '' || rel.startsWith('..') ? undefined : rel.split(sep).join('/');
}

/** Every file under `folder` (the public folder, which Vite copies into the output folder), relative with `/`. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relativeTo(folder, join(entry.parentPath, entry.name)))
    .filter((file) => file !== undefined);
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty (or already gone): it stays.
  }
}

/** Removes `dir` in a child process; in this one if that fails. */
function removeAside(dir: string): Promise<void> {
  return removeInChildProcess(dir).catch(() => rm(dir, { recursive: true, force: true }));
}

function removeInChildProcess(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { stdio: 'ignore' });
    child.on('spawn', () => {
      try {
        // The build comes first; the removal only has to end before it does.
        setPriority(child.pid!, 19);
      } catch {
        // Not allowed here: it runs at the build's priority.
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`removing ${dir} ended with code ${code}`))));
  });
}
