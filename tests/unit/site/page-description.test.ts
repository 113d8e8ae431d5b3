import { describe, expect, test } from 'vitest';
import { missingPageDescription, noteDescription } from '../../../src/lib/site/page-description.ts';

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
