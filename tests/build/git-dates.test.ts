/**
 * Notes dated by their git history, built from a fresh clone as the Pages workflow builds
 * them: each corpus is committed into a repository (in its folder `content/`, not at the
 * root) at fixed dates, a few notes edited later, a file outside the folder changed last;
 * the clone's every note page says "Updated" with its last commit's day, and the feed, the
 * sitemap's lastmod and the home page's "Recently changed" follow. Two fresh clones (files
 * checked out at different times) give the same site byte for byte. No note is lost and no
 * link broken.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listNoteFiles } from '../../src/lib/notes/note-files.ts';
import { parseNoteSource } from '../../src/lib/notes/note-source.ts';
import { readSettings } from '../../src/lib/settings/settings.ts';
import { siteBytes } from '../support/build-folders.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { commitAll, git, initRepo } from '../support/git-repo.ts';
import { fileForHref, listOutputFiles, readBuiltPages } from '../support/read-built-site.ts';

const FIRST = '2023-01-01T00:00:00.000Z';
const EDITED = '2024-02-03T10:00:00.000Z';
const OUTSIDE = '2024-05-06T00:00:00.000Z';
const EDITED_COUNT = 3;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    for (const clone of readdirSync(dir).filter((name) => name.startsWith('clone'))) {
      rmSync(readSettings({ CONTENT_DIR: join(dir, clone, 'content') }, PROJECT_ROOT).cacheDir, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The corpus in `content/` of a new repository: all committed at FIRST, EDITED_COUNT notes edited at EDITED, a README at OUTSIDE. Returns the edited notes' titles. */
async function makeOrigin(corpus: string, origin: string): Promise<string[]> {
  mkdirSync(origin);
  initRepo(origin);
  cpSync(corpus, join(origin, 'content'), { recursive: true });
  commitAll(origin, FIRST);
  const edited = (await listNoteFiles(join(origin, 'content'))).slice(0, EDITED_COUNT);
  for (const file of edited) writeFileSync(join(origin, 'content', file), '\n\nEdited later.\n', { flag: 'a' });
  commitAll(origin, EDITED);
  writeFileSync(join(origin, 'README.md'), 'Not a note.\n');
  commitAll(origin, OUTSIDE);
  return edited.map((file) => parseNoteSource(file, readFileSync(join(origin, 'content', file), 'utf8')).title);
}

function freshClone(origin: string, into: string): string {
  git(origin, ['clone', '-q', `file://${origin}`, into]);
  return join(into, 'content');
}

interface DatedPage {
  path: string;
  title: string;
  updated: string | undefined;
  created: string | undefined;
}

function notePages(outDir: string): DatedPage[] {
  const files = [...listOutputFiles(outDir)].filter((file) => file.startsWith('/notes/') && file.endsWith('/index.html'));
  return files.flatMap((file) => {
    const root = parse(readFileSync(join(outDir, file), 'utf8'));
    if (root.querySelector('meta[name="page-kind"]')?.getAttribute('content') !== 'note') return [];
    return [
      {
        path: file.replace(/index\.html$/, ''),
        title: root.querySelector('h1')?.text ?? '',
        updated: root.querySelector('.note-dates .note-updated')?.getAttribute('datetime'),
        created: root.querySelector('.note-dates .note-created')?.getAttribute('datetime'),
      },
    ];
  });
}

/** lastmod by decoded page path. */
function sitemapDates(outDir: string): Map<string, string | undefined> {
  const dates = new Map<string, string | undefined>();
  for (const file of readdirSync(outDir).filter((name) => /^sitemap-\d+\.xml$/.test(name))) {
    const xml = readFileSync(join(outDir, file), 'utf8');
    for (const [, url] of xml.matchAll(/<url>(.*?)<\/url>/gs)) {
      const loc = unescapeXml(/<loc>(.*?)<\/loc>/.exec(url!)![1]!);
      dates.set(decodeURIComponent(new URL(loc).pathname), /<lastmod>(.*?)<\/lastmod>/.exec(url!)?.[1]);
    }
  }
  return dates;
}

function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', apos: "'", quot: '"', lt: '<', gt: '>' };
  return text.replace(/&(amp|apos|quot|lt|gt);/g, (_, name: string) => named[name]!);
}

