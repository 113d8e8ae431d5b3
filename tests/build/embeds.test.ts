/**
 * Embeds in a built site (`tests/fixtures/embeds`, and the corpora's): notes shown inside
 * notes, images resolved the Obsidian way and encoded, placeholders and warnings for what
 * is missing, nothing broken; and pages that show an embedded note or image rendered again,
 * in an incremental build, when that note or image changes (and only then).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSettings } from '../../src/lib/settings/settings.ts';
import { renderedNotePages } from '../support/build-folders.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { corpusDir } from '../support/corpora.ts';
import { fileForHref, listOutputFiles, pagesWithDuplicateIds, readBuiltPages } from '../support/read-built-site.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/embeds');
const made: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), name));
  made.push(dir);
  return dir;
};
const cacheDirOf = (contentDir: string) => readSettings({ CONTENT_DIR: contentDir }, PROJECT_ROOT).cacheDir;
const plain = (log: string) => log.replace(/\u001b\[[0-9;]*m/g, '');

afterAll(() => {
  for (const dir of made) {
    rmSync(cacheDirOf(dir), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

function noteBody(outDir: string, slug: string) {
  const root = parse(readFileSync(join(outDir, 'notes', slug, 'index.html'), 'utf8'));
  return root.querySelector('.note-body')!;
}

/** Every image source, srcset entry and href on the site's pages that names no file of the site. */
function brokenReferences(outDir: string): string[] {
  const files = listOutputFiles(outDir);
  const broken: string[] = [];
  for (const page of readBuiltPages(outDir, files)) {
    const root = parse(readFileSync(join(outDir, page.path.endsWith('/') ? `${page.path}index.html` : page.path), 'utf8'));
    const urls = [
      ...page.hrefs,
      ...root.querySelectorAll('img[src]').map((img) => img.getAttribute('src')!),
      ...root.querySelectorAll('img[srcset]').flatMap((img) => img.getAttribute('srcset')!.split(',').map((entry) => entry.trim().split(' ')[0]!)),
    ];
    for (const url of urls) {
      const resolved = new URL(url, `http://site${encodeURI(page.path)}`);
      const file = resolved.host === 'site' && !url.startsWith('#') ? fileForHref(resolved.pathname) : undefined;
      if (file !== undefined && !files.has(file)) broken.push(`${page.path} → ${url}`);
    }
  }
  return broken;
}

/** The embeds line of the build log. */
const embedsLine = (log: string) => /embeds: (.*)/.exec(plain(log))?.[1];

