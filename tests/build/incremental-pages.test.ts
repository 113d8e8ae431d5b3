/**
 * Incremental builds: a page whose cache key and code are unchanged is copied from the last
 * build instead of rendered (Astro's `experimental.incrementalBuild`, keys from
 * `lib/cache/page-cache-key.ts`). After each change below, the incremental build must equal
 * a clean build of the same notes file for file, and it must have rendered exactly the note
 * pages whose HTML changed: no stale page, and no page rendered for nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSettings } from '../../src/lib/settings/settings.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/fixture-site.ts';
import { listOutputFiles } from '../support/read-built-site.ts';

const made: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), name));
  made.push(dir);
  return dir;
};
/** Astro's cache folder for a content folder (astro.config.mjs), removed after the tests. */
const cacheDirOf = (contentDir: string) => readSettings({ CONTENT_DIR: contentDir }, PROJECT_ROOT).cacheDir;

/** The log as text: Astro colours it where `CI` is set (picocolors takes CI to mean colours work). */
const plain = (log: string) => log.replace(/\u001b\[[0-9;]*m/g, '');

/** The note pages the build rendered, from its log: the ones it copied say "(restored)" or "(cached)". */
function renderedNotePages(log: string): Set<string> {
  const rendered = new Set<string>();
  for (const match of plain(log).matchAll(/├─ (\/notes\/\S+\/index\.html)(.*)$/gm)) {
    if (!/\((restored|cached)\)/.test(match[2]!)) rendered.add(match[1]!);
  }
  return rendered;
}

function copiedNotePages(log: string): number {
  return [...plain(log).matchAll(/├─ \/notes\/\S+\/index\.html \((restored|cached)\)/g)].length;
}

function bytesOf(outDir: string): Map<string, Buffer> {
  return new Map([...listOutputFiles(outDir)].sort().map((file) => [file, readFileSync(join(outDir, file))]));
}

/** Note pages that are new or whose bytes differ from the earlier build. */
function changedNotePages(before: Map<string, Buffer>, after: Map<string, Buffer>): Set<string> {
  return new Set([...after].filter(([file, bytes]) => file.startsWith('/notes/') && !before.get(file)?.equals(bytes)).map(([file]) => file));
}

/** A build of the same notes from a folder of their own, so nothing of an earlier build is reused. */
async function cleanBuild(contentDir: string): Promise<BuiltSite> {
  const fresh = tempDir('wiki-clean-');
  // With the files' times: the feed dates notes by them.
  cpSync(contentDir, fresh, { recursive: true, preserveTimestamps: true });
  return buildSite({ contentDir: fresh });
}

const contentDir = tempDir('wiki-incremental-');
let previous: Map<string, Buffer>;

beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  const first = await buildSite({ contentDir });
  expect(copiedNotePages(first.log)).toBe(0);
  previous = bytesOf(first.outDir);
});

afterAll(() => {
  for (const dir of made) {
    rmSync(cacheDirOf(dir), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('an incremental build after a change', () => {
  test.each([
    [
      'a sentence of one note edited, far from its links',
      () => {
        const file = join(contentDir, 'Tacit knowledge.md');
        writeFileSync(file, readFileSync(file, 'utf8').replace('Polanyi named it.', 'Michael Polanyi named it in 1966.'));
      },
    ],
    [
      'a link added to a note',
      () => {
        const file = join(contentDir, 'Start-expand-connect.md');
        writeFileSync(file, `${readFileSync(file, 'utf8')}\nAlso see [[Social Hack Day #57]].\n`);
      },
    ],
    [
      // The page shows the date ("Updated …"): a page copied from the last build would show the old one.
      'a note’s date changed, its text not (its file time, a day later: no git here)',
      () => {
        const file = join(contentDir, 'Social Hack Day #57.md');
        const { atime, mtime } = statSync(file);
        utimesSync(file, atime, new Date(mtime.getTime() + 86_400_000));
      },
    ],
    [
      'a note that others link to deleted',
      () => {
        rmSync(join(contentDir, '知的生産術.md'));
      },
    ],
    [
      'a note added under a title that was missing',
      () => {
        writeFileSync(join(contentDir, 'a title nobody wrote yet.md'), '---\ntitle: "a title nobody wrote yet"\n---\nNow somebody did.\n');
      },
    ],
  ])('%s: the same site as a clean build, only the changed note pages rendered', async (_change, change) => {
    change();
    const incremental = await buildSite({ contentDir });
    const clean = await cleanBuild(contentDir);
    const built = bytesOf(incremental.outDir);
    const reference = bytesOf(clean.outDir);

    expect([...built.keys()]).toEqual([...reference.keys()]);
    const differing = [...reference].filter(([file, bytes]) => !built.get(file)!.equals(bytes)).map(([file]) => file);
    expect(differing).toEqual([]);

    const changed = changedNotePages(previous, built);
    expect(changed.size).toBeGreaterThan(0);
    expect([...renderedNotePages(incremental.log)].sort()).toEqual([...changed].sort());
    expect(copiedNotePages(incremental.log)).toBeGreaterThan(0);
    previous = built;
  });
});
