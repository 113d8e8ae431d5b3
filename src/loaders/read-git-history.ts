/**
 * Beside step 1: the git history of the content folder, for the notes' dates, in four git
 * processes for the whole folder whatever its size (where the folder is in its repository,
 * which commit is checked out, one `git log`, one `git status`), run while the notes are
 * read. A loader that keeps running (`astro dev`) runs `git log` again only when another
 * commit is checked out. Without git, outside a repository or before its first commit, notes
 * are dated by frontmatter and file times.
 */
import { spawn } from 'node:child_process';
import {
  GIT_HEAD_ARGS,
  GIT_LOG_ARGS,
  GIT_REV_PARSE_ARGS,
  GIT_STATUS_ARGS,
  parseGitLog,
  parseGitStatus,
  parseRevParse,
  type FileHistory,
  type RepositoryPlace,
} from '../lib/notes/git-history.ts';
import type { NoteGitDates } from '../lib/notes/note-dates.ts';

export type GitHistory =
  | {
      kind: 'git';
      /** By note path relative to the content folder, in NFC. */
      histories: Map<string, FileHistory>;
      /** Files changed in the index or working tree since their last commit. */
      changed: Set<string>;
      isShallow: boolean;
      seconds: number;
    }
  | { kind: 'none'; reason: string };

/**
 * Settings that would change what `git log` and `git status` print, fixed: a root commit
 * lists its files, no signatures, no colours, paths as they are.
 */
const FIXED_CONFIG = ['-c', 'log.showRoot=true', '-c', 'log.showSignature=false', '-c', 'color.ui=false', '-c', 'core.quotePath=false'];

/** The last `git log` read, kept by a loader that keeps running: reused while the same commit is checked out. */
export interface GitLogMemory {
  head: string;
  histories: Map<string, FileHistory>;
}

export async function readGitHistory(contentDir: string, memory: { gitLog?: GitLogMemory } = {}): Promise<GitHistory> {
  const started = performance.now();
  let place: RepositoryPlace;
  try {
    place = parseRevParse(await git(contentDir, GIT_REV_PARSE_ARGS));
  } catch (error) {
    const message = String((error as Error).message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none', reason: 'git is not installed' };
    if (/not a git repository/i.test(message)) return { kind: 'none', reason: 'the content folder is not in a git repository' };
    // A repository git refuses to read (owned by another user: "dubious ownership").
    return { kind: 'none', reason: `git could not read its repository (${firstLine(message)})` };
  }
  try {
    const [head, status] = await Promise.all([git(contentDir, GIT_HEAD_ARGS), git(contentDir, GIT_STATUS_ARGS)]);
    const known = memory.gitLog?.head === head ? memory.gitLog : undefined;
    // `--relative` writes the paths relative to the content folder already.
    const histories = known?.histories ?? parseGitLog(await git(contentDir, GIT_LOG_ARGS), '');
    memory.gitLog = { head, histories };
    return {
      kind: 'git',
      histories,
      changed: parseGitStatus(status, place.prefix),
      isShallow: place.isShallow,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    // A repository without commits: no history.
    return { kind: 'none', reason: `git could not read its history (${firstLine(String((error as Error).message))})` };
  }
}

/** What git knows of one note's file, by its path relative to the content folder (NFC). */
export function gitDatesOf(history: GitHistory, filePath: string): NoteGitDates | undefined {
  if (history.kind !== 'git') return undefined;
  const known = history.histories.get(filePath);
  return known && { history: known, changedSinceCommit: history.changed.has(filePath) };
}

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Messages in English, which the reasons above are read from; paths are bytes either way (-z).
    const child = spawn('git', [...FIXED_CONFIG, ...args], { cwd, env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(err.trim() || `git ${args[0]} ended with code ${code}`));
    });
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^fatal: /, '');
}
