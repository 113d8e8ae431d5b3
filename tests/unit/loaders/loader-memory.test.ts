/** `astro dev` reloads what changed: unchanged note files are not read again, and never a changed one missed. */
import { mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
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
    const fresh = await readNotes(dir);
    await readNotes(dir, memory);
    expect(await readNotes(dir, memory)).toEqual(fresh);
  });
});
