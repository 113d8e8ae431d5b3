import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  generateCorpus,
  MARKER_FILE,
  MAX_NOTE_BYTES,
  writeCorpus,
  type GeneratedNote,
} from '../../../bench/synthetic-corpus.ts';
import { measureShape } from '../../../bench/corpus-shape.ts';
import { parseNoteSource } from '../../../src/lib/notes/note-source.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';
import { extractTranslationFooters, type TranslationSource } from '../../../src/lib/translation/translation-source.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const WIKI_LINK = /\[\[([^[\]\n]+?)\]\]/g;

function digest(notes: Iterable<GeneratedNote>): string {
  const hash = createHash('sha256');
  for (const note of notes) hash.update(note.fileName).update('\0').update(note.text).update('\0');
  return hash.digest('hex');
}

function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))] ?? Number.NaN;
}

describe('determinism', () => {
  test('the same seed and size give the same bytes; another seed gives other notes', () => {
    const first = digest(generateCorpus({ notes: 400, seed: 1 }));
    expect(digest(generateCorpus({ notes: 400, seed: 1 }))).toBe(first);
    expect(digest(generateCorpus({ notes: 400, seed: 2 }))).not.toBe(first);
    // Notes differ note by note, not just somewhere.
    const a = [...generateCorpus({ notes: 50, seed: 7 })];
    const b = [...generateCorpus({ notes: 50, seed: 8 })];
    expect(a.filter((note, i) => note.text === b[i]?.text)).toEqual([]);
  });

  test('yields exactly the number of notes asked for, with distinct .md file names', () => {
    for (const notes of [1, 2, 37]) {
      const all = [...generateCorpus({ notes, seed: 3 })];
      expect(all).toHaveLength(notes);
      expect(new Set(all.map((note) => note.fileName)).size).toBe(notes);
      for (const note of all) expect(note.fileName).toMatch(/^[^/.][^/]*\.md$/);
    }
  });

  test('rejects a count or seed that is not an integer', () => {
    expect(() => [...generateCorpus({ notes: 0, seed: 1 })]).toThrow(RangeError);
    expect(() => [...generateCorpus({ notes: 2.5, seed: 1 })]).toThrow(RangeError);
    expect(() => [...generateCorpus({ notes: 2, seed: Number.NaN })]).toThrow(RangeError);
  });
});

