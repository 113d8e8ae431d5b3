import { describe, expect, test } from 'vitest';
import { noteDate } from '../../../src/lib/notes/note-dates.ts';

const fileTime = new Date('2026-06-09T12:00:00Z');

describe('noteDate', () => {
  test('uses the file time without a date field', () => {
    expect(noteDate({ title: 'x' }, fileTime)).toEqual(fileTime);
  });
  test('reads a date written as text', () => {
    expect(noteDate({ date: '2024-03-01' }, fileTime).toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });
  test('prefers updated over date, and takes a Date value as it is', () => {
    const updated = new Date('2025-01-02T03:04:05Z');
    expect(noteDate({ date: '2024-03-01', updated }, fileTime)).toEqual(updated);
  });
  test('skips a field that is not a date and reads the next', () => {
    expect(noteDate({ updated: 'last week', created: '2023-05-06' }, fileTime).toISOString()).toBe('2023-05-06T00:00:00.000Z');
    expect(noteDate({ date: ['2024'] }, fileTime)).toEqual(fileTime);
  });
});
