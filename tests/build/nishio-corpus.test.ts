/**
 * Builds the real translated corpus (nishio-en, 7,392 notes) with CONTENT_DIR and checks the
 * output as a whole: every note has its page, no internal link is broken, and every page's
 * backlinks match an independent reading of the Markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TitleListFile } from '../../src/lib/search/title-list.ts';
import { titleMatcher } from '../../src/lib/search/title-matches.ts';
import { matcherForQuery, type TitlePieceIndex } from '../../src/lib/search/title-pieces.ts';
import { hrefForSlug } from '../../src/lib/titles/slugs.ts';
import { buildSite } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { key, readIndependently, singleMentionsOf, targetKey, type IndependentNote } from '../support/independent-links.ts';
import { fileForHref, listOutputFiles, pagesWithDuplicateIds, readBuiltPages, type BuiltPage } from '../support/read-built-site.ts';

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

  test('gives no page an id twice', () => {
    expect(pagesWithDuplicateIds(pages).slice(0, 20)).toEqual([]);
  });

  test('makes no page whose title starts with [, and leaves no ]]( of a damaged link as text', () => {
    expect(pages.filter((page) => page.h1.startsWith('[')).map((page) => page.h1)).toEqual([]);
    // `[[[Book Review]] "The Intellectual Production Techniques of Engineers" … []](https://rashita.net/…)`
    const html = readFileSync(join(outDir, 'notes/the_intellectual_production_of_engineers_reaction_summary/index.html'), 'utf8');
    expect(html).not.toContain('R-style []](');
    expect(html).toMatch(/<a href="https:\/\/rashita\.net\/blog\/\?p=25447"[^>]*>"The Intellectual Production Techniques/);
    expect(html).toMatch(/<a href="\/notes\/book_review\/" class="wiki-link[^"]*">Book Review<\/a>/);
  });

  test('every title, and every other name of a note, finds its page first through the search\'s title matching', () => {
    const matcher = titleMatcher(JSON.parse(readFileSync(join(outDir, 'titles.json'), 'utf8')));
    // As the browser matches: over the pieces of the title list the query needs.
    const index = JSON.parse(readFileSync(join(outDir, 'titles/index.json'), 'utf8')) as TitlePieceIndex;
    const pieces = new Map<number, TitleListFile>();
    const piece = (at: number) => pieces.get(at) ?? pieces.set(at, JSON.parse(readFileSync(join(outDir, `titles/${at}.json`), 'utf8'))).get(at)!;
    const firstFile = (query: string) => {
      const [match] = matcherForQuery(index, query, piece).match(query, 1);
      return match && fileForHref(hrefForSlug(match.slug));
    };
    // Every page a title can reach: notes, missing titles and pages of shared titles.
    const titled = pages.filter((page) => page.path.startsWith('/notes/') && page.kind !== 'other');
    const noteKeys = new Map<string, number>();
    for (const page of titled) if (page.kind === 'note') noteKeys.set(key(page.h1), (noteKeys.get(key(page.h1)) ?? 0) + 1);
    const pageOfKey = new Map(titled.filter((page) => page.kind !== 'note' || noteKeys.get(key(page.h1)) === 1).map((page) => [key(page.h1), page]));
    const missed: string[] = [];
    for (const page of titled) {
      // A title several notes share reaches the page that lists them.
      const expected = page.kind === 'note' && noteKeys.get(key(page.h1))! > 1 ? pageOfKey.get(key(page.h1))! : page;
      if (firstFile(page.h1) !== `${expected.path}index.html`) missed.push(`${page.h1} -> ${firstFile(page.h1)}`);
    }
    expect(missed.slice(0, 20)).toEqual([]);
    expect(titled.length).toBeGreaterThan(9_000);
    // Titles only one note links have no page: listed all the same, they lead to the mention.
    const single = singleMentionsOf(notes, independentNames(notes));
    expect(matcher.pageCount).toBe(pageOfKey.size + single.size);
    const noteByTitle = new Map(pages.filter((page) => page.kind === 'note').map((page) => [page.h1, page]));
    const mentionsMissed: string[] = [];
    for (const [target, source] of single) {
      const [match] = matcher.match(target, 1);
      const note = noteByTitle.get(source)!;
      const where = match?.mentionedIn;
      const landed = where && fileForHref(hrefForSlug(where.note)) === `${note.path}index.html` && (where.id === undefined || key(note.singleMentions.get(where.id) ?? '').length > 0);
      if (!landed) mentionsMissed.push(`${target} (in ${source}) -> ${JSON.stringify(match)}`);
    }
    expect(mentionsMissed.slice(0, 20)).toEqual([]);
    expect(single.size).toBeGreaterThan(5_000);

    const names = [...independentNames(notes)].filter(([name, title]) => name !== key(title) && noteKeys.get(key(title)) === 1);
    const namesMissed = names.filter(([name, title]) => firstFile(name) !== `${pageOfKey.get(key(title))!.path}index.html`);
    expect(namesMissed.slice(0, 20)).toEqual([]);
    expect(names.length).toBeGreaterThan(5_000);
  });

  test("each page's backlinks equal an independent count from the Markdown; a title only one note links has no page", () => {
    const titles = independentNames(notes);
    const single = singleMentionsOf(notes, titles);
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
      if (single.has(target)) {
        if (got) differences.push(`a page for "${target}", which only ${single.get(target)} links`);
        continue;
      }
      if (!got) differences.push(`no page for linked title "${target}"`);
      else if (got.size !== sources.size || [...sources].some((s) => !got.has(s))) {
        differences.push(`"${target}": expected ${[...sources].sort().join(' | ')}; page lists ${[...got].sort().join(' | ')}`);
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
    const totalBacklinks = [...actual.values()].reduce((sum, s) => sum + s.size, 0);
    const totalExpected = [...expected].reduce((sum, [target, s]) => sum + (single.has(target) ? 0 : s.size), 0);
    expect(totalBacklinks).toBe(totalExpected);
    expect(totalExpected).toBeGreaterThan(10_000);
    // Every note that alone links a title draws it as mentioned only here.
    const mentionCount = new Map<string, number>();
    for (const source of single.values()) mentionCount.set(source, (mentionCount.get(source) ?? 0) + 1);
    const drawn = pages.filter((page) => page.kind === 'note');
    const notDrawn = drawn.filter((page) => (mentionCount.get(page.h1) ?? 0) > 0 && page.singleMentions.size === 0).map((page) => page.h1);
    expect(notDrawn.slice(0, 20)).toEqual([]);
  });
});

/**
 * Every name of a note by an independent reading of the rules in docs/links.md: its title, its file
 * path (unless that is the Scrapbox export's name for the title), and the titles of the pages
 * it translates (unless another name or note has them), each mapped to the note's title.
 */
function independentNames(notes: readonly IndependentNote[]): Map<string, string> {
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
  return titles;
}