describe('a 3,000-note corpus, read by the site’s own readers, has the real corpus’s statistics', () => {
  // The real figures (nishio-en, 7,392 notes) are in the comments.
  const notes = [...generateCorpus({ notes: 3000, seed: 20261128 })];
  const sources = notes.map((note) => parseNoteSource(note.fileName, note.text));
  const footers = sources.map((source) => extractTranslationFooters(source.body));
  const index = buildTitleIndex(
    sources.map((source, i) => ({
      title: source.title,
      filePath: source.filePath,
      originalTitles: (footers[i]?.sources ?? []).map((footer: TranslationSource) => footer.title),
    })),
  );
  const sizes = notes.map((note) => Buffer.byteLength(note.text));
  const links = footers.map((footer) => [...footer.body.matchAll(WIKI_LINK)].map((match) => match[1] ?? ''));
  const resolved = links.flatMap((targets) => targets.map((target) => ({ target, link: resolveWikiLink(target, index) })));
  const missing = resolved.filter(({ link }) => link.kind === 'missing');

  test('frontmatter titles are valid YAML, unique as the site compares them, and match the file names', () => {
    expect(sources.flatMap((source) => source.problems)).toEqual([]);
    expect(new Set(sources.map((source) => titleKey(source.title))).size).toBe(notes.length);
    expect(index.notes).toHaveLength(notes.length); // buildTitleIndex throws on a URL clash
    for (const [i, source] of sources.entries()) {
      expect(Object.keys(source.frontmatter)).toEqual(['title']);
      expect(notes[i]?.fileName).toBe(`${source.title.replace(/\//g, '-')}.md`);
    }
    // Mostly English titles, some Japanese ones (real: 2 of 7,392).
    const japaneseTitles = sources.filter((source) => JAPANESE.test(source.title)).length;
    expect(japaneseTitles).toBeGreaterThan(0);
    expect(japaneseTitles / notes.length).toBeLessThan(0.02);
  });

  test('almost every note ends with a readable DeepL footer naming its original page', () => {
    expect(footers.flatMap((footer) => footer.unreadableLines)).toEqual([]);
    const withFooter = footers.filter((footer) => footer.sources.length === 1);
    expect(withFooter.length / notes.length).toBeGreaterThan(0.98); // real: 99.6%
    for (const [i, footer] of footers.entries()) {
      const source = footer.sources[0];
      if (!source) continue;
      expect(source.project).toBe('nishio');
      expect(source.url).toBe(`https://scrapbox.io/nishio/${source.title}`);
      const lastLine = notes[i]?.text.split('\n').at(-1) ?? '';
      expect(lastLine).toMatch(/^This page is auto-translated from \[\/nishio\/.+I'm very happy to spread my thought to non-Japanese readers\.$/);
    }
    const engines = withFooter.map((footer) => footer.sources[0]?.engine);
    expect(engines.filter((engine) => engine === 'DeepL').length / engines.length).toBeGreaterThan(0.97);
    // The original title is Japanese in most notes (real: 83%).
    const japaneseOriginals = withFooter.filter((footer) => JAPANESE.test(footer.sources[0]?.title ?? '')).length;
    expect(japaneseOriginals / withFooter.length).toBeGreaterThan(0.75);
    expect(japaneseOriginals / withFooter.length).toBeLessThan(0.9);
  });

  test('file sizes: median ~1.3 KB and a long tail, none over the cap', () => {
    expect(quantile(sizes, 0.5)).toBeGreaterThan(1100); // real: 1,326 B
    expect(quantile(sizes, 0.5)).toBeLessThan(1650);
    expect(quantile(sizes, 0.1)).toBeGreaterThan(400); // real: 570 B
    expect(quantile(sizes, 0.1)).toBeLessThan(800);
    expect(quantile(sizes, 0.9)).toBeGreaterThan(4000); // real: 5,445 B
    expect(quantile(sizes, 0.9)).toBeLessThan(7500);
    expect(quantile(sizes, 0.99)).toBeGreaterThan(12_000); // real: 22 KB
    expect(Math.max(...sizes)).toBeGreaterThan(40_000); // real: 129 KB of 7,392 notes
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_NOTE_BYTES);
  });

  test('links: 4–5 a note on average, about a fifth of the notes with none', () => {
    const counts = links.map((targets) => targets.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(3.6); // real: 4.27
    expect(mean).toBeLessThan(5.0);
    expect(quantile(counts, 0.5)).toBeGreaterThanOrEqual(2); // real: 3
    expect(quantile(counts, 0.5)).toBeLessThanOrEqual(4);
    const none = counts.filter((count) => count === 0).length / counts.length;
    expect(none).toBeGreaterThan(0.15); // real: 21%
    expect(none).toBeLessThan(0.3);
    expect(Math.max(...counts)).toBeGreaterThan(25); // real: 94
  });

  test('more than half of the links go to titles that are no note, some of them cited by many notes', () => {
    const share = missing.length / resolved.length;
    expect(share).toBeGreaterThan(0.53); // the whole wiki: 0.57; the nishio-en slice: 0.657
    expect(share).toBeLessThan(0.61);
    const citedBy = new Map<string, Set<number>>();
    links.forEach((targets, i) => {
      for (const target of targets) {
        const link = resolveWikiLink(target, index);
        if (link.kind !== 'missing') continue;
        const notesCiting = citedBy.get(link.key) ?? new Set<number>();
        notesCiting.add(i);
        citedBy.set(link.key, notesCiting);
      }
    });
    // The whole wiki: 33,584 missing titles for 23,914 notes, 76% cited by one note (the slice: 14,119 for 7,392, 80%, the most by 51).
    expect(citedBy.size / notes.length).toBeGreaterThan(1.2);
    expect(citedBy.size / notes.length).toBeLessThan(1.7);
    const once = [...citedBy.values()].filter((citing) => citing.size === 1).length;
    expect(once / citedBy.size).toBeGreaterThan(0.7);
    expect(once / citedBy.size).toBeLessThan(0.9);
    const hubs = [...citedBy.values()].filter((citing) => citing.size >= 10).length;
    expect(hubs).toBeGreaterThan(3);
    // Links to notes are skewed too: some notes are linked from many (real: the top one 106 times).
    const toNotes = new Map<string, number>();
    for (const { link } of resolved) if (link.kind === 'note') toNotes.set(link.note.slug, (toNotes.get(link.note.slug) ?? 0) + 1);
    expect(Math.max(...toNotes.values())).toBeGreaterThanOrEqual(20);
    expect(toNotes.size / notes.length).toBeGreaterThan(0.3); // real: 54% of notes are linked to
    expect(toNotes.size / notes.length).toBeLessThan(0.7);
    // A few links use another case than the title, which the site must still resolve.
    expect(resolved.some(({ target, link }) => link.kind === 'note' && target !== link.note.title)).toBe(true);
  });

  test('the whole wiki’s proportions: links per note, the share that reach a note, missing titles by how many notes link them', () => {
    // The real export: 23,914 notes, 105,085 wiki links (4.39 a note), 43 % reaching a note;
    // 33,584 titles without a note (1.40 a note): 25,678 linked by one note (76.5 %), 4,195 by
    // two (12.5 %), 3,711 by three or more (11.0 %).
    expect(resolved.length / notes.length).toBeGreaterThan(3.95);
    expect(resolved.length / notes.length).toBeLessThan(4.85);
    const toNote = 1 - missing.length / resolved.length;
    expect(toNote).toBeGreaterThan(0.4);
    expect(toNote).toBeLessThan(0.46);
    // A simple independent count (`bench/corpus-shape.ts`), hashtags included, agrees with the site's reading.
    const shape = measureShape(notes);
    expect(Math.abs(shape.toNoteShare - toNote)).toBeLessThan(0.01);
    expect(shape.missingTitles / notes.length).toBeGreaterThan(1.25);
    expect(shape.missingTitles / notes.length).toBeLessThan(1.6);
    const { one, two, threeOrMore } = shape.missingLinkedBy;
    expect(one / shape.missingTitles).toBeGreaterThan(0.725);
    expect(one / shape.missingTitles).toBeLessThan(0.805);
    expect(two / shape.missingTitles).toBeGreaterThan(0.1);
    expect(two / shape.missingTitles).toBeLessThan(0.15);
    expect(threeOrMore / shape.missingTitles).toBeGreaterThan(0.085);
    expect(threeOrMore / shape.missingTitles).toBeLessThan(0.135);
    // Hashtags in a few percent of the notes (the slice: 837 in 7,392 notes), Japanese footers in most.
    expect(shape.hashtagOccurrences / notes.length).toBeGreaterThan(0.04);
    expect(shape.hashtagOccurrences / notes.length).toBeLessThan(0.2);
    expect(shape.japaneseFooterShare).toBeGreaterThan(0.78);
    expect(shape.japaneseFooterShare).toBeLessThan(0.88);
  });

  test('some Japanese: in the body of a few percent of the notes, and some link targets', () => {
    const japaneseBodies = footers.filter((footer) => JAPANESE.test(footer.body)).length / notes.length;
    expect(japaneseBodies).toBeGreaterThan(0.035); // real: 6.3%
    expect(japaneseBodies).toBeLessThan(0.11);
    const japaneseFiles = notes.filter((note) => JAPANESE.test(note.text)).length / notes.length;
    expect(japaneseFiles).toBeGreaterThan(0.75); // real: 84%, through the footers
    expect(japaneseFiles).toBeLessThan(0.92);
    const japaneseLinks = resolved.filter(({ target }) => JAPANESE.test(target)).length / resolved.length;
    expect(japaneseLinks).toBeGreaterThan(0.001); // real: 0.46%
    expect(japaneseLinks).toBeLessThan(0.03);
  });

  test('Scrapbox-export line structure: nested 4-space lists, quotes, images, icons, closed code fences', () => {
    const share = (pattern: RegExp) => footers.filter((footer) => pattern.test(footer.body)).length / notes.length;
    expect(share(/^- /m)).toBeGreaterThan(0.6); // real: 76% of notes have list lines
    expect(share(/^ {4}- /m)).toBeGreaterThan(0.3);
    expect(share(/^( {4}){3,}- /m)).toBeGreaterThan(0.02);
    expect(share(/^\t/m)).toBe(0); // real: indents are spaces only
    expect(share(/^> /m)).toBeGreaterThan(0.15); // real: 23%
    expect(share(/^!\[image\]\(https:\/\/gyazo\.com\//m)).toBeGreaterThan(0.15); // real: 25%
    expect(share(/^<img src='https:\/\/scrapbox\.io\/api\/pages\/nishio-en\//m)).toBeGreaterThan(0.08); // real: 15%
    const fenced = share(/^```/m);
    expect(fenced).toBeGreaterThan(0.05); // real: 9.7%
    expect(fenced).toBeLessThan(0.16);
    expect(share(/^#{1,3} /m)).toBeGreaterThan(0.02); // real: 4.8%
    for (const footer of footers) {
      const fences = footer.body.match(/^```/gm)?.length ?? 0;
      expect(fences % 2).toBe(0);
      // No link inside a code block.
      const code = footer.body.match(/^```[^\n]*\n[\s\S]*?^```$/gm) ?? [];
      expect(code.filter((block) => block.includes('[['))).toEqual([]);
    }
  });
});

describe('writeCorpus', () => {
  const root = mkdtempSync(join(tmpdir(), 'synthetic-corpus-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('writes the notes and its marker into a new folder, and rewrites a folder it made', () => {
    const dir = join(root, 'new', 'corpus');
    const written = writeCorpus(dir, { notes: 30, seed: 5 });
    expect(written.notes).toBe(30);
    const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(files).toHaveLength(30);
    expect(existsSync(join(dir, MARKER_FILE))).toBe(true);
    const expected = [...generateCorpus({ notes: 30, seed: 5 })];
    for (const note of expected) expect(readFileSync(join(dir, note.fileName), 'utf8')).toBe(note.text);
    expect(written.bytes).toBe(expected.reduce((sum, note) => sum + Buffer.byteLength(note.text), 0));

    writeCorpus(dir, { notes: 12, seed: 6 });
    expect(readdirSync(dir).filter((name) => name.endsWith('.md')).sort()).toEqual(
      [...generateCorpus({ notes: 12, seed: 6 })].map((note) => note.fileName).sort(),
    );
  });

  test('refuses a non-empty folder it did not make, and leaves it alone', () => {
    const dir = join(root, 'real-notes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'My note.md'), 'keep me');
    expect(() => writeCorpus(dir, { notes: 5, seed: 1 })).toThrow(/Refusing/);
    expect(readdirSync(dir)).toEqual(['My note.md']);
    expect(readFileSync(join(dir, 'My note.md'), 'utf8')).toBe('keep me');
  });

  test('checks the options before touching the file system', () => {
    const dir = join(root, 'bad-options');
    expect(() => writeCorpus(dir, { notes: 0, seed: 1 })).toThrow(RangeError);
    expect(existsSync(dir)).toBe(false);
  });

  test('writes into an existing empty folder', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    expect(writeCorpus(dir, { notes: 3, seed: 1 }).notes).toBe(3);
  });
});
