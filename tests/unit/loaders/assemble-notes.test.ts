/** The loader step that puts embedded notes and files in place (`src/loaders/assemble-notes.ts`). */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { assembleNotes } from '../../../src/loaders/assemble-notes.ts';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { notePages } from '../../../src/loaders/note-pages.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';
import { MEDIA_FILES } from '../../../src/lib/cache/cache-files.ts';

let dir: string;
let cacheDir: string;
let assembled: Awaited<ReturnType<typeof assembleNotes>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assemble-notes-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'assemble-notes-cache-'));
  await mkdir(join(dir, 'img'));
  await sharp({ create: { width: 80, height: 40, channels: 3, background: '#2a7ab0' } }).png().toFile(join(dir, 'img/p.png'));
  await writeFile(join(dir, 'doc.pdf'), '%PDF-1.4\n');
  await writeFile(join(dir, 'Host.md'), '---\ntitle: Host\n---\nIntro.\n\n![[Guest]]\n\n![[p.png|40]] ![[gone.png]] ![[doc.pdf]] ![[Nobody]]\n');
  await writeFile(join(dir, 'Guest.md'), '---\ntitle: Guest\n---\nGuest text ![[p.png]]\n');
  const { notes } = await readNotes(dir);
  const titles = indexTitles(notes);
  const renderer = await createNoteRenderer(titles.index, '/wiki/');
  const results = await Promise.all(notes.map(({ source, footers }) => renderer.render(footers.body, source.filePath)));
  const { pages } = notePages(notes, titles.index, results);
  assembled = await assembleNotes(pages, titles.index, { contentDir: dir, cacheDir, base: '/wiki/', language: 'ja' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

const htmlOf = (file: string) => assembled.pages.find(({ source }) => source.filePath === file)!.result.html;

describe('assembleNotes', () => {
  test('puts the embedded note in place, with its own image, under the base path', () => {
    const host = htmlOf('Host.md');
    expect(host).toContain('<figure class="note-embed" data-pagefind-ignore><figcaption class="note-embed-source">埋め込み元: <a href="/wiki/notes/guest/" class="wiki-link">Guest</a>');
    expect(host).toContain('Guest text <img src="/wiki/media/');
    expect(host).toMatch(/<img src="\/wiki\/media\/[0-9a-f]{20}-40\.webp" srcset="[^"]+-80\.webp 2x" alt="" width="40" height="20" loading="lazy" decoding="async"/);
    expect(host).toMatch(/<a href="\/wiki\/media\/[0-9a-f]{20}\.pdf" class="embed-file">doc\.pdf<\/a>/);
    expect(host).toContain('<span class="embed-missing" title="gone.png">画像またはファイルを表示できません: gone.png</span>');
  });

  test('warns about a missing file with the line of the file it is on', () => {
    expect(assembled.problems).toEqual([{ filePath: 'Host.md', line: 8, message: expect.stringContaining('![[gone.png]] names a file that is not in the content folder') }]);
  });

  test('counts what the notes embed and what is shown', () => {
    expect(assembled.counts).toEqual({
      notes: { written: 2, shown: 1 },
      images: { written: 3, shown: 2, encoded: 2, reused: 0 },
      files: { written: 1, linked: 1 },
    });
  });

  test('lists what /media/ serves', async () => {
    const served = JSON.parse(await readFile(join(cacheDir, MEDIA_FILES), 'utf8')) as { name: string; file: string }[];
    expect(served.map(({ name }) => name.replace(/^[0-9a-f]{20}/, 'HASH')).sort()).toEqual(['HASH-40.webp', 'HASH-80.webp', 'HASH-80.webp', 'HASH.pdf']);
    expect(served.find(({ name }) => name.endsWith('.pdf'))?.file).toBe(join(dir, 'doc.pdf'));
  });
});
