/**
 * A rebuild over the output folder of the last finished build keeps its unchanged page
 * files where they are instead of copying them back from the build cache
 * (`integrations/out-dir-aside.ts`), and must still leave the site a clean build writes,
 * file for file: no page of a deleted note or of a title's old address, no removed image,
 * no page edited by hand. A folder that is not the one the cache describes (another content
 * folder's, a copy, one whose build was interrupted) is not kept: it is moved aside whole.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanBuild, copiedNotePages, expectSameSite, keptNotePages, plainLog, renderedNotePages, siteBytes, temporaryFolders } from '../support/build-folders.ts';
import { buildSite, interruptBuild, PROJECT_ROOT } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/fixture-site.ts';

const { tempDir, removeAll } = temporaryFolders();
const contentDir = tempDir('wiki-kept-');
const outDir = tempDir('wiki-kept-site-');
/** Enough notes that page generation lasts long enough for a build to be killed in it. */
const GENERATED = 200;
const notePageCount = (site: Map<string, Buffer>) => [...site.keys()].filter((file) => /^\/notes\/.+\/index\.html$/.test(file)).length;
const NOT_KEPT = /is moved aside, not kept: (.*)/;

/** Writes the notes of the fixture site, the embeds fixture (images, attachments) and generated notes into `dir`. */
function writeNotes(dir: string): void {
  cpSync(FIXTURE_SITE, dir, { recursive: true });
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/embeds'), dir, { recursive: true });
  for (let i = 0; i < GENERATED; i++) {
    writeFileSync(join(dir, `Generated ${i}.md`), `A note about [[Generated ${(i * 7 + 1) % GENERATED}]] and [[Tacit knowledge]].\n`);
  }
}

/** A rebuild into `site`, and the clean build of the same notes it must equal. */
async function rebuild(notes = contentDir, site = outDir): Promise<{ log: string; built: Map<string, Buffer> }> {
  const { log } = await buildSite({ contentDir: notes, outDir: site });
  const built = siteBytes(site);
  expectSameSite(built, siteBytes((await cleanBuild(notes, tempDir('wiki-kept-clean-'))).outDir));
  return { log: plainLog(log), built };
}

let last: Map<string, Buffer>;

beforeAll(async () => {
  writeNotes(contentDir);
  await buildSite({ contentDir, outDir });
  last = siteBytes(outDir);
});

afterAll(removeAll);

describe('a rebuild over the last build’s output folder', () => {
  test('with nothing changed keeps every note page in place, renders and copies none, and is the same site as a clean build', async () => {
    const { log, built } = await rebuild();
    expect(keptNotePages(log)).toBe(notePageCount(built));
    expect(copiedNotePages(log)).toBe(notePageCount(built));
    expect(renderedNotePages(log)).toEqual([]);
    expect(log).toMatch(/\d+ page files of the last build are kept in place\n/);
    last = built;
  });

  test.each([
    ['a note deleted', () => rmSync(join(contentDir, 'Start-expand-connect.md')), 'notes'],
    [
      'a note’s title changed (its old address gone)',
      () => {
        const file = join(contentDir, 'Also available in black..md');
        writeFileSync(file, readFileSync(file, 'utf8').replace('title: "Also available in black."', 'title: "Also available in white."'));
      },
      'notes',
    ],
    [
      'an image and an attachment removed, with their embeds',
      () => {
        const file = join(contentDir, 'Embedding note.md');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^A drawing: .*$/m, '').replace(/^A paper: .*$/m, ''));
        rmSync(join(contentDir, 'attachments/photo.JPG'));
        rmSync(join(contentDir, 'attachments/paper.pdf'));
      },
      'media',
    ],
  ] as const)('after %s keeps the other pages and leaves nothing a clean build does not have', async (_change, change, folder) => {
    change();
    const { log, built } = await rebuild();
    // What the last build had and this one must not: a naive "keep the folder" would leave it.
    expect([...last.keys()].filter((file) => file.startsWith(`/${folder}/`) && !built.has(file)).length).toBeGreaterThan(0);
    expect(keptNotePages(log)).toBeGreaterThan(GENERATED);
    expect(log).toMatch(/page files kept in place, [1-9]\d* this build no longer has removed/);
    last = built;
  });

  test('restores a page file edited by hand between builds', async () => {
    const page = join(outDir, 'notes/tacit_knowledge/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Knowledge that is hard', 'Edited by hand: knowledge that is hard'));
    const { log } = await rebuild();
    expect(readFileSync(page, 'utf8')).not.toContain('Edited by hand');
    expect(log).toMatch(/page files of the last build are kept in place, 1 changed since are set aside/);
    expect(keptNotePages(log)).toBeGreaterThan(GENERATED);
  });
});

describe('an output folder the cache does not describe is not kept', () => {
  const otherNotes = tempDir('wiki-kept-other-');
  const otherSite = tempDir('wiki-kept-other-site-');

  beforeAll(async () => {
    // Other notes at the same addresses: a page kept from one would be wrong in the other.
    writeNotes(otherNotes);
    const file = join(otherNotes, 'Tacit knowledge.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Knowledge that is hard', 'In the other notes, knowledge that is hard'));
    await buildSite({ contentDir: otherNotes, outDir: otherSite });
  });

  test('the folder of another content folder’s build (the cache describes another output folder)', async () => {
    await buildSite({ contentDir, outDir });
    const { log } = await rebuild(otherNotes, outDir);
    expect(log.match(NOT_KEPT)?.[1]).toMatch(/the build cache describes another output folder/);
    expect(keptNotePages(log)).toBe(0);
  });

  test('a copy of another build’s folder, times and all, where the cache’s folder was', async () => {
    await buildSite({ contentDir: otherNotes, outDir: otherSite });
    await buildSite({ contentDir, outDir });
    rmSync(otherSite, { recursive: true });
    cpSync(outDir, otherSite, { recursive: true, preserveTimestamps: true });
    const { log } = await rebuild(otherNotes, otherSite);
    expect(log.match(NOT_KEPT)?.[1]).toMatch(/is another file/);
    expect(keptNotePages(log)).toBe(0);
  });
});

describe('after an interrupted build', () => {
  test('a page the interrupted build wrote for a note since removed is gone after the next build', async () => {
    await buildSite({ contentDir, outDir });
    const added = join(contentDir, 'Added then removed.md');
    writeFileSync(added, 'A note whose build was killed.\n');
    const addedPage = join(outDir, 'notes/added_then_removed/index.html');
    const { log: killed } = await interruptBuild({ contentDir, outDir, step: 'site', when: () => existsSync(addedPage) });
    rmSync(added);
    const { log } = await rebuild();
    expect(existsSync(addedPage)).toBe(false);
    expect(plainLog(killed)).toMatch(/page files of the last build are kept in place/);
    expect(log.match(NOT_KEPT)?.[1]).toMatch(/did not finish/);
  });

  test('the rebuild after that keeps pages again', async () => {
    const { log } = await rebuild();
    expect(keptNotePages(log)).toBeGreaterThan(GENERATED);
    expect(log).not.toMatch(NOT_KEPT);
  });
});
