import { describe, expect, test } from 'vitest';
import { noteDates, type NoteGitDates } from '../../../src/lib/notes/note-dates.ts';

const fileTime = new Date('2026-06-09T12:00:00Z');
const git: NoteGitDates = {
  history: { firstCommitted: Date.parse('2022-02-02T00:00:00Z') / 1000, lastChanged: Date.parse('2025-05-05T00:00:00Z') / 1000 },
  changedSinceCommit: false,
};
const iso = (date: Date | undefined) => date?.toISOString();

describe('noteDates', () => {
  test('without frontmatter dates or git, the file time, and no first appearance', () => {
    expect(noteDates({ title: 'x' }, undefined, fileTime)).toEqual({ updated: fileTime, created: undefined, updatedFrom: 'file' });
  });

  test('from git: the last commit that changed the file and the first that added it', () => {
    const dates = noteDates({ title: 'x' }, git, fileTime);
    expect([iso(dates.updated), iso(dates.created), dates.updatedFrom]).toEqual(['2025-05-05T00:00:00.000Z', '2022-02-02T00:00:00.000Z', 'git']);
  });

  test('a file changed since its last commit is dated by its file time, and keeps its first commit', () => {
    const dates = noteDates({}, { ...git, changedSinceCommit: true }, fileTime);
    expect([dates.updated, iso(dates.created), dates.updatedFrom]).toEqual([fileTime, '2022-02-02T00:00:00.000Z', 'file']);
  });

  test.each([['updated'], ['lastmod'], ['modified'], ['last-modified']])('frontmatter %s wins over git', (field) => {
    const dates = noteDates({ [field]: '2024-03-01' }, git, fileTime);
    expect([iso(dates.updated), dates.updatedFrom]).toEqual(['2024-03-01T00:00:00.000Z', 'frontmatter']);
  });

  test.each([['created'], ['date']])('frontmatter %s is the first appearance, over git; git still says when it last changed', (field) => {
    const dates = noteDates({ [field]: '2020-01-01' }, git, fileTime);
    expect([iso(dates.updated), iso(dates.created), dates.updatedFrom]).toEqual(['2025-05-05T00:00:00.000Z', '2020-01-01T00:00:00.000Z', 'git']);
  });

  test('without git, frontmatter date or created dates the note rather than the file time', () => {
    const dates = noteDates({ date: '2024-03-01' }, undefined, fileTime);
    expect([iso(dates.updated), iso(dates.created), dates.updatedFrom]).toEqual(['2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', 'frontmatter']);
  });

  test('prefers updated over lastmod, and takes a YAML Date as it is', () => {
    const updated = new Date('2025-01-02T03:04:05Z');
    expect(noteDates({ lastmod: '2024-03-01', updated }, git, fileTime).updated).toEqual(updated);
  });

  test('skips a field that is not a date and reads the next', () => {
    expect(iso(noteDates({ updated: 'last week', modified: '2023-05-06' }, undefined, fileTime).updated)).toBe('2023-05-06T00:00:00.000Z');
    expect(noteDates({ date: ['2024'] }, undefined, fileTime).updated).toEqual(fileTime);
  });
});
