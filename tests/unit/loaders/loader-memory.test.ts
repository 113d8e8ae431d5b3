/** `astro dev` reloads what changed: unchanged note files are not read again, and never a changed one missed. */
import { mkdir, mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyMemory, type LoaderMemory } from '../../../src/loaders/loader-memory.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';

let dir: string;
let memory: LoaderMemory;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loader-memory-'));
  await writeFile(join(dir, 'a.md'), '---\ntitle: Alpha\n---\nFirst text.\n');
  await writeFile(join(dir, 'b.md'), 'Beta text.\n');
  memory = emptyMemory();
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const sourcesByPath = async () => new Map((await readNotes(dir, memory)).notes.map(({ source }) => [source.filePath, source]));

describe('reading notes again in the same process', () => {
  test('reuses what it read of an unchanged file', async () => {
    const first = await sourcesByPath();
    const second = await sourcesByPath();
    expect(second.get('a.md')).toBe(first.get('a.md'));
    expect(second.get('b.md')).toBe(first.get('b.md'));
  });

  test('reads a changed file again, even at the same size and modification time', async () => {
    const first = await sourcesByPath();
    const { modified } = first.get('a.md')!;
    await writeFile(join(dir, 'a.md'), '---\ntitle: Alpha\n---\nOther text.\n');
    await utimes(join(dir, 'a.md'), modified, modified);
    const second = await sourcesByPath();
    expect(second.get('a.md')!.body).toContain('Other text.');
    expect(second.get('b.md')).toBe(first.get('b.md'));
  });

  test('sees added and deleted files, and forgets the deleted', async () => {
    await sourcesByPath();
    await unlink(join(dir, 'b.md'));
    await writeFile(join(dir, 'c.md'), 'Gamma.\n');
    const second = await sourcesByPath();
    expect([...second.keys()]).toEqual(['a.md', 'c.md']);
    expect([...memory.sources.keys()].sort()).toEqual(['a.md', 'c.md']);
  });

  test('gives the same notes and problems as a first read', async () => {
    await writeFile(join(dir, 'd.md'), Buffer.concat([Buffer.from('bad '), Buffer.from([0xff]), Buffer.from('\n')]));
    await writeFile(join(dir, 'e.md'), 'Text.\n\n---\nThis page is auto-translated from [/nishio/broken](not a link) using DeepL.\n');
    const fresh = await readNotes(dir);
    expect(fresh.problems.map(({ filePath, message }) => `${filePath}: ${message.slice(0, 40)}`)).toEqual([
      'd.md: bytes here are not UTF-8 and show as �; ',
      'e.md: this looks like a translation footer but',
    ]);
    await readNotes(dir, memory);
    expect(await readNotes(dir, memory)).toEqual(fresh);
  });
});

describe('reading again only the files the dev server named', () => {
  test('reads a named file again, and keeps an unnamed one as it was read, unlooked at', async () => {
    const first = await sourcesByPath();
    await writeFile(join(dir, 'a.md'), '---\ntitle: Alpha\n---\nNamed change.\n');
    await writeFile(join(dir, 'b.md'), 'Changed, but not named.\n');
    const second = new Map((await readNotes(dir, memory, new Set(['a.md']))).notes.map(({ source }) => [source.filePath, source]));
    expect(second.get('a.md')!.body).toContain('Named change.');
    expect(second.get('b.md')).toBe(first.get('b.md'));
  });

  test('adds and removes the named files that came and went, in the order a full listing gives', async () => {
    await sourcesByPath();
    await unlink(join(dir, 'b.md'));
    await writeFile(join(dir, '0 first.md'), 'Sorted first.\n');
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub/c.md'), 'Gamma.\n');
    await mkdir(join(dir, '.obsidian'));
    await writeFile(join(dir, '.obsidian/hidden.md'), 'Not a note.\n');
    await writeFile(join(dir, 'picture.png'), 'not a note either');
    const named = new Set(['b.md', '0 first.md', 'sub/c.md', '.obsidian/hidden.md', 'picture.png', 'never-there.md']);
    const read = await readNotes(dir, memory, named);
    expect(read.notes.map(({ source }) => source.filePath)).toEqual(['0 first.md', 'a.md', 'sub/c.md']);
    const { attachments: _listed, ...full } = await readNotes(dir);
    expect(read).toEqual(full);
  });

  test('lists every file when it has no list of its own yet', async () => {
    const read = await readNotes(dir, memory, new Set());
    expect(read.notes.map(({ source }) => source.filePath)).toEqual(['a.md', 'b.md']);
  });
});
