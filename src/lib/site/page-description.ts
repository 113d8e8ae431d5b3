/**
 * The one-paragraph description of a page: `<meta name="description">`, Open Graph cards,
 * the feed, and what a link preview shows.
 */
import { cutText, EXCERPT_LENGTH } from '../markdown/note-excerpt.ts';

/** A note is described by its first lines; an empty note by who links to it. */
export function noteDescription(excerpt: string, citingTitles: readonly string[]): string {
  if (excerpt) return excerpt;
  return citingTitles.length === 0 ? 'An empty note.' : `An empty note, linked from ${citingList(citingTitles)}`;
}

/** A missing-link page says how many notes cite the title, and which. */
export function missingPageDescription(citingTitles: readonly string[]): string {
  return `No note has this title yet. Cited by ${citingList(citingTitles)}`;
}

/** "1 note: A." / "3 notes: A, B, C." cut to the description length. */
function citingList(titles: readonly string[]): string {
  const count = `${titles.length} ${titles.length === 1 ? 'note' : 'notes'}`;
  return cutText(`${count}: ${titles.join(', ')}.`, EXCERPT_LENGTH);
}

/** A page for a title several notes share. */
export function disambiguationDescription(noteCount: number): string {
  return `${noteCount} notes have this title; this page lists them.`;
}
