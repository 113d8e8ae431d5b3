import { describe, expect, test } from 'vitest';
import { disambiguationDescription, missingPageDescription as missingIn, noteDescription as noteIn } from '../../../src/lib/site/page-description.ts';
import { interfaceStrings } from '../../../src/lib/site/interface-strings.ts';

const english = interfaceStrings('en').describe;
const japanese = interfaceStrings('ja').describe;
const noteDescription = (excerpt: string, titles: readonly string[]) => noteIn(excerpt, titles, english);
const missingPageDescription = (titles: readonly string[]) => missingIn(titles, english);

describe('noteDescription', () => {
  test('is the excerpt when the note has text', () => {
    expect(noteDescription('First lines.', ['A'])).toBe('First lines.');
  });
  test('names who links to an empty note', () => {
    expect(noteDescription('', ['A', 'B'])).toBe('An empty note, linked from 2 notes: A, B.');
    expect(noteDescription('', [])).toBe('An empty note.');
  });
});

describe('missingPageDescription', () => {
  test('says how many notes cite the title and which', () => {
    expect(missingPageDescription(['Only one'])).toBe('No note has this title yet. Cited by 1 note: Only one.');
    expect(missingPageDescription(['A', 'B', 'C'])).toBe('No note has this title yet. Cited by 3 notes: A, B, C.');
  });
  test('cuts a long list of citing notes but keeps the count', () => {
    const titles = Array.from({ length: 300 }, (_, i) => `Note number ${i}`);
    const text = missingPageDescription(titles);
    expect(text).toMatch(/^No note has this title yet\. Cited by 300 notes: Note number 0, Note number 1,/);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(300);
  });
});

describe('in the site language', () => {
  test('writes Japanese descriptions on a Japanese site', () => {
    expect(missingIn(['暗黙知', 'Tacit knowledge'], japanese)).toBe('このタイトルのノートはまだありません。リンク元: 2 件のノート（暗黙知、Tacit knowledge）。');
    expect(noteIn('', [], japanese)).toBe('空のノートです。');
    expect(disambiguationDescription(3, japanese)).toBe('3 件のノートがこのタイトルです。このページはその一覧です。');
    expect(disambiguationDescription(3, english)).toBe('3 notes have this title; this page lists them.');
  });
  test('does not end a sentence twice when the last title ends one', () => {
    expect(missingPageDescription(['A', 'Process be knowledge.'])).toBe('No note has this title yet. Cited by 2 notes: A, Process be knowledge.');
    expect(missingPageDescription(['Why?'])).toBe('No note has this title yet. Cited by 1 note: Why?');
  });
});
