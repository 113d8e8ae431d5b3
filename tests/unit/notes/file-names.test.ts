import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeName, escapedName } from '../../../src/lib/notes/file-names.ts';
import { listContentFiles } from '../../../src/lib/notes/note-files.ts';

const sjis = (bytes: number[]) => Buffer.from(bytes);
/** `テスト` in Shift_JIS. */
const TESUTO = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67];
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeName', () => {
  test.each([
    ['UTF-8 as it is', Buffer.from('知的生産術.md'), '知的生産術.md', undefined],
    ['Shift_JIS where it decodes cleanly', sjis([...TESUTO, 0x2e, 0x6d, 0x64]), 'テスト.md', 'shift_jis'],
    ['Latin-1 that is not Shift_JIS, with U+FFFD', latin1('Résumé.md'), 'R\uFFFDsum\uFFFD.md', 'replacement'],
  ])('reads %s', (_how, bytes, text, encoding) => {
    expect(decodeName(bytes)).toEqual(encoding ? { text, encoding } : { text });
  });

  test('always gives well-formed text, and UTF-8 names back as they are', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const { text, encoding } = decodeName(bytes);
        expect(text.isWellFormed()).toBe(true);
        if (!encoding) expect(Buffer.from(text)).toEqual(Buffer.from(bytes));
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
        expect(decodeName(Buffer.from(name))).toEqual({ text: name });
      }),
    );
  });

  test('escapedName shows the bytes a reader can type', () => {
    expect(escapedName(latin1('Résumé.md'))).toBe('R\\xE9sum\\xE9.md');
  });
});

describe('listContentFiles with names as bytes', () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));
  async function folderWith(files: [name: Buffer[], content: string][]): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'file-names-'));
    folders.push(root);
    for (const [segments, content] of files) {
      const path = Buffer.concat([Buffer.from(root), ...segments.flatMap((segment) => [Buffer.from('/'), segment])]);
      await mkdir(path.subarray(0, path.lastIndexOf('/')), { recursive: true });
      await writeFile(path, content);
    }
    return root;
  }

  test('lists and reads notes, folders and attachments whose names are not UTF-8, each named in its reason', async () => {
    const root = await folderWith([
      [[latin1('Résumés'), latin1('Café.md')], 'latin-1 folder and name'],
      [[sjis([...TESUTO, 0x2e, 0x6d, 0x64])], 'shift_jis name'],
      [[Buffer.from('ok.md')], 'plain'],
      [[latin1('Scan\xe9.pdf')], 'pdf'],
    ]);
    const { notes, attachments } = await listContentFiles(root);
    // `Résumés` in Latin-1 happens to be clean Shift_JIS: the rule takes it as that.
    expect(notes.map((file) => file.path)).toEqual(['R駸um駸/Caf\uFFFD.md', 'ok.md', 'テスト.md']);
    expect(await Promise.all(notes.map((file) => readFile(file.diskPath, 'utf8')))).toEqual(['latin-1 folder and name', 'plain', 'shift_jis name']);
    expect(notes[0]!.renamed).toMatch(/"Caf\\xE9.md" is not UTF-8 and was read as UTF-8 with �/);
    expect(notes[2]!.renamed).toMatch(/read as Shift_JIS/);
    expect(notes[1]!.renamed).toBeUndefined();
    expect(attachments.map((file) => file.path)).toEqual(['Scan\uFFFD.pdf']);
    expect(await readFile(attachments[0]!.diskPath, 'utf8')).toBe('pdf');
  });

  test('keeps every file whose name reads alike, the one as written first, the others by their bytes', async () => {
    const root = await folderWith([
      [[latin1('R\xe9sum\xe9.md')], 'e acute'],
      [[latin1('R\xe8sum\xe8.md')], 'e grave'],
      [[Buffer.from('R\uFFFDsum\uFFFD.md')], 'written with U+FFFD'],
      [[Buffer.from('Cafe\u0301.md')], 'NFD'],
      [[Buffer.from('Caf\u00e9.md')], 'NFC'],
    ]);
    const { notes } = await listContentFiles(root);
    const byContent = new Map(await Promise.all(notes.map(async (file) => [await readFile(file.diskPath, 'utf8'), file] as const)));
    expect(byContent.size).toBe(5);
    expect(new Set(notes.map((file) => file.path)).size).toBe(5);
    expect(byContent.get('written with U+FFFD')!.path).toBe('R\uFFFDsum\uFFFD.md');
    expect(byContent.get('NFC')!.path).toBe('Café.md');
    expect(byContent.get('NFD')!.path).toMatch(/^Café~[0-9a-f]{8}\.md$/);
    expect(byContent.get('NFD')!.renamed).toMatch(/published as "Café~[0-9a-f]{8}\.md"/);
    expect(byContent.get('e acute')!.path).toMatch(/^R\uFFFDsum\uFFFD~[0-9a-f]{8}\.md$/);
    expect(byContent.get('e grave')!.path).toMatch(/^R\uFFFDsum\uFFFD~[0-9a-f]{8}\.md$/);
    // The same folder always gives the same names.
    expect((await listContentFiles(root)).notes).toEqual(notes);
  });

  test('gives every file of any folder of byte names one unique path it can be read by', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.uint8Array({ minLength: 1, maxLength: 12 }).filter((bytes) => !bytes.includes(0x2f) && !bytes.includes(0) && bytes[0] !== 0x2e), {
          minLength: 1,
          maxLength: 8,
          selector: (bytes) => Buffer.from(bytes).toString('hex'),
        }),
        async (names) => {
          const root = await folderWith(names.map((name, i) => [[Buffer.concat([Buffer.from(name), Buffer.from('.md')])], String(i)]));
          const { notes } = await listContentFiles(root);
          expect(notes).toHaveLength(names.length);
          expect(new Set(notes.map((file) => file.path)).size).toBe(names.length);
          const contents = await Promise.all(notes.map((file) => readFile(file.diskPath, 'utf8')));
          expect(contents.sort()).toEqual(names.map((_, i) => String(i)).sort());
          await rm(root, { recursive: true, force: true });
        },
      ),
      { numRuns: 40 },
    );
  });
});
