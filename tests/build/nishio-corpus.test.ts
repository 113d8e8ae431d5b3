/**
 * Builds the real translated corpus (nishio-en, 7,392 notes) with CONTENT_DIR and checks the
 * output as a whole: every note has its page, no internal link is broken, and every page's
 * backlinks match an independent reading of the Markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { key, readIndependently, targetKey, type IndependentNote } from '../support/independent-links.ts';
import { fileForHref, listOutputFiles, readBuiltPages, type BuiltPage } from '../support/read-built-site.ts';

const corpus = corpusDir('nishio-en/pages');

describe.runIf(corpus.present)('building the nishio-en corpus', () => {
  let notes: IndependentNote[];
  let pages: BuiltPage[];
  let files: Set<string>;
  let outDir: string;

  beforeAll(async () => {
    ({ outDir } = await buildSite({ contentDir: corpus.dir }));
    files = listOutputFiles(outDir);
    pages = readBuiltPages(outDir, files);
    notes = readdirSync(corpus.dir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => readIndependently(file, readFileSync(join(corpus.dir, file), 'utf8')));
  });

  test('every note file has exactly one note page, under its frontmatter title', () => {
    const noteTitles = pages.filter((page) => page.kind === 'note').map((page) => page.h1);
    expect(noteTitles.length).toBe(notes.length);
    expect(new Set(noteTitles)).toEqual(new Set(notes.map((note) => note.title)));
  });

  test('no internal link points to a file that does not exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const href of page.hrefs) {
        const file = fileForHref(href);
        if (file === undefined) continue;
        checked++;
        if (!files.has(file)) broken.push(`${page.path} -> ${href}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(30_000);
  });

  test('makes no page whose title starts with [, and leaves no ]]( of a damaged link as text', () => {
    expect(pages.filter((page) => page.h1.startsWith('[')).map((page) => page.h1)).toEqual([]);
    // `[[[Book Review]] "The Intellectual Production Techniques of Engineers" … []](https://rashita.net/…)`
    const html = readFileSync(join(outDir, 'notes/the_intellectual_production_of_engineers_reaction_summary/index.html'), 'utf8');
    expect(html).not.toContain('R-style []](');
    expect(html).toMatch(/<a href="https:\/\/rashita\.net\/blog\/\?p=25447"[^>]*>"The Intellectual Production Techniques/);
    expect(html).toMatch(/<a href="\/notes\/book_review\/" class="wiki-link[^"]*">Book Review<\/a>/);
  });

  test("each page's backlinks equal an independent count from the Markdown", () => {
    const titles = new Map<string, string>();
    for (const note of notes) titles.set(key(note.title), note.title);
    for (const note of notes) {
      // A file path names its note too, unless it is the Scrapbox export's name for the title.
      const pathName = key(note.file.replace(/\.md$/, ''));
      if (!titles.has(pathName) && pathName !== key(note.title.replace(/\//g, '-'))) titles.set(pathName, note.title);
    }
    // The title of a translated page names its translation, unless two notes claim it.
    const originals = new Map<string, string | null>();
    for (const note of notes) {
      for (const original of note.originalTitles) {
        const name = key(original);
        if (titles.has(name)) continue;
        originals.set(name, originals.has(name) && originals.get(name) !== note.title ? null : note.title);
      }
    }
    for (const [name, title] of originals) if (title) titles.set(name, title);
    const expected = new Map<string, Set<string>>();
    for (const note of notes) {
      for (const link of note.links) {
        const target = targetKey(link, titles);
        if (target === key(note.title)) continue;
        if (!expected.has(target)) expected.set(target, new Set());
        expected.get(target)!.add(note.title);
      }
    }
    const actual = new Map<string, Set<string>>();
    for (const page of pages) {
      if (page.kind !== 'other') actual.set(key(page.h1), new Set(page.backlinkTitles));
    }
    const differences: string[] = [];
    for (const [target, sources] of expected) {
      const got = actual.get(target);
      if (!got) differences.push(`no page for linked title "${target}"`);
      else if (got.size !== sources.size || [...sources].some((s) => !got.has(s))) {
        differences.push(`"${target}": expected ${[...sources].sort().join(' | ')}; page lists ${[...got].sort().join(' | ')}`);
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
    const totalBacklinks = [...actual.values()].reduce((sum, s) => sum + s.size, 0);
    const totalExpected = [...expected.values()].reduce((sum, s) => sum + s.size, 0);
    expect(totalBacklinks).toBe(totalExpected);
    expect(totalExpected).toBeGreaterThan(20_000);
  });
});
