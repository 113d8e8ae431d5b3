/**
 * The per-note guard (issue 17): a failure injected into each step that reads one note, where
 * no natural input makes it fail, costs that note its step and never the build. The loader's
 * steps run as the loader runs them; each broken note is still stored as a page, by the
 * step's fallback, and named in a warning. Strict mode fails on those warnings.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { DataStore } from 'astro/loaders';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildLinkGraph } from '../../../src/lib/links/link-graph.ts';
import { failureReason, guardNoteStep } from '../../../src/lib/notes/note-guard.ts';
import type { SourceProblem } from '../../../src/lib/notes/source-problem.ts';
import { reportBuild } from '../../../src/loaders/build-report.ts';
import type { NoteEntryData } from '../../../src/loaders/entry-schema.ts';
import { indexTitles } from '../../../src/loaders/index-titles.ts';
import { notePages } from '../../../src/loaders/note-pages.ts';
import { readNotes } from '../../../src/loaders/read-notes.ts';
import { renderWithCache } from '../../../src/loaders/render-with-cache.ts';
import { storeEntries } from '../../../src/loaders/store-entries.ts';
import { testRenderContext } from '../../support/render-context.ts';

/** Each injected failure throws for the note whose text (or file name) holds its marker. */
const injected = (step: string) => new Error(`injected failure in ${step}`);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const failing = <F extends (...args: never[]) => unknown>(step: string, original: F): F =>
    (async (path: string, ...rest: unknown[]) => (String(path).includes('fail-read') ? Promise.reject(injected(step)) : (original as unknown as (...args: unknown[]) => unknown)(path, ...rest))) as unknown as F;
  // A note is opened and read (`readAtMost`); either failing is a failure to read the file.
  return { ...actual, readFile: failing('readFile', actual.readFile), open: failing('readFile', actual.open) };
});
vi.mock('../../../src/lib/notes/note-text.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/notes/note-text.ts')>();
  return { ...actual, decodeNoteBytes: (bytes: Uint8Array) => (Buffer.from(bytes).includes('FAIL-DECODE') ? (() => { throw injected('decoding'); })() : actual.decodeNoteBytes(bytes)) };
});
vi.mock('../../../src/lib/notes/note-source.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/notes/note-source.ts')>();
  return { ...actual, parseNoteSource: (file: string, text: string) => (text.includes('FAIL-FRONTMATTER') ? (() => { throw injected('frontmatter'); })() : actual.parseNoteSource(file, text)) };
});
vi.mock('../../../src/lib/translation/translation-source.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/translation/translation-source.ts')>();
  return {
    ...actual,
    extractTranslationFooters: (body: string) => (body.includes('FAIL-FOOTERS') ? (() => { throw injected('footers'); })() : actual.extractTranslationFooters(body)),
    sourcesWithFrontmatter: (frontmatter: Record<string, unknown>, sources: never[]) =>
      frontmatter.fail === 'translations' ? (() => { throw injected('translations'); })() : actual.sourcesWithFrontmatter(frontmatter, sources),
  };
});
vi.mock('../../../src/lib/markdown/bracket-floods.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/markdown/bracket-floods.ts')>();
  return { ...actual, defuseBracketFloods: (markdown: string) => (markdown.includes('FAIL-RENDER') ? (() => { throw injected('rendering'); })() : actual.defuseBracketFloods(markdown)) };
});
vi.mock('../../../src/lib/links/link-context.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/links/link-context.ts')>();
  return { ...actual, linkContext: (text: string, start: number, end: number) => (text.includes('FAIL-CONTEXT') ? (() => { throw injected('link contexts'); })() : actual.linkContext(text, start, end)) };
});
vi.mock('../../../src/lib/markdown/note-excerpt.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/markdown/note-excerpt.ts')>();
  return {
    ...actual,
    remarkExcerpt: () => (tree: Parameters<typeof actual.excerptFromTree>[0], file: { data: { excerpt?: string } }) => {
      if (JSON.stringify(tree).includes('FAIL-EXCERPT')) throw injected('excerpt');
      file.data.excerpt = actual.excerptFromTree(tree);
    },
  };
});
vi.mock('../../../src/lib/translation/translation-issues.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/translation/translation-issues.ts')>();
  return { ...actual, linkDamage: (text: string) => (text.includes('FAIL-DAMAGE') ? (() => { throw injected('link damage'); })() : actual.linkDamage(text)) };
});
vi.mock('../../../src/lib/notes/note-dates.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/notes/note-dates.ts')>();
  return {
    ...actual,
    noteDates: (frontmatter: Record<string, unknown>, git: Parameters<typeof actual.noteDates>[1], modified: Date) =>
      frontmatter.fail === 'date' ? (() => { throw injected('date'); })() : actual.noteDates(frontmatter, git, modified),
  };
});

