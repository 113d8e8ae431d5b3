/**
 * Reads the translation footer of every note in the real translated corpus (nishio-en) the
 * way the loader does: nearly all must be read, and none may stay in a body, where it would
 * be shown twice and searched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseNoteSource } from '../../src/lib/notes/note-source.ts';
import { extractTranslationFooters, type ExtractedFooters } from '../../src/lib/translation/translation-source.ts';
import { corpusDir } from '../support/corpora.ts';

const corpus = corpusDir('nishio-en/pages');
const FOOTER_SENTENCE = 'This page is auto-translated from';

describe.runIf(corpus.present)('translation footers in the nishio-en corpus', () => {
  let withFooter: { file: string; body: string; extracted: ExtractedFooters }[];

  beforeAll(() => {
    withFooter = readdirSync(corpus.dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => ({ file, raw: readFileSync(join(corpus.dir, file), 'utf8') }))
      .filter(({ raw }) => raw.includes(FOOTER_SENTENCE))
      .map(({ file, raw }) => {
        const { body } = parseNoteSource(file, raw);
        return { file, body, extracted: extractTranslationFooters(body) };
      });
  });

  test('the corpus has thousands of footers to read', () => {
    expect(withFooter.length).toBeGreaterThan(7000);
  });

  test('at least 99% of the notes with a footer have it read, with a title and a scrapbox.io URL', () => {
    const unread = withFooter.filter(({ extracted }) => extracted.sources.length === 0).map(({ file }) => file);
    const read = withFooter.length - unread.length;
    expect(read / withFooter.length, `not read: ${unread.slice(0, 20).join(', ')}`).toBeGreaterThanOrEqual(0.99);
    const badSources = withFooter
      .flatMap(({ file, extracted }) => extracted.sources.map((source) => ({ file, source })))
      .filter(({ source }) => source.title === '' || !source.url.startsWith('https://scrapbox.io/'));
    expect(badSources.slice(0, 20)).toEqual([]);
  });

  test('no body still holds the footer sentence once its footers are cut', () => {
    const left = withFooter
      .filter(({ extracted }) => extracted.body.includes(FOOTER_SENTENCE))
      .map(({ file, extracted }) => `${file} (unreadable lines: ${extracted.unreadableLines.join(', ') || 'none'})`);
    expect(left.slice(0, 20)).toEqual([]);
  });

  test('every body keeps its line count, so problems still name the right line', () => {
    const shifted = withFooter
      .filter(({ body, extracted }) => extracted.body.split('\n').length !== body.split('\n').length)
      .map(({ file }) => file);
    expect(shifted.slice(0, 20)).toEqual([]);
  });
});
