import { describe, expect, test } from 'vitest';
import { feedNotes } from '../../../src/lib/site/feed-notes.ts';

describe('feedNotes', () => {
  const notes = [
    { title: 'Old', updated: '2020-01-01T00:00:00.000Z' },
    { title: 'New B', updated: '2026-11-01T00:00:00.000Z' },
    { title: 'New A', updated: '2026-11-01T00:00:00.000Z' },
    { title: 'Middle', updated: '2024-05-05T00:00:00.000Z' },
  ];
  test('newest first, equal dates by title', () => {
    expect(feedNotes(notes).map((note) => note.title)).toEqual(['New A', 'New B', 'Middle', 'Old']);
  });
  test('keeps only the most recent ones', () => {
    expect(feedNotes(notes, 2).map((note) => note.title)).toEqual(['New A', 'New B']);
  });
  test('does not reorder the list it was given', () => {
    feedNotes(notes);
    expect(notes[0]?.title).toBe('Old');
  });
});
