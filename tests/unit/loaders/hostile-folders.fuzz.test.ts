/**
 * Fuzz: folders of random notes, written to disk with names as bytes, loaded by the loader
 * itself (`loadNotes`, the steps a build runs). Whatever the folder holds, loading does not
 * throw, every note file gets exactly one page, every page path is one the file system takes
 * (written under a real folder, as the build writes them), no note is cut off by the render
 * deadline, and no stored text is malformed.
 *
 * `FUZZ_RUNS=2000 npx vitest run --project unit tests/unit/loaders/hostile-folders.fuzz.test.ts`
 * runs more folders than the suite does; a failure prints its seed and the folder it shrank to.
 * `FUZZ_TIMES=/tmp/times.log` appends each folder's load time and the folder, to find the slow.
 */
import type { DataStore, LoaderContext } from 'astro/loaders';
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { emptyMemory } from '../../../src/loaders/loader-memory.ts';
import { loadNotes, type LoaderSettings } from '../../../src/loaders/notes-loader.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const PROJECT_ROOT = join(import.meta.dirname, '../../..');

/** A name's bytes: any byte but `/` and NUL (which no file system name holds), not starting with `.`. */
const nameByte = fc.integer({ min: 1, max: 255 }).filter((byte) => byte !== 0x2f);
/** A file or folder name's bytes. Drawn text may hold `/` or NUL (`" / "` was drawn, naming a folder that is not there): left out. */
const nameBytes = fc.oneof(
  // Invalid UTF-8, control characters, Shift_JIS and Latin-1 bytes.
  fc.array(nameByte, { minLength: 1, maxLength: 24 }),
  // Text: any Unicode a name can hold in UTF-8, case-colliding spellings among them.
  fc.constantFrom('Note', 'note', 'NOTE', 'Café', 'Cafe\u0301', 'CON', 'nul', 'a.', 'a ', 'index.html', '~12345678', '#?%\\', 'テスト').map((text) => [...Buffer.from(text)]),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((text) => [...Buffer.from(text)]),
  // Long: up to the 255-byte limit of a name, less the `.md`.
  fc.integer({ min: 200, max: 252 }).map((length) => Array(length).fill(0x61)),
).filter((bytes) => bytes[0] !== 0x2e && !bytes.includes(0x2f) && !bytes.includes(0) && bytes.length + 3 <= 255);

/** A title over all of Unicode, lone surrogates included, as YAML writes it in double quotes. */
const title = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 3 }),
  fc.constantFrom('main', 'backlinks', '..', '.', 'CON', 'con.txt', 'a.', 'a ', 'a\uFFFFb', '\uFDD0', ' ', '#', 'x'.repeat(300), 'é/'.repeat(40)),
  // Paths that nest: a page beside the folder of another, and longer than a path may be.
  fc.constantFrom('a', 'A', 'a/b', 'a/index.html', 'a/b/index.html', 'a/index', 'index.html', `${'x'.repeat(199)}/`.repeat(25), `${'é'.repeat(100)}/`.repeat(30)),
);
const yamlQuoted = (text: string) =>
  `"${[...text].map((char) => (/^[\p{L}\p{N} _\-.,:/]$/u.test(char) ? char : `\\U${char.codePointAt(0)!.toString(16).padStart(8, '0')}`)).join('')}"`;

/** Markdown built from nesting, floods and links. */
const markdown = (titles: string[]) => {
  const linkTarget = fc.oneof(fc.constantFrom(...titles, 'Missing'), fc.string({ maxLength: 20 }));
  const inline = fc.oneof(
    fc.string({ maxLength: 40 }),
    linkTarget.map((target) => `[[${target}]]`),
    linkTarget.map((target) => `![[${target}#missing section]]`),
    linkTarget.map((target) => `[[${target}|alias]]`),
    fc.constantFrom('*', '_', '**', '<!--', '[[', '[', '#tag', '`', '<div>', '&#xD800;', '&#xFFFF;', '$', '==', '%%', '^id', '[^1]', '|').chain((token) =>
      fc.integer({ min: 1, max: 400 }).map((count) => token.repeat(count)),
    ),
  );
  const line = fc.array(inline, { maxLength: 6 }).map((parts) => parts.join(' '));
  const block = fc.oneof(
    line,
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('main', 'site-search-input', 'outline-heading', 'Heading', 'user-content-fn-1')).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
    fc.tuple(fc.integer({ min: 1, max: 60 }), line).map(([depth, text]) => `${'>'.repeat(depth)} ${text}`),
    fc.tuple(fc.integer({ min: 1, max: 40 }), line).map(([depth, text]) => `${'  '.repeat(depth)}- ${text}`),
    line.map((text) => `\`\`\`\n${text}\n\`\`\``),
    line.map((text) => `[^1]: ${text}`),
    fc.integer({ min: 1, max: 30 }).map((columns) => `${'|a'.repeat(columns)}|\n${'|-'.repeat(columns)}|`),
  );
  return fc.array(block, { maxLength: 12 }).map((blocks) => blocks.join('\n\n'));
};

