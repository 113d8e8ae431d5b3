/** The content folder watched in `astro dev`: one watch per folder, each change named (`src/loaders/watch-content-folder.ts`). */
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { watchContentFolder } from '../../../src/loaders/watch-content-folder.ts';

let root: string;
let seen: string[];
let watching: { close(): void };

const changes = (into: string[]) => ({ file: (path: string) => into.push(path), folders: () => into.push('<folders>') });

/** Waits until `check` holds; fails after 10 s with what was seen. */
async function until(check: () => boolean): Promise<void> {
  const limit = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > limit) throw new Error(`not seen; seen: ${JSON.stringify(seen)}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Writes a marker file at the top and waits for it: every event before it has been delivered. */
async function settle(): Promise<void> {
  const marker = `marker-${Date.now()}-${Math.random()}.md`;
  writeFileSync(join(root, marker), '');
  await until(() => seen.includes(marker));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'watch-content-'));
  mkdirSync(join(root, 'sub/deeper'), { recursive: true });
  mkdirSync(join(root, '.obsidian'));
  seen = [];
  watching = watchContentFolder(root, changes(seen));
});
afterEach(() => {
  watching.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the content folder watched in astro dev', () => {
  test('names each file saved, added or deleted, in any folder', async () => {
    writeFileSync(join(root, 'Top.md'), 'a');
    appendFileSync(join(root, 'sub/deeper/Deep.md'), 'b');
    await until(() => seen.includes('Top.md') && seen.includes('sub/deeper/Deep.md'));
    rmSync(join(root, 'Top.md'));
    seen.length = 0;
    await until(() => seen.includes('Top.md'));
  });

  test('a save written aside and renamed over the note names the note', async () => {
    writeFileSync(join(root, 'sub/Note.md.swp'), 'new text');
    renameSync(join(root, 'sub/Note.md.swp'), join(root, 'sub/Note.md'));
    await until(() => seen.includes('sub/Note.md'));
  });

  test('a folder added is reported, then watched with what is in it; a folder removed is reported', async () => {
    mkdirSync(join(root, 'new'));
    await until(() => seen.includes('<folders>'));
    writeFileSync(join(root, 'new/Inside.md'), 'c');
    await until(() => seen.includes('new/Inside.md'));
    seen.length = 0;
    rmSync(join(root, 'sub'), { recursive: true });
    await until(() => seen.includes('<folders>'));
  });

  test('a folder renamed is watched under its new name', async () => {
    renameSync(join(root, 'sub'), join(root, 'moved'));
    await until(() => seen.filter((change) => change === '<folders>').length >= 2);
    writeFileSync(join(root, 'moved/deeper/After.md'), 'd');
    await until(() => seen.includes('moved/deeper/After.md'));
    expect(seen.some((change) => change.startsWith('sub/'))).toBe(false);
  });

  test('hidden folders are not watched, as they hold no notes', async () => {
    writeFileSync(join(root, '.obsidian/workspace.md'), '{}');
    mkdirSync(join(root, '.git'));
    await settle();
    expect(seen.filter((change) => !change.startsWith('marker-'))).toEqual([]);
  });

  test('a folder replaced by a file of its name while events from inside it are pending stops nothing', async () => {
    writeFileSync(join(root, 'sub/x.md'), 'x');
    await until(() => seen.includes('sub/x.md'));
    rmSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'sub'), 'now a file');
    await until(() => seen.includes('<folders>'));
    await settle();
  });

  test('a second watch in the process ends the first', async () => {
    const second: string[] = [];
    watching = watchContentFolder(root, changes(second));
    writeFileSync(join(root, 'Later.md'), 'e');
    await until(() => second.includes('Later.md'));
    expect(seen).toEqual([]);
  });
});
