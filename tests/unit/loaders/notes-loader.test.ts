/**
 * `loadNotes` itself, every step as a build runs them: a content folder and a loader context
 * in, the store's entries, the notes' HTML file and the build's warnings out.
 */
import type { DataStore, LoaderContext } from 'astro/loaders';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyMemory } from '../../../src/loaders/loader-memory.ts';
import { loadNotes, type LoaderSettings } from '../../../src/loaders/notes-loader.ts';
import { NOTE_HTML_FILE } from '../../../src/lib/cache/cache-files.ts';

interface StoredData {
  kind: string;
  title: string;
  html?: { offset: number; length: number };
  backlinks?: { sourceTitle: string }[];
}

let root: string;
let content: string;
let stored: Map<string, StoredData>;
let lines: string[];

const store = {
  set: ({ id, data }: { id: string; data: StoredData }) => stored.set(id, data),
  keys: () => [...stored.keys()],
  delete: (id: string) => stored.delete(id),
} as unknown as DataStore;
const logger = {
  info: (line: string) => lines.push(line),
  warn: (line: string) => lines.push(line),
  error: (line: string) => lines.push(line),
  debug: () => {},
  fork: () => logger,
  label: 'test',
  options: {},
};

function settings(given: Partial<LoaderSettings> = {}): LoaderSettings {
  return { contentDir: content, trustedHtml: false, hashtagLinks: true, strict: false, renderWorkers: 1, siteLanguage: 'en', singleMentionPages: false, ...given };
}

function context(): LoaderContext {
  return {
    store,
    logger,
    config: { cacheDir: pathToFileURL(`${root}/cache/`), root: pathToFileURL(`${resolve(import.meta.dirname, '../../..')}/`), base: '/' },
  } as unknown as LoaderContext;
}

async function htmlOf(id: string): Promise<string> {
  const slice = stored.get(id)!.html!;
  const bytes = await readFile(join(root, 'cache', NOTE_HTML_FILE));
  return bytes.subarray(slice.offset, slice.offset + slice.length).toString('utf8');
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'notes-loader-'));
  content = join(root, 'content');
  await mkdir(content);
  await writeFile(join(content, 'Alpha.md'), 'Alpha links [[Beta]], [[Shared idea]] and [[Only here]].\n\n![[Beta]]\n');
  await writeFile(join(content, 'Beta.md'), 'Beta text.\n');
  await writeFile(join(content, 'Gamma.md'), 'Gamma links [[Shared idea]] and [[ ]].\n');
  stored = new Map();
  lines = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('loadNotes', () => {
  test('stores a page per note and per title two notes link, with backlinks', async () => {
    await loadNotes(settings(), context(), emptyMemory());
    expect([...stored].map(([id, data]) => [id, data.kind]).sort()).toEqual([
      ['alpha', 'note'],
      ['beta', 'note'],
      ['gamma', 'note'],
      ['shared_idea', 'missing'],
    ]);
    expect(stored.get('beta')!.backlinks!.map(({ sourceTitle }) => sourceTitle)).toEqual(['Alpha']);
    expect(stored.get('shared_idea')!.backlinks!.map(({ sourceTitle }) => sourceTitle).sort()).toEqual(['Alpha', 'Gamma']);
  });

  test("writes each note's HTML with its embeds in place and a title one note links drawn as mentioned only here", async () => {
    await loadNotes(settings(), context(), emptyMemory());
    const alpha = await htmlOf('alpha');
    expect(alpha).toContain('Beta text.');
    expect(alpha).toMatch(/<a[^>]*href="\/notes\/beta\/"/);
    expect(alpha).toContain('Mentioned only here');
    expect(alpha).not.toMatch(/href="\/notes\/only_here\/"/);
  });

  test('gives a title one note links its page when every missing title is to have one', async () => {
    await loadNotes(settings({ singleMentionPages: true }), context(), emptyMemory());
    expect(stored.get('only_here')?.kind).toBe('missing');
    expect(await htmlOf('alpha')).toMatch(/href="\/notes\/only_here\/"/);
  });

  test('warns with the file and line of a link that names no page, and counts the warnings', async () => {
    await loadNotes(settings(), context(), emptyMemory());
    expect(lines.filter((line) => line.startsWith('Gamma.md:1: the link [[ ]] names no page'))).toHaveLength(1);
    expect(lines).toContainEqual(expect.stringMatching(/^3 notes, 1 pages for missing links, 1 warnings /));
  });

  test('stops on a warning when strict', async () => {
    await expect(loadNotes(settings({ strict: true }), context(), emptyMemory())).rejects.toThrow(/STRICT=1.* 1 warnings/);
  });
});
