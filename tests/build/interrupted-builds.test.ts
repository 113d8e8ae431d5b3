/**
 * A cache must never make the site wrong. Builds are killed while the notes load, while
 * pages are generated and while the search index is written; the next build must give the
 * same site as a clean one, file for file. The notes are the fixture site and 600 more, so
 * that each of those moments lasts long enough to be caught (600: a second of page generation after the edited page).
 */
import { cpSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cachedSearchBundles, cacheDirOf, cleanBuild, expectSameSite, plainLog, siteBytes, temporaryFolders } from '../support/build-folders.ts';
import { buildSite, interruptBuild } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/fixture-site.ts';

const { tempDir, removeAll } = temporaryFolders();

/** A build of the same notes from a folder of their own, so nothing of an earlier build is reused. */
async function cleanSite(contentDir: string): Promise<Map<string, Buffer>> {
  return siteBytes((await cleanBuild(contentDir, tempDir('wiki-clean-'))).outDir);
}

const GENERATED = 600;
const pad = (i: number) => String(i).padStart(4, '0');
const contentDir = tempDir('wiki-interrupted-');
const outDir = tempDir('wiki-interrupted-site-');
/** The first generated note's page comes early among 600 others. */
const EDITED = join(contentDir, `Generated note ${pad(0)}.md`);
const EDITED_PAGE = `/notes/generated_note_${pad(0)}/index.html`;
let original: Map<string, Buffer>;
/** A clean build of the notes as the later tests leave them (they change them once). */
let cleanAfterEdit: Map<string, Buffer> | undefined;

beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  for (let i = 0; i < GENERATED; i++) {
    writeFileSync(
      join(contentDir, `Generated note ${pad(i)}.md`),
      `---\ntitle: "Generated note ${pad(i)}"\n---\nA note about [[Generated note ${pad((i * 7 + 1) % GENERATED)}]] and [[Topic ${i % 40}]].\n\n` +
        `## More\n\nSee [[Tacit knowledge]] and [[Generated note ${pad((i * 13 + 5) % GENERATED)}]].\n`,
    );
  }
  original = siteBytes((await buildSite({ contentDir, outDir })).outDir);
});

afterAll(removeAll);

describe('a build killed and run again', () => {
  test('killed after it rendered an edited page, then the edit undone: the next build shows the note as it is, not the edit', async () => {
    const text = readFileSync(EDITED, 'utf8');
    const { atime, mtime } = statSync(EDITED);
    writeFileSync(EDITED, text.replace('A note about', 'An edit that was undone, about'));
    // The edited page is rendered and its copy kept for the next build; the record of
    // which copy is current would be written only at the end.
    // Pages are generated several at a time, so the log cannot say when this one is done:
    // its copy in the build cache, written after the page itself, says it.
    const cachedCopy = join(cacheDirOf(contentDir), 'dist', EDITED_PAGE);
    const { log } = await interruptBuild({ contentDir, outDir, step: 'site', when: () => existsSync(cachedCopy) && readFileSync(cachedCopy, 'utf8').includes('An edit that was undone') });
    // Killed before the last pages (the home page is among them) and the record of the build.
    expect(plainLog(log)).not.toMatch(/├─ \/index\.html/);
    // Undone to the byte and to the file time (the feed dates notes by it).
    writeFileSync(EDITED, text);
    utimesSync(EDITED, atime, mtime);

    const again = await buildSite({ contentDir, outDir });
    expectSameSite(siteBytes(again.outDir), original);
    expect(plainLog(again.log)).toMatch(/The last build did not finish/);
  });

  test('killed while the notes load: the next build gives the same site as a clean build', async () => {
    writeFileSync(EDITED, `${readFileSync(EDITED, 'utf8')}\nA line added before a build that was killed while loading.\n`);
    let loadingSince: number | undefined;
    await interruptBuild({
      contentDir,
      outDir,
      step: 'site',
      // A moment into loading: the notes are being read or rendered.
      when: (soFar) => {
        if (!soFar.includes('Syncing content')) return false;
        loadingSince ??= Date.now();
        return Date.now() - loadingSince > 300 || soFar.includes('[wiki-notes-loader]');
      },
    });
    const again = await buildSite({ contentDir, outDir });
    expect(readFileSync(join(again.outDir, EDITED_PAGE), 'utf8')).toContain('killed while loading');
    cleanAfterEdit = await cleanSite(contentDir);
    expectSameSite(siteBytes(again.outDir), cleanAfterEdit);
  });

  test('killed while the search index is written: the next build gives the same site as a clean build', async () => {
    await buildSite({ contentDir, outDir, withoutSearchIndex: true });
    const started = Date.now();
    await interruptBuild({
      contentDir,
      outDir,
      step: 'search index',
      // As soon as Pagefind starts writing, or a moment into adding pages.
      when: () => existsSync(join(outDir, 'pagefind')) || Date.now() - started > 1500,
    });
    const again = await buildSite({ contentDir, outDir });
    expect(existsSync(join(again.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expectSameSite(siteBytes(again.outDir), cleanAfterEdit ?? (await cleanSite(contentDir)));
  });
});

describe('a cache that cannot be read', () => {
  const broken = [
    ['the render cache', 'note-renderings.bin', /render cache .* (cannot be read|is not one this version wrote)/],
    ['the record of built pages', 'incremental-build.json', /cache of built pages .* cannot be read/],
    ['the graph layout', 'graph-layout.json', /graph layout cache .* cannot be read/],
  ] as const;
  test(`${broken.map(([name]) => name).join(', ')} and a search index bundle, each cut short: each ignored with one line, and the site is the same as a clean build`, async () => {
    for (const [, file] of broken) {
      const path = join(cacheDirOf(contentDir), file);
      const bytes = readFileSync(path);
      writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    // And one bundle of the search index, cut short the same way.
    const manifest = join(cachedSearchBundles(cacheDirOf(contentDir))[0]!, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest).subarray(0, 40));
    const again = await buildSite({ contentDir, outDir });
    for (const [, , message] of broken) expect(plainLog(again.log)).toMatch(message);
    expect(plainLog(again.log)).toMatch(/cached search bundle .* cannot be used \(its manifest cannot be read\): it is indexed again/);
    expectSameSite(siteBytes(again.outDir), cleanAfterEdit ?? (await cleanSite(contentDir)));
  });
});
