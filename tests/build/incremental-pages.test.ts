/**
 * Incremental builds: a page whose cache key and code are unchanged is copied from the last
 * build instead of rendered (Astro's `experimental.incrementalBuild`, keys from
 * `lib/cache/page-cache-key.ts`). After each change below, the incremental build must equal
 * a clean build of the same notes file for file, and it must have rendered exactly the note
 * pages whose HTML changed: no stale page, and no page rendered for nothing.
 */
import { cpSync, existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanBuild, copiedNotePages, renderedNotePages, siteBytes, temporaryFolders } from '../support/build-folders.ts';
import { buildSite } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/fixture-site.ts';

const { tempDir, removeAll } = temporaryFolders();

/** Note pages that are new or whose bytes differ from the earlier build. */
function changedNotePages(before: Map<string, Buffer>, after: Map<string, Buffer>): Set<string> {
  return new Set([...after].filter(([file, bytes]) => file.startsWith('/notes/') && !before.get(file)?.equals(bytes)).map(([file]) => file));
}

const contentDir = tempDir('wiki-incremental-');
/** The page of a title one note of the fixture links: none until a second note links it. */
const WASTE_PAGE = 'notes/waste_of_taxpayer_money/index.html';
let previous: Map<string, Buffer>;

beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  const first = await buildSite({ contentDir });
  expect(copiedNotePages(first.log)).toBe(0);
  previous = siteBytes(first.outDir);
  expect(existsSync(join(first.outDir, WASTE_PAGE))).toBe(false);
});

afterAll(removeAll);

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
    [
      // Linked by one note only, it had no page; the linking note's page draws the link anew.
      'a second note links a title only one note linked',
      () => {
        writeFileSync(join(contentDir, 'Second mention.md'), 'Also about [[Waste of Taxpayer Money]].\n');
      },
      (outDir: string) => {
        expect(readFileSync(join(outDir, WASTE_PAGE), 'utf8')).toContain('Business Model of Municipal System Orders');
        expect(readFileSync(join(outDir, 'notes/business_model_of_municipal_system_orders/index.html'), 'utf8')).toContain('href="/notes/waste_of_taxpayer_money/"');
      },
    ],
    [
      'that second note removed',
      () => {
        rmSync(join(contentDir, 'Second mention.md'));
      },
      (outDir: string) => {
        expect(existsSync(join(outDir, WASTE_PAGE))).toBe(false);
        expect(readFileSync(join(outDir, 'notes/business_model_of_municipal_system_orders/index.html'), 'utf8')).not.toContain('href="/notes/waste_of_taxpayer_money/"');
      },
    ],
  ] as [string, () => void, ((outDir: string) => void)?][])('%s: the same site as a clean build, only the changed note pages rendered', async (_change, change, check) => {
    change();
    const incremental = await buildSite({ contentDir });
    const clean = await cleanBuild(contentDir, tempDir('wiki-clean-'));
    const built = siteBytes(incremental.outDir);
    const reference = siteBytes(clean.outDir);

    expect([...built.keys()]).toEqual([...reference.keys()]);
    const differing = [...reference].filter(([file, bytes]) => !built.get(file)!.equals(bytes)).map(([file]) => file);
    expect(differing).toEqual([]);

    const changed = changedNotePages(previous, built);
    expect(changed.size).toBeGreaterThan(0);
    expect(renderedNotePages(incremental.log)).toEqual([...changed].sort());
    expect(copiedNotePages(incremental.log)).toBeGreaterThan(0);
    check?.(incremental.outDir);
    previous = built;
  });
});