describe('the embeds fixture', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    // Every missing title gets a page: an embed of one is a link to its page.
    site = await buildSite({ contentDir: FIXTURE, env: { SINGLE_MENTION_PAGES: '1' } });
  });

  test('shows an embedded note in a frame that links to it, and a section under a heading', () => {
    const body = noteBody(site.outDir, 'embedding_note');
    const [whole, section] = body.querySelectorAll('figure.note-embed');
    expect(whole?.querySelector('figcaption a')?.getAttribute('href')).toBe('/notes/embedded_note/');
    expect(whole?.querySelector('.note-embed-body')?.text).toContain("The embedded note's first paragraph");
    expect(section?.querySelector('figcaption')?.text).toBe('Embedded from Embedded note › Second part');
    expect(section?.querySelector('.note-embed-body')?.text).toContain('Still in the second part.');
    expect(section?.querySelector('.note-embed-body')?.text).not.toContain('Not in the second part');
    // Ids inside embedded HTML would repeat the embedded page's: dropped; its #links lead there.
    expect(whole?.querySelectorAll('[id]')).toHaveLength(0);
    expect(whole?.querySelector('a[href="/notes/embedded_note/#second-part"]')).toBeTruthy();
    // A missing title is a missing link; a section that is not there, a link.
    expect(body.querySelector('a.wiki-link-missing')?.getAttribute('href')).toBe('/notes/no_such_note/');
    expect(body.querySelector('.note-embed-link a')?.getAttribute('href')).toBe('/notes/embedded_note/#no-such-heading');
  });

  test('counts an embed as a link: the embedded note lists the embedding one among its backlinks', () => {
    const root = parse(readFileSync(join(site.outDir, 'notes/embedded_note/index.html'), 'utf8'));
    expect(root.querySelectorAll('#backlinks .backlink-title').map((a) => a.text)).toEqual(['Embedding note']);
  });

  test('stops a cycle: a note embedded inside itself is a link', () => {
    const body = noteBody(site.outDir, 'cycle_a');
    expect(body.querySelectorAll('figure')).toHaveLength(1);
    expect(body.querySelector('figure .note-embed-link a')?.getAttribute('href')).toBe('/notes/cycle_a/');
  });

  test('shows images at their size, lazily, as WebP files of the site; SVG rasterized, never inline', async () => {
    const images = noteBody(site.outDir, 'embedding_note').querySelectorAll('img');
    const attributes = images.map((img) => [img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading'), img.getAttribute('decoding')]);
    expect(attributes).toEqual([
      ['400', '200', 'lazy', 'async'], // ![[picture.png]]: images/picture.png, the shortest path
      ['100', '50', 'lazy', 'async'], // |100
      ['100', '50', 'lazy', 'async'], // |300x50: fits the box
      ['800', '200', 'lazy', 'async'], // ![A wide chart|800](images/wide%20chart.png)
      ['120', '60', 'lazy', 'async'], // drawing.svg
      ['30', '20', 'lazy', 'async'], // photo.jpg, found as attachments/photo.JPG
    ]);
    for (const img of images) {
      expect(img.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{20}-\d+\.webp$/);
      const metadata = await sharp(join(site.outDir, img.getAttribute('src')!)).metadata();
      expect(metadata.format).toBe('webp');
    }
    expect(images[3]?.getAttribute('srcset')).toMatch(/-800\.webp 1x, \/media\/[0-9a-f]{20}-1600\.webp 2x$/);
    expect(noteBody(site.outDir, 'embedding_note').innerHTML).not.toMatch(/<svg|alert\(/);
    // The note in sub/deeper/ finds the picture of its own folder first.
    const sub = noteBody(site.outDir, 'sub_note').querySelectorAll('img');
    expect(sub.map((img) => [img.getAttribute('width'), img.getAttribute('alt')])).toEqual([['60', ''], ['400', 'blue']]);
  });

  test('links other files, and shows a placeholder with a warning naming the file and line for a missing, outside or unreadable one', () => {
    const body = noteBody(site.outDir, 'embedding_note');
    const paper = body.querySelector('a.embed-file');
    expect(paper?.text).toBe('paper.pdf');
    expect(readFileSync(join(site.outDir, paper!.getAttribute('href')!), 'utf8')).toContain('%PDF');
    expect(body.querySelectorAll('.embed-missing').map((span) => span.text)).toEqual([
      'Image or file not available: missing.png',
      'Image or file not available: passwd.png',
      'Image or file not available: broken.png',
    ]);
    const warnings = [...plain(site.log).matchAll(/\[WARN\] \[wiki-notes-loader\] (Embedding note\.md:\d+): (.{0,30})/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(warnings).toEqual([
      'Embedding note.md:16 the embed ![[missing.png]] nam',
      'Embedding note.md:18 the embed ![…](../../../../etc',
      'Embedding note.md:20 the image attachments/broken.p',
      'Embedding note.md:28 the embed ![[Embedded note#No ',
    ]);
    // 7 encodings: picture.png at three sizes, the chart, the drawing, the photo, the green picture (the cache may hold them).
    expect(embedsLine(site.log)).toMatch(/^6 of notes, 4 shown; 11 of images, 8 shown \((7 encoded, 0|0 encoded, 7) from the cache\); 1 of other files, 1 linked$/);
  });

  test('breaks no link and no image', () => {
    expect(brokenReferences(site.outDir)).toEqual([]);
  });

  test('gives no page an id twice: headings named like the page\'s own ids, and embedded notes\' headings and footnotes', () => {
    expect(pagesWithDuplicateIds(readBuiltPages(site.outDir, listOutputFiles(site.outDir)))).toEqual([]);
    // "## Main" and "## Backlinks" get the next free ids; the page's own stay the page's.
    expect(noteBody(site.outDir, 'embedding_note').querySelector('h2#main-1')?.text).toBe('Main');
    expect(noteBody(site.outDir, 'embedded_note').querySelector('h2#backlinks-1')?.text).toBe('Backlinks');
  });
});

describe('an incremental build of a site with embeds', () => {
  const contentDir = tempDir('wiki-embeds-incremental-');
  let previous: BuiltSite;

  beforeAll(async () => {
    cpSync(FIXTURE, contentDir, { recursive: true });
    previous = await buildSite({ contentDir });
  });

  async function rebuildAndCompare(): Promise<BuiltSite> {
    const incremental = await buildSite({ contentDir });
    const fresh = tempDir('wiki-embeds-clean-');
    cpSync(contentDir, fresh, { recursive: true, preserveTimestamps: true });
    const clean = await buildSite({ contentDir: fresh });
    const files = [...listOutputFiles(clean.outDir)].sort();
    expect([...listOutputFiles(incremental.outDir)].sort()).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(incremental.outDir, file)).equals(readFileSync(join(clean.outDir, file))));
    expect(differing).toEqual([]);
    return incremental;
  }

  test('with nothing changed, encodes no image again', async () => {
    const again = await buildSite({ contentDir });
    expect(embedsLine(again.log)).toContain('(0 encoded, 7 from the cache)');
    expect(renderedNotePages(again.log)).toEqual([]);
    previous = again;
  });

  test('renders the page that embeds a note again when only that note changed', async () => {
    const file = join(contentDir, 'Embedded note.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('What the second part says.', 'What the second part says now.'));
    const built = await rebuildAndCompare();
    expect(renderedNotePages(built.log)).toEqual(['/notes/embedded_note/index.html', '/notes/embedding_note/index.html']);
    expect(noteBody(built.outDir, 'embedding_note').text).toContain('What the second part says now.');
    previous = built;
  });

  test('renders the pages that show an image again when only the image changed, under a new URL', async () => {
    const before = noteBody(previous.outDir, 'embedding_note').querySelector('img')!.getAttribute('src');
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#000000' } }).png().toFile(join(contentDir, 'images/picture.png'));
    const built = await rebuildAndCompare();
    // images/picture.png is shown by the embedding note, and by the note in sub/deeper/ by its path.
    expect(renderedNotePages(built.log)).toEqual(['/notes/embedding_note/index.html', '/notes/sub_note/index.html']);
    const after = noteBody(built.outDir, 'embedding_note').querySelector('img')!.getAttribute('src');
    expect(after).not.toBe(before);
    expect(existsSync(join(built.outDir, after!))).toBe(true);
    expect(embedsLine(built.log)).toContain('(3 encoded, 4 from the cache)');
  });
});

describe.each([
  // 16 picture embeds (`![[…png]]`, `\|800` sizes), all in images/; the embeds in wikilinks.md are code.
  ['quartz-docs', 'quartz-docs/docs', '0 of notes, 0 shown; 16 of images, 16 shown'],
  // Two pasted images that the source repository does not have either.
  ['mitsuoka-notes-ja', 'mitsuoka-notes-ja/obsidian', '0 of notes, 0 shown; 2 of images, 0 shown'],
] as const)('the %s corpus', (_name, relative, counts) => {
  const corpus = corpusDir(relative);
  test.runIf(corpus.present)('shows the images it has, and breaks no link or image', async () => {
    const { outDir, log } = await buildSite({ contentDir: corpus.dir });
    expect(embedsLine(log)).toContain(counts);
    expect(brokenReferences(outDir)).toEqual([]);
    expect(pagesWithDuplicateIds(readBuiltPages(outDir, listOutputFiles(outDir)))).toEqual([]);
  });
});
