/**
 * When each note file was first committed and last changed, read from the output of one
 * `git log` over the whole content folder (`GIT_LOG_ARGS`), and which files the working tree
 * changed since (one `git status`). Parsing only: `loaders/read-git-history.ts` runs git.
 */

/**
 * Run in the content folder: newest commit first, parents never before their children
 * (`--topo-order`, so that renames are followed in order); each commit as a NUL, its author
 * time (Unix seconds), then the files it changed, NUL-separated and written as they are (`-z`:
 * no quoting of spaces or Unicode), relative to the content folder, and only those in it
 * (`--relative`: cheaper than a pathspec, which diffs every commit twice, once to decide
 * whether to show it). Renames are followed when the file kept at least half its text (`-M`),
 * so a note moved or retitled keeps its first appearance. Merges list no files: their changes
 * are listed under the commits merged.
 */
export const GIT_LOG_ARGS = ['log', '--topo-order', '--format=%x00%at', '--name-status', '-z', '-M', '--relative', '--no-color'];

export const GIT_STATUS_ARGS = ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=no', '--', '.'];

/** The commit checked out (fails before the first commit). */
export const GIT_HEAD_ARGS = ['rev-parse', '--verify', 'HEAD^{commit}'];

/** Where the content folder is in its repository, and whether that is a shallow clone. */
export const GIT_REV_PARSE_ARGS = ['rev-parse', '--show-prefix', '--is-shallow-repository'];

/** A file's history, as Unix seconds of its commits' author dates. */
export interface FileHistory {
  /** The oldest commit that added it (under this or an earlier name). */
  firstCommitted: number;
  /** The newest commit that changed it. */
  lastChanged: number;
}

export interface RepositoryPlace {
  /** The content folder relative to the repository's root, `/`-separated, ending in `/` (empty at the root). */
  prefix: string;
  isShallow: boolean;
}

/** The output of `git rev-parse` with `GIT_REV_PARSE_ARGS`. */
export function parseRevParse(output: string): RepositoryPlace {
  const [prefix = '', shallow = ''] = output.split('\n');
  return { prefix, isShallow: shallow.trim() === 'true' };
}

/**
 * The history of every file in `output` (of `git log` with `GIT_LOG_ARGS`), by path relative
 * to the content folder (`prefix` removed; files outside it left out), in Unicode NFC as the
 * loader names notes. A file renamed later is counted under its newest name; a file deleted
 * and added again starts a new life: its first appearance is when it came back.
 */
export function parseGitLog(output: string, prefix: string): Map<string, FileHistory> {
  const histories = new Map<string, FileHistory>();
  /** Older names of files, to the name they have now: filled as renames are met, newest first. */
  const laterName = new Map<string, string>();
  const record = (path: string, time: number) => {
    const name = laterName.get(path) ?? path;
    const known = histories.get(name);
    if (!known) histories.set(name, { firstCommitted: time, lastChanged: time });
    else {
      known.firstCommitted = Math.min(known.firstCommitted, time);
      known.lastChanged = Math.max(known.lastChanged, time);
    }
  };
  const tokens = output.split('\0');
  let i = 0;
  while (i < tokens.length) {
    // A commit starts after an empty token: its header, then its files up to the next empty token.
    if (tokens[i] !== '') {
      i++;
      continue;
    }
    const time = Number(tokens[i + 1]);
    i += 2;
    if (!Number.isFinite(time)) continue;
    let first = true;
    while (i < tokens.length && tokens[i] !== '') {
      // git separates a commit's header from its files with a line break.
      const status = first ? tokens[i]!.replace(/^\n/, '') : tokens[i]!;
      first = false;
      if (/^[RC]\d*$/.test(status)) {
        const from = tokens[i + 1] ?? '';
        const to = tokens[i + 2] ?? '';
        i += 3;
        record(to, time);
        if (status.startsWith('R')) {
          // Commits older than this one knew the file by its older name.
          laterName.set(from, laterName.get(to) ?? to);
        }
      } else {
        const path = tokens[i + 1] ?? '';
        i += 2;
        if (status === 'D') {
          // Deleted here: an older file of that name is another file, unless renamed to it.
          if (!laterName.has(path)) laterName.set(path, `\0deleted\0${path}`);
          continue;
        }
        record(path, time);
      }
    }
  }
  return inContentFolder(histories, prefix);
}

/**
 * The files `git status` (with `GIT_STATUS_ARGS`) lists as changed in the index or working
 * tree, relative to the content folder and in NFC. A rename lists its new and old name.
 */
export function parseGitStatus(output: string, prefix: string): Set<string> {
  const changed = new Set<string>();
  const tokens = output.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    changed.add(entry.slice(3));
    // "R  new\0old": the old name follows as a token of its own.
    if (/[RC]/.test(status)) changed.add(tokens[++i] ?? '');
  }
  return new Set([...changed].flatMap((path) => (path.startsWith(prefix) ? [path.slice(prefix.length).normalize('NFC')] : [])));
}

function inContentFolder(histories: Map<string, FileHistory>, prefix: string): Map<string, FileHistory> {
  const inside = new Map<string, FileHistory>();
  for (const [path, history] of histories) {
    if (path.startsWith('\0') || !path.startsWith(prefix)) continue;
    inside.set(path.slice(prefix.length).normalize('NFC'), history);
  }
  return inside;
}
