/**
 * When a note last changed and first appeared: its page's "Updated" line, the feed, the
 * sitemap's `lastmod` and the home page's "Recently changed" list. Frontmatter wins, then the
 * git history, then the file's modification time; the current time is never used, so the same
 * notes and history give the same site.
 */
import type { FileHistory } from './git-history.ts';

/** Frontmatter fields that say when a note last changed, the first valid one winning. */
export const UPDATED_FIELDS = ['updated', 'lastmod', 'modified', 'last-modified'] as const;

/** Frontmatter fields that say when a note was written, the first valid one winning. */
export const CREATED_FIELDS = ['created', 'date'] as const;

/** Where a note's `updated` date came from. */
export type DateSource = 'frontmatter' | 'git' | 'file';

export interface NoteDates {
  updated: Date;
  /** Unknown for a note neither its frontmatter nor git dates (a file's creation time is not kept by copies and checkouts). */
  created: Date | undefined;
  updatedFrom: DateSource;
}

/** What git knows of a note's file: absent when it is not in a repository or not committed. */
export interface NoteGitDates {
  history: FileHistory;
  /** Changed in the index or working tree since its last commit: the file's time is newer than git's. */
  changedSinceCommit: boolean;
}

/**
 * `updated`: frontmatter `updated`/`lastmod`/`modified`/`last-modified`; else the last commit
 * that changed the file, unless it changed since; else frontmatter `created`/`date`; else the
 * file's modification time. `created`: frontmatter `created`/`date`, else the first commit.
 * YAML dates arrive as `Date`, quoted ones as text; a value that is not a date is skipped.
 */
export function noteDates(frontmatter: Record<string, unknown>, git: NoteGitDates | undefined, fileModified: Date): NoteDates {
  const written = firstDate(frontmatter, CREATED_FIELDS);
  const created = written ?? (git ? fromSeconds(git.history.firstCommitted) : undefined);
  const changed = firstDate(frontmatter, UPDATED_FIELDS);
  if (changed) return { updated: changed, created, updatedFrom: 'frontmatter' };
  if (git && !git.changedSinceCommit) return { updated: fromSeconds(git.history.lastChanged), created, updatedFrom: 'git' };
  if (written) return { updated: written, created, updatedFrom: 'frontmatter' };
  return { updated: fileModified, created, updatedFrom: 'file' };
}

function firstDate(frontmatter: Record<string, unknown>, fields: readonly string[]): Date | undefined {
  for (const field of fields) {
    const value = frontmatter[field];
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

function fromSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}
