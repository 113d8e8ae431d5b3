import { describe, expect, test } from 'vitest';
import { parseGitLog, parseGitStatus, parseRevParse } from '../../../src/lib/notes/git-history.ts';

const seconds = (iso: string) => Date.parse(iso) / 1000;

/**
 * `git log` (GIT_LOG_ARGS) of a repository with a content folder `notes/`: files with a space
 * and Unicode in their names, a rename into a subfolder, a merged branch, a file deleted and
 * added again, a file outside the folder. Newest commit first.
 */
const LOG =
  '\x001714521600\x00\nA\x00notes/a b.md\x00' + // 2024-05-01: a b.md added again
  '\x001711929600\x00\nD\x00notes/a b.md\x00' + // 2024-04-01: a b.md deleted
  '\x001709337600\x00\nA\x00notes/side.md\x00' + // 2024-03-02: on a branch, merged later
  '\x001706745600\x00\nR100\x00notes/old name.md\x00notes/sub/new name.md\x00M\x00notes/ü.md\x00' + // 2024-02-01
  '\x001704067200\x00\nA\x00notes/a b.md\x00A\x00notes/old name.md\x00A\x00notes/ü.md\x00A\x00other.md\x00'; // 2024-01-01

describe('parseGitLog', () => {
  const histories = parseGitLog(LOG, 'notes/');

  test('gives each file its first and last commit, by path in the content folder', () => {
    expect(histories.get('ü.md')).toEqual({ firstCommitted: seconds('2024-01-01T00:00:00Z'), lastChanged: seconds('2024-02-01T00:00:00Z') });
    expect(histories.get('side.md')).toEqual({ firstCommitted: seconds('2024-03-02T00:00:00Z'), lastChanged: seconds('2024-03-02T00:00:00Z') });
  });

  test('follows a rename: the file keeps the first commit of its older name', () => {
    expect(histories.get('sub/new name.md')).toEqual({ firstCommitted: seconds('2024-01-01T00:00:00Z'), lastChanged: seconds('2024-02-01T00:00:00Z') });
    expect(histories.has('old name.md')).toBe(false);
  });

  test('a file deleted and added again first appeared when it came back', () => {
    expect(histories.get('a b.md')).toEqual({ firstCommitted: seconds('2024-05-01T00:00:00Z'), lastChanged: seconds('2024-05-01T00:00:00Z') });
  });

  test('leaves out files outside the content folder', () => {
    expect([...histories.keys()].sort()).toEqual(['a b.md', 'side.md', 'sub/new name.md', 'ü.md']);
  });

  test('at the root of the repository, keeps every path as it is', () => {
    expect([...parseGitLog(LOG, '').keys()]).toContain('other.md');
  });

  test('takes the newest and oldest dates whatever order the commits come in', () => {
    const log = '\x00100\x00\nM\x00x.md\x00' + '\x00300\x00\nM\x00x.md\x00' + '\x00200\x00\nA\x00x.md\x00';
    expect(parseGitLog(log, '').get('x.md')).toEqual({ firstCommitted: 100, lastChanged: 300 });
  });

  test('reads commits that list no files (merges, empty commits) and follows renames through several names', () => {
    const log =
      '\x00400\x00' + // a merge: no files
      '\x00300\x00\nR087\x00b.md\x00c.md\x00' +
      '\x00250\x00' + // an empty commit
      '\x00200\x00\nR100\x00a.md\x00b.md\x00' +
      '\x00100\x00\nA\x00a.md\x00';
    expect([...parseGitLog(log, '')]).toEqual([['c.md', { firstCommitted: 100, lastChanged: 300 }]]);
  });

  test('a file name that starts with a line break keeps it; names are read in NFC', () => {
    const log = '\x00100\x00\nA\x00\nodd.md\x00A\x00Cafe\u0301.md\x00';
    expect([...parseGitLog(log, '').keys()]).toEqual(['\nodd.md', 'Café.md']);
  });

  test('reads an empty log (no commit touches the folder)', () => {
    expect(parseGitLog('', 'notes/').size).toBe(0);
  });
});

describe('parseGitStatus', () => {
  test('lists files changed in the index or working tree, renames by both names, in the content folder', () => {
    const status = ' M notes/a b.md\x00M  notes/ü.md\x00R  notes/new.md\x00notes/old.md\x00 M other.md\x00';
    expect([...parseGitStatus(status, 'notes/')].sort()).toEqual(['a b.md', 'new.md', 'old.md', 'ü.md']);
  });
  test('reads a clean tree', () => {
    expect(parseGitStatus('', '').size).toBe(0);
  });
});

describe('parseRevParse', () => {
  test.each([
    ['notes/\nfalse\n', { prefix: 'notes/', isShallow: false }],
    ['\ntrue\n', { prefix: '', isShallow: true }],
  ])('reads %j', (output, place) => {
    expect(parseRevParse(output)).toEqual(place);
  });
});
