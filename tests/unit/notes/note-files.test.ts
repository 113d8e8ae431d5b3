import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isListedFolder, isNoteFilePath, listContentFiles, listNoteFiles, sortFilePaths } from '../../../src/lib/notes/note-files.ts';

const FILES = [
  'a.md',
  'B.md',
  'Also available in black..md',
  '@babel/preset-react.md',
  '知的生産術.md',
  'sub/b.md',
  'sub/deeper/c.MD',
  'folder.md/inner.md',
  // Skipped: hidden folders and files, node_modules, other extensions.
  '.obsidian/workspace.md',
  'sub/.git/z.md',
  'node_modules/pkg/readme.md',
  '.hidden.md',
  'image.png',
  'notes.md.bak',
];

const EXPECTED = [
  '@babel/preset-react.md',
  'Also available in black..md',
  'B.md',
  'a.md',
  'folder.md/inner.md',
  'sub/b.md',
  'sub/deeper/c.MD',
  '知的生産術.md',
];

let root: string;
let empty: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'note-files-'));
  for (const file of FILES) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), `# ${file}\n`);
  }
  empty = await mkdtemp(join(tmpdir(), 'note-files-empty-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
});

describe('listContentFiles', () => {
  test('lists every other file (what embeds may name) by the same rules', async () => {
    expect((await listContentFiles(root)).attachments.map((file) => file.path)).toEqual(['image.png', 'notes.md.bak']);
  });
  test('gives each file the path it is read by: its own, for names in UTF-8', async () => {
    const { notes } = await listContentFiles(root);
    for (const file of notes) {
      expect(file.diskPath).toBe(join(root, file.path));
      expect(file.renamed).toBeUndefined();
    }
  });
});

describe('listNoteFiles', () => {
  test('lists every .md file as a /-separated relative path, sorted by code point, skipping hidden folders and node_modules', async () => {
    expect(await listNoteFiles(root)).toEqual(EXPECTED);
  });

  test.each([
    ['with a trailing slash', () => `${root}/`],
    ['as a relative path', () => relative(process.cwd(), root)],
    ['as a relative path starting with ./', () => `./${relative(process.cwd(), root)}`],
    ['ending in /.', () => `${root}/.`],
  ])('lists the same files when the folder is written %s', async (_how, dir) => {
    expect(await listNoteFiles(dir())).toEqual(EXPECTED);
  });

  test('lists nothing for an empty folder', async () => {
    expect(await listNoteFiles(empty)).toEqual([]);
  });

  test('rejects a folder that does not exist', async () => {
    await expect(listNoteFiles(join(root, 'no-such-folder'))).rejects.toThrow(/ENOENT/);
  });
});

describe('isNoteFilePath', () => {
  test('says of each path what listNoteFiles says of the file', () => {
    expect(FILES.filter(isNoteFilePath).sort()).toEqual([...EXPECTED].sort());
  });
  test('isListedFolder says of each folder what listNoteFiles says of the notes in it', () => {
    const notes = FILES.filter((path) => /\.md$/i.test(path) && !path.split('/').pop()!.startsWith('.'));
    for (const path of notes) expect(isListedFolder(path.split('/').slice(0, -1).join('/')), path).toBe(isNoteFilePath(path));
    expect(isListedFolder('')).toBe(true);
    expect(isListedFolder('node_modules')).toBe(false);
  });
  test('sortFilePaths sorts as listNoteFiles does', () => {
    expect(sortFilePaths([...EXPECTED].reverse())).toEqual(EXPECTED);
  });
});
