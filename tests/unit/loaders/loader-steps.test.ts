/** The loader's steps that need no Astro: reading notes, indexing titles, notes in file terms. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { notePages } from '../../../src/loaders/note-pages.ts';
import type { ReadNote } from '../../../src/loaders/loader-types.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';

let dir: string;
let notes: ReadNote[];
let problems: Awaited<ReturnType<typeof readNotes>>['problems'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loader-steps-'));
  await writeFile(join(dir, 'a.md'), '---\ntitle: Alpha\n---\nSee [[Beta]] and [[Missing]].\n\n[[ https://example.org ]]\n');
  await writeFile(join(dir, 'b.md'), '---\ntitle: beta\n---\nBody.\n---\nThis page is auto-translated from [/nishio/ベータ](https://scrapbox.io/nishio/ベータ) using DeepL.');
  await writeFile(join(dir, 'c.md'), '---\ntitle: BETA\n---\nThis page is auto-translated from somewhere using DeepL.\n');
  await writeFile(join(dir, 'd.md'), Buffer.concat([Buffer.from('line one\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
  ({ notes, problems } = await readNotes(dir));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readNotes', () => {
  test('reads every note in file path order, with its title and translations', () => {
    expect(notes.map(({ source }) => [source.filePath, source.title])).toEqual([
      ['a.md', 'Alpha'],
      ['b.md', 'beta'],
      ['c.md', 'BETA'],
      ['d.md', 'd'],
    ]);
    expect(notes[1]!.translations).toEqual([expect.objectContaining({ title: 'ベータ' })]);
    expect(notes[1]!.footers.body).not.toContain('auto-translated');
  });

  test('reports bytes that are not UTF-8 and an unreadable footer by file line', () => {
    expect(problems).toEqual([
      expect.objectContaining({ filePath: 'd.md', line: 2, message: expect.stringMatching(/not UTF-8/) }),
      expect.objectContaining({ filePath: 'c.md', line: 4, message: expect.stringMatching(/translation footer/) }),
    ]);
  });
});

describe('indexTitles', () => {
  test('indexes every note and warns for each note of a shared title, on its title line', () => {
    const { index, indexInput, problems: shared } = indexTitles(notes);
    expect(indexInput).toHaveLength(4);
    expect(index.ambiguousTitles).toHaveLength(1);
    expect(shared.map(({ filePath, line }) => [filePath, line])).toEqual([
      ['b.md', 2],
      ['c.md', 2],
    ]);
    expect(shared[0]!.message).toMatch(/also the title of c\.md \("BETA"\)/);
  });
});

describe('notePages', () => {
  test('gives render problems and damaged links by file line', async () => {
    const { index } = indexTitles(notes);
    const renderer = await createNoteRenderer(index, '/');
    const results = await Promise.all(notes.map(({ source, footers }) => renderer.render(footers.body, source.filePath)));
    const { pages } = notePages(notes, index, results);
    expect(pages.map(({ note }) => note.filePath)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
    // "[[ https://example.org ]]" is on body line 3, file line 6 (after three lines of frontmatter).
    expect(pages[0]!.damagedLinks).toEqual([{ text: ' https://example.org ', damage: 'padded', line: 6 }]);
  });
});

describe('notePages, frontmatter tags', () => {
  test('gives each tag as a link and adds it to the note’s links for the link graph, after the body’s', async () => {
    const tagged = await mkdtemp(join(tmpdir(), 'loader-tags-'));
    try {
      await writeFile(join(tagged, 'a.md'), '---\ntitle: Alpha\ntags: [beta, Reading list]\n---\nSee [[Beta]].\n');
      await writeFile(join(tagged, 'b.md'), '---\ntitle: Beta\n---\nBody.\n');
      const read = await readNotes(tagged);
      const { index } = indexTitles(read.notes);
      const renderer = await createNoteRenderer(index, '/');
      const results = await Promise.all(read.notes.map(({ source, footers }) => renderer.render(footers.body, source.filePath)));
      const { pages } = notePages(read.notes, index, results);
      expect(pages[0]!.tags.map(({ tag, link }) => [tag, link.kind])).toEqual([
        ['beta', 'note'],
        ['Reading list', 'missing'],
      ]);
      expect(pages[0]!.result.links.map(({ text, tag }) => [text, tag])).toEqual([
        ['Beta', undefined],
        ['beta', 'frontmatter'],
        ['Reading list', 'frontmatter'],
      ]);
      // The rendering itself (which the render cache keeps) is not changed.
      expect(results[0]!.links).toHaveLength(1);
      expect(pages[1]!.tags).toEqual([]);
    } finally {
      await rm(tagged, { recursive: true, force: true });
    }
  });
});
