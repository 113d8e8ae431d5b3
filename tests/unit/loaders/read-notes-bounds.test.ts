/**
 * What a folder can hold that is not an ordinary note file: a note file of gigabytes (sparse,
 * so the test writes none of it), a named pipe and a symbolic link named `.md`, an embedded
 * file of gigabytes. Each is bounded or named in a warning; none stops the other notes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { assembleNotes, MAX_ATTACHMENT_BYTES } from '../../../src/loaders/assemble-notes.ts';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { notePages } from '../../../src/loaders/note-pages.ts';
import { MAX_NOTE_BYTES, readNotes } from '../../../src/loaders/read-notes.ts';

let dir: string;
let cacheDir: string;
const GIGABYTES = 3 * 1024 ** 3;

/** A file of `size` bytes that takes no disk: its start written, the rest a hole. */
async function sparseFile(path: string, start: string, size: number): Promise<void> {
  const file = await open(path, 'w');
  await file.write(start);
  await file.truncate(size);
  await file.close();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-notes-bounds-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'read-notes-bounds-cache-'));
  await writeFile(join(dir, 'Plain.md'), 'A note that embeds ![[huge.pdf]] and links [[Giant]].\n');
  await sparseFile(join(dir, 'Giant.md'), '---\ntitle: Giant\n---\nThe start of a runaway file.\n', GIGABYTES);
  await sparseFile(join(dir, 'huge.pdf'), '%PDF-1.4\n', GIGABYTES);
  execFileSync('mkfifo', [join(dir, 'Pipe.md')]);
  await symlink('/etc/passwd', join(dir, 'Link.md'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

describe('a folder of files that are not ordinary notes', () => {
  test('reads a note file of gigabytes only as far as a note may go, and says so', async () => {
    const { notes, problems } = await readNotes(dir);
    const giant = notes.find(({ source }) => source.filePath === 'Giant.md')!;
    expect(giant.source.title).toBe('Giant');
    expect(giant.source.body.length).toBeLessThanOrEqual(MAX_NOTE_BYTES);
    expect(giant.source.body).toContain('The start of a runaway file.');
    expect(problems).toContainEqual(expect.objectContaining({ filePath: 'Giant.md', message: expect.stringMatching(/^the file has 3072 MB, more than the 16 MB a note may have: only its first 16 MB are published/) }));
  });

  test('names a named pipe and a symbolic link called .md, reads neither, and publishes the other notes', async () => {
    const { notes, problems } = await readNotes(dir);
    expect(notes.map(({ source }) => source.filePath)).toEqual(['Giant.md', 'Plain.md']);
    expect(problems).toContainEqual({ filePath: 'Link.md', line: undefined, message: expect.stringMatching(/^this is a symbolic link, not a note file: it is not read or published/) });
    expect(problems).toContainEqual({ filePath: 'Pipe.md', line: undefined, message: expect.stringMatching(/^this is not a regular file \(a named pipe, socket or device\)/) });
  });

  test('shows a placeholder for an embedded file larger than the site may serve, with a warning on its line', async () => {
    const { notes, attachments } = await readNotes(dir);
    const plain = notes.filter(({ source }) => source.filePath === 'Plain.md');
    const titles = indexTitles(plain);
    const renderer = await createNoteRenderer(titles.index, '/');
    const results = await Promise.all(plain.map(({ source, footers }) => renderer.render(footers.body, source.filePath)));
    const { pages } = notePages(plain, titles.index, results);
    const assembled = await assembleNotes(pages, titles.index, { contentDir: dir, attachments, cacheDir, base: '/', language: 'en' });
    expect(assembled.pages[0]!.result.html).toContain('<span class="embed-missing" title="huge.pdf">');
    expect(assembled.problems).toEqual([
      { filePath: 'Plain.md', line: 1, message: expect.stringMatching(new RegExp(`^the file huge.pdf has 3072 MB, more than the ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)) },
    ]);
  });
});
