/** Which notes the feed and the home page's "Recently changed" list carry, in which order. */

/** Enough for a reader catching up on a day's export; older changes are on the site. */
export const FEED_LENGTH = 50;

/** The home page's list: as long as its other lists' first screen. */
export const RECENTLY_CHANGED_LENGTH = 10;

/** The `FEED_LENGTH` most recently changed notes, newest first; equal dates by title. */
export function feedNotes<T extends { title: string; updated: string }>(notes: readonly T[], length = FEED_LENGTH): T[] {
  return [...notes]
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title))
    .slice(0, length);
}
