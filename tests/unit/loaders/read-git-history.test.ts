/**
 * The notes' git history, read from real repositories made in a temporary folder: a content
 * folder inside a repository (not at its root), names with spaces and Unicode, a file changed
 * since its commit, one never committed, a shallow clone, no repository, no commits, no git.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { datesLine } from '../../../src/loaders/build-report.ts';
import { gitDatesOf, readGitHistory } from '../../../src/loaders/read-git-history.ts';
import { commitAll, git, initRepo } from '../../support/git-repo.ts';

const root = mkdtempSync(join(tmpdir(), 'git-history-'));
const repo = join(root, 'repo');
const notes = join(repo, 'wiki notes');
const seconds = (iso: string) => Date.parse(iso) / 1000;

beforeAll(() => {
  mkdirSync(join(notes, 'sub'), { recursive: true });
  initRepo(repo);
  writeFileSync(join(notes, 'Tacit knowledge.md'), 'one\n');
  writeFileSync(join(notes, '知的生産術.md'), 'one\n');
  writeFileSync(join(notes, 'sub', 'a: b.md'), 'one\n');
  writeFileSync(join(repo, 'README.md'), 'outside the content folder\n');
  commitAll(repo, '2024-01-01T09:00:00+09:00');
  writeFileSync(join(notes, '知的生産術.md'), 'two\n');
  commitAll(repo, '2024-06-01T12:00:00Z');
  writeFileSync(join(repo, 'README.md'), 'changed later\n');
  commitAll(repo, '2024-07-01T12:00:00Z');
  // Since the last commit: one note edited, one written.
  writeFileSync(join(notes, 'sub', 'a: b.md'), 'edited\n');
  writeFileSync(join(notes, 'New.md'), 'not committed\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readGitHistory', () => {
  test('reads each committed note of a folder inside a repository, by its path in the folder', async () => {
    const history = await readGitHistory(notes);
    expect(history.kind).toBe('git');
    expect(gitDatesOf(history, 'Tacit knowledge.md')).toEqual({
      history: { firstCommitted: seconds('2024-01-01T00:00:00Z'), lastChanged: seconds('2024-01-01T00:00:00Z') },
      changedSinceCommit: false,
    });
    expect(gitDatesOf(history, '知的生産術.md')?.history).toEqual({ firstCommitted: seconds('2024-01-01T00:00:00Z'), lastChanged: seconds('2024-06-01T12:00:00Z') });
  });

  test('marks a note changed since its commit, and knows nothing of one never committed', async () => {
    const history = await readGitHistory(notes);
    expect(gitDatesOf(history, 'sub/a: b.md')?.changedSinceCommit).toBe(true);
    expect(gitDatesOf(history, 'New.md')).toBeUndefined();
    expect(history.kind === 'git' && history.isShallow).toBe(false);
  });

  test('a loader that keeps running reads the log again only when another commit is checked out', async () => {
    const clone = join(root, 'kept');
    git(root, ['clone', '-q', `file://${repo}`, clone]);
    const memory = {};
    const first = await readGitHistory(join(clone, 'wiki notes'), memory);
    const again = await readGitHistory(join(clone, 'wiki notes'), memory);
    expect(again.kind === 'git' && first.kind === 'git' && again.histories === first.histories).toBe(true);
    writeFileSync(join(clone, 'wiki notes', 'Tacit knowledge.md'), 'two\n');
    commitAll(clone, '2025-01-01T00:00:00Z');
    const after = await readGitHistory(join(clone, 'wiki notes'), memory);
    expect(gitDatesOf(after, 'Tacit knowledge.md')?.history.lastChanged).toBe(seconds('2025-01-01T00:00:00Z'));
  });

  test('says so for a shallow clone, and dates its notes by the commits it has', async () => {
    const clone = join(root, 'shallow');
    git(root, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const history = await readGitHistory(join(clone, 'wiki notes'));
    expect(history.kind === 'git' && history.isShallow).toBe(true);
    expect(gitDatesOf(history, 'Tacit knowledge.md')?.history.lastChanged).toBe(seconds('2024-07-01T12:00:00Z'));
  });

  test('outside a repository, in one without commits and without git, reads no history and says why', async () => {
    const plain = mkdtempSync(join(root, 'plain-'));
    expect(await readGitHistory(plain)).toEqual({ kind: 'none', reason: 'the content folder is not in a git repository' });
    const empty = join(root, 'empty');
    mkdirSync(empty);
    initRepo(empty);
    expect(await readGitHistory(empty)).toEqual({ kind: 'none', reason: expect.stringMatching(/^git could not read its history \(.+\)$/) });
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-such-folder');
    try {
      expect(await readGitHistory(notes)).toEqual({ kind: 'none', reason: 'git is not installed' });
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('datesLine', () => {
  const from = { git: 7, frontmatter: 1, file: 2 };
  test('counts where the dates came from and how long git took', () => {
    const line = datesLine({ from, history: { kind: 'git', histories: new Map(), changed: new Set(), isShallow: false, seconds: 0.25 } });
    expect(line).toBe('dates: 7 notes from git, 1 from frontmatter, 2 from file times (not committed, or changed since) (git history read in 0.3 s)');
  });
  test('says why there is no history', () => {
    expect(datesLine({ from, history: { kind: 'none', reason: 'git is not installed' } })).toMatch(/file times \(git is not installed\)$/);
  });
  test('says how to get the whole history of a shallow clone', () => {
    const line = datesLine({ from, history: { kind: 'git', histories: new Map(), changed: new Set(), isShallow: true, seconds: 0 } });
    expect(line).toContain('shallow clone');
    expect(line).toContain('fetch-depth: 0');
  });
});