/** File → what it holds, the step it breaks, and the title its page must have. */
const NOTES: [file: string, content: string, step: RegExp, title: string][] = [
  ['fail-read.md', 'Links to [[Target]].', /^reading the file failed \(injected failure in readFile\); the note is published with an empty body/, 'fail-read'],
  ['decode.md', '---\ntitle: "Decoded"\n---\nFAIL-DECODE [[Target]]', /^decoding its bytes failed \(injected failure in decoding\); the note is published with its bytes read as UTF-8/, 'Decoded'],
  ['frontmatter.md', '---\ntitle: "Not read"\n---\nFAIL-FRONTMATTER [[Target]]', /^reading its title and frontmatter failed .*under its file path, its whole text as the body/, 'frontmatter'],
  ['footers.md', '---\ntitle: "Footers"\n---\nFAIL-FOOTERS [[Target]]', /^reading its translation footers failed .*with its footers shown as text/, 'Footers'],
  ['translations.md', '---\ntitle: "Translations"\nfail: translations\n---\nBody [[Target]]', /^reading what it is translated from failed .*as a note with no original/, 'Translations'],
  ['render.md', '---\ntitle: "Render"\n---\nFAIL-RENDER [[Target]]', /^rendering failed \(injected failure in rendering\); the note is published with its source shown as plain text/, 'Render'],
  ['context.md', '---\ntitle: "Context"\n---\nFAIL-CONTEXT [[Target]]', /could not be rendered as written \(injected failure in link contexts\); it is published with its source shown as plain text/, 'Context'],
  ['excerpt.md', '---\ntitle: "Excerpt"\n---\nFAIL-EXCERPT [[Target]]', /could not be rendered as written \(injected failure in excerpt\); it is published with its source shown as plain text/, 'Excerpt'],
  ['damage.md', '---\ntitle: "Damage"\n---\nBody [[Target|FAIL-DAMAGE]]', /^checking its links for translation damage failed .*with no links listed as damaged/, 'Damage'],
  ['date.md', '---\ntitle: "Date"\nfail: date\n---\nBody [[Target]]', /^reading its date failed .*with the file's modification time as its date/, 'Date'],
  ['target.md', '---\ntitle: "Target"\n---\nEvery note links here.', /^$/, 'Target'],
];

let dir: string;
let stored: Map<string, Record<string, unknown>>;
let problems: SourceProblem[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'note-guard-'));
  for (const [file, content] of NOTES) await writeFile(join(dir, file), content);
  const read = await readNotes(dir);
  const titles = indexTitles(read.notes);
  const { results } = await renderWithCache(read.notes, titles, testRenderContext(dir));
  const rendered = notePages(read.notes, titles.index, results);
  const graph = buildLinkGraph(rendered.pages.map(({ note, result }) => ({ note, links: result.links })));
  stored = new Map();
  const store = {
    clear: () => stored.clear(),
    set: ({ id, data }: { id: string; data: Record<string, unknown> }) => stored.set(id, data),
    keys: () => [...stored.keys()],
    delete: (id: string) => stored.delete(id),
  } as unknown as DataStore;
  const stores = await storeEntries(store, dir, rendered.pages, titles.index, graph);
  problems = [...read.problems, ...titles.problems, ...rendered.problems, ...stores.problems];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const notesStored = () => [...stored.values()].filter((data): data is NoteEntryData => data.kind === 'note');

describe('a failure in any step of one note', () => {
  test.each(NOTES.filter(([file]) => file !== 'target.md'))('%s: is one warning naming the file, and the note is published', (file, _content, step, title) => {
    expect(problems.filter((problem) => problem.filePath === file).map(({ message }) => message)).toEqual([expect.stringMatching(step)]);
    expect(notesStored().find((data) => data.filePath === file)?.title).toBe(title);
  });

  test('never shows a stack trace', () => {
    for (const { message } of problems) expect(message).not.toMatch(/\n|    at /);
  });

  test('costs the other notes nothing: every page is there, and the target has its backlinks', () => {
    expect(notesStored()).toHaveLength(NOTES.length);
    const target = notesStored().find((data) => data.title === 'Target')!;
    // fail-read has an empty body; the notes published as plain source have no links.
    expect(target.backlinks.map((backlink) => backlink.sourceTitle).sort()).toEqual(['Damage', 'Date', 'Decoded', 'Footers', 'frontmatter', 'Translations'].sort());
  });

  test('is reported by the build, and fails it in strict mode', () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as AstroIntegrationLogger;
    const facts = {
      pages: [],
      problems,
      missingPages: 0,
      sharedTitles: 0,
      nearMisses: 0,
      dates: { from: { frontmatter: 0, git: 0, file: 0 }, history: { kind: 'none' as const, reason: 'not read' } },
      renderedCount: 0,
      embeds: { notes: { written: 0, shown: 0 }, images: { written: 0, shown: 0, encoded: 0, reused: 0 }, files: { written: 0, linked: 0 } },
      seconds: { read: '0', render: '0', graphAndStore: '0' },
    };
    expect(() => reportBuild(logger, facts, false)).not.toThrow();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^decode\.md: decoding its bytes failed/));
    expect(() => reportBuild(logger, facts, true)).toThrow(/Strict mode/);
  });
});

describe('guardNoteStep', () => {
  test('returns the step’s value when it does not throw, and adds no problem', () => {
    const found: SourceProblem[] = [];
    expect(guardNoteStep({ filePath: 'a.md', step: 's', fallbackText: 'f' }, found, () => 1, () => 2)).toBe(1);
    expect(found).toEqual([]);
  });
  test('returns the fallback and a problem with the line when it throws anything', () => {
    const found: SourceProblem[] = [];
    expect(guardNoteStep({ filePath: 'a.md', step: 'reading x', fallbackText: 'without x', line: 7 }, found, () => { throw 'a string'; }, () => 2)).toBe(2);
    expect(found).toEqual([{ filePath: 'a.md', line: 7, message: expect.stringMatching(/^reading x failed \(a string\); the note is published without x\./) }]);
  });
  test.each([
    [new Error('one\ntwo'), 'one'],
    [new RangeError('\n\nafter blank lines'), 'after blank lines'],
    [undefined, 'undefined'],
  ])('gives the first line of %j as the reason', (error, reason) => {
    expect(failureReason(error)).toBe(reason);
  });
});
