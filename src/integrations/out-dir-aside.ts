/**
 * Clearing the output folder without stopping the build. Astro empties it file by file,
 * synchronously, before it writes a page: 81 s for the 21,520 pages of nishio-en on this
 * machine (a CPU profile shows `rmSync` under `emptyDir`). Instead the old folder is renamed
 * aside, which is instant, and removed in the background while the pages are generated;
 * the build waits for the removal before it ends. Leftovers of an interrupted build
 * (`<outDir>.old-*`) are removed the same way.
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
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASIDE_MARKER } from '../lib/settings/dev-watch.ts';

export function outDirAside(): AstroIntegration {
  let toRemove: string[] = [];
  let removal: Promise<unknown> = Promise.resolve();
  return {
    name: 'out-dir-aside',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        const parent = dirname(outDir);
        const leftovers = existsSync(parent)
          ? readdirSync(parent).filter((name) => name.startsWith(`${basename(outDir)}${ASIDE_MARKER}`)).map((name) => join(parent, name))
          : [];
        const aside = `${outDir}${ASIDE_MARKER}${process.pid}`;
        if (existsSync(outDir) && !existsSync(join(outDir, '.git'))) {
          try {
            renameSync(outDir, aside);
            leftovers.push(aside);
            updateConfig({ vite: { build: { emptyOutDir: false } } });
          } catch (error) {
            logger.info(`could not move ${outDir} aside (${(error as Error).message}); Astro empties it instead`);
          }
        }
        toRemove = leftovers;
      },
      // Once the notes are loaded: while they load, the build reads every note file and uses
      // both cores; while pages are generated, the main thread uses one.
      'astro:build:start': () => {
        removal = Promise.all(toRemove.map((dir) => removeAside(dir)));
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
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