interface FuzzNote {
  name: number[];
  folder?: number[] | undefined;
  title?: string | undefined;
  tag?: string | undefined;
  body: string;
}

const folderOfNotes = fc
  .array(title, { minLength: 1, maxLength: 4 })
  .chain((titles) =>
    fc.array(
      fc.record(
        {
          name: nameBytes,
          folder: fc.option(nameBytes, { nil: undefined }),
          title: fc.option(fc.constantFrom(...titles), { nil: undefined }),
          tag: fc.option(title, { nil: undefined }),
          body: markdown(titles),
        },
        { requiredKeys: ['name', 'body'] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  // One file per path: the same bytes twice would be one file written twice.
  .map((notes) => [...new Map(notes.map((note) => [pathKey(note), note])).values()])
  // A folder and a file may not have the same name.
  .filter((notes) => {
    const folders = new Set(notes.flatMap((note) => (note.folder ? [Buffer.from(note.folder).toString('hex')] : [])));
    return notes.every((note) => note.folder || !folders.has(Buffer.from([...note.name, ...Buffer.from('.md')]).toString('hex')));
  });

function pathKey(note: FuzzNote): string {
  return `${note.folder ? Buffer.from(note.folder).toString('hex') : ''}/${Buffer.from(note.name).toString('hex')}`;
}

function noteText(note: FuzzNote): string {
  const frontmatter = [note.title === undefined ? '' : `title: ${yamlQuoted(note.title)}`, note.tag === undefined ? '' : `tags: [${yamlQuoted(note.tag)}]`].filter(Boolean);
  return `${frontmatter.length ? `---\n${frontmatter.join('\n')}\n---\n` : ''}${note.body}\n`;
}

async function writeFolder(root: string, notes: FuzzNote[]): Promise<void> {
  for (const note of notes) {
    const folder = note.folder ? Buffer.concat([Buffer.from(`${root}/`), Buffer.from(note.folder)]) : Buffer.from(root);
    await mkdir(folder, { recursive: true });
    await writeFile(Buffer.concat([folder, Buffer.from('/'), Buffer.from(note.name), Buffer.from('.md')]), noteText(note));
  }
}

const stored = new Map<string, { kind: string; title: string }>();
const warnings: string[] = [];
const store = {
  set: ({ id, data }: { id: string; data: { kind: string; title: string } }) => stored.set(id, data),
  keys: () => [...stored.keys()],
  delete: (id: string) => stored.delete(id),
} as unknown as DataStore;
const logger = {
  info: () => {},
  warn: (line: string) => warnings.push(line),
  error: (line: string) => warnings.push(line),
  debug: () => {},
  fork: () => logger,
  label: 'fuzz',
  options: {},
};

const work = await mkdtemp(join(tmpdir(), 'hostile-fuzz-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a folder of random hostile notes', () => {
  test(`loads without throwing, and gives every note file one page at a path the file system takes (${RUNS} folders)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(folderOfNotes, async (notes) => {
        const root = join(work, `run-${run++}`);
        const content = join(root, 'content');
        await mkdir(content, { recursive: true });
        await writeFolder(content, notes);
        stored.clear();
        warnings.length = 0;
        const settings: LoaderSettings = { contentDir: content, trustedHtml: false, hashtagLinks: true, strict: false, renderWorkers: 1, siteLanguage: 'en', singleMentionPages: false };
        const context = { store, logger, config: { cacheDir: pathToFileURL(`${root}/cache/`), root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' } } as unknown as LoaderContext;
        const started = performance.now();
        await loadNotes(settings, context, emptyMemory());
        if (process.env.FUZZ_TIMES) appendFileSync(process.env.FUZZ_TIMES, `${Math.round(performance.now() - started)} ms ${JSON.stringify(notes)}\n`);

        const pages = [...stored].filter(([, data]) => data.kind === 'note');
        expect(pages).toHaveLength(notes.length);
        // Every text the pages show is well formed: nothing downstream can throw on it.
        for (const [id, data] of stored) {
          expect(id.isWellFormed(), id).toBe(true);
          expect(JSON.stringify(data).isWellFormed(), id).toBe(true);
        }
        // Each page at a path of its own that the file system takes, as `astro build` writes it.
        const out = join(root, 'dist');
        for (const id of stored.keys()) {
          const page = join(out, 'notes', id, 'index.html');
          await mkdir(join(page, '..'), { recursive: true });
          await writeFile(page, id, { flag: 'wx' });
        }
        // No note costs more than the render deadline.
        expect(warnings.filter((line) => /deadline|cut off/i.test(line))).toEqual([]);
        await rm(root, { recursive: true, force: true });
      }),
      // Shrinking writes a folder for every step: it stops after two minutes with the
      // smallest failing folder found so far (a failure is still a failure).
      { numRuns: RUNS, interruptAfterTimeLimit: RUNS * 3_000 + 120_000 },
    );
    // A hang guard only: a folder loads in well under a second.
  }, RUNS * 10_000 + 300_000);
});