function brokenLinks(outDir: string): string[] {
  const files = listOutputFiles(outDir);
  return readBuiltPages(outDir, files).flatMap((page) =>
    page.hrefs.flatMap((href) => {
      const url = new URL(href, `http://site${encodeURI(page.path)}`);
      const file = url.host === 'site' && !href.startsWith('#') ? fileForHref(url.pathname) : undefined;
      return file === undefined || files.has(file) ? [] : [`${page.path} → ${href}`];
    }),
  );
}

describe.each([
  ['quartz-docs', 'quartz-docs/docs'],
  ['mitsuoka-notes-ja', 'mitsuoka-notes-ja/obsidian'],
] as const)('the %s corpus in a git repository, built from a fresh clone', (_name, relative) => {
  const corpus = corpusDir(relative);
  let dir: string;
  let editedTitles: string[];
  let built: BuiltSite;
  let pages: DatedPage[];

  beforeAll(async () => {
    if (!corpus.present) return;
    dir = mkdtempSync(join(tmpdir(), 'wiki-git-dates-'));
    made.push(dir);
    editedTitles = await makeOrigin(corpus.dir, join(dir, 'origin'));
    built = await buildSite({ contentDir: freshClone(join(dir, 'origin'), join(dir, 'clone-1')) });
    pages = notePages(built.outDir);
  });

  test.runIf(corpus.present)('dates every note by git and says so in one line; loses no note and breaks no link', async () => {
    const notes = (await listNoteFiles(corpus.dir)).length;
    expect(pages).toHaveLength(notes);
    expect(built.log).toMatch(new RegExp(`dates: ${notes} notes from git, 0 from frontmatter, 0 from file times \\(git history read in [\\d.]+ s\\)`));
    expect(built.log).not.toContain('shallow');
    expect(brokenLinks(built.outDir)).toEqual([]);
  });

  test.runIf(corpus.present)('shows each note "Updated" on the day of its last commit, and when it first appeared if earlier', () => {
    const edited = pages.filter((page) => editedTitles.includes(page.title));
    expect(edited.map((page) => page.title).sort()).toEqual([...editedTitles].sort());
    for (const page of edited) expect([page.updated, page.created]).toEqual([EDITED.slice(0, 10), FIRST.slice(0, 10)]);
    // The commit outside the content folder dates no note.
    for (const page of pages.filter((page) => !editedTitles.includes(page.title))) expect([page.updated, page.created]).toEqual([FIRST.slice(0, 10), undefined]);
  });

  test.runIf(corpus.present)('gives the sitemap each note’s last commit as its lastmod', () => {
    const lastmods = sitemapDates(built.outDir);
    for (const page of pages) expect(lastmods.get(page.path)).toBe(editedTitles.includes(page.title) ? EDITED : FIRST);
  });

  test.runIf(corpus.present)('puts the edited notes first in the feed and in "Recently changed" on the home page', () => {
    const feed = readFileSync(join(built.outDir, 'rss.xml'), 'utf8');
    const items = [...feed.matchAll(/<item>.*?<title>(.*?)<\/title>.*?<pubDate>(.*?)<\/pubDate>/gs)].map(([, title, date]) => [parse(title!).text, date]);
    expect(items.slice(0, EDITED_COUNT).map(([, date]) => date)).toEqual(Array(EDITED_COUNT).fill(new Date(EDITED).toUTCString()));
    expect(items.slice(0, EDITED_COUNT).map(([title]) => title).sort()).toEqual([...editedTitles].sort());
    const home = parse(readFileSync(join(built.outDir, 'index.html'), 'utf8'));
    const recent = home.querySelectorAll('#recently-changed li a').map((a) => a.text);
    expect(recent.slice(0, EDITED_COUNT).sort()).toEqual([...editedTitles].sort());
  });

  test.runIf(corpus.present)('two fresh clones, checked out at different times, give the same site', async () => {
    const again = await buildSite({ contentDir: freshClone(join(dir, 'origin'), join(dir, 'clone-2')) });
    const first = siteBytes(built.outDir);
    const second = siteBytes(again.outDir);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect([...first].filter(([file, bytes]) => !second.get(file)!.equals(bytes)).map(([file]) => file)).toEqual([]);
  });
});
