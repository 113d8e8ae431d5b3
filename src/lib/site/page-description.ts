/**
 * The one-paragraph description of a page: `<meta name="description">`, Open Graph cards,
 * the feed, and what a link preview shows. Its words are the site language's
 * (`interface-strings.ts`, `describe`).
 */
import { cutText, EXCERPT_LENGTH } from '../markdown/note-excerpt.ts';
import type { InterfaceStrings } from './interface-strings.ts';

type Words = InterfaceStrings['describe'];

/** A note is described by its first lines; an empty note by who links to it. */
export function noteDescription(excerpt: string, citingTitles: readonly string[], words: Words): string {
  if (excerpt) return excerpt;
  return citingTitles.length === 0 ? words.emptyNote : words.emptyNoteLinkedFrom(citingList(citingTitles, words));
}

/** A missing-link page says how many notes cite the title, and which. */
export function missingPageDescription(citingTitles: readonly string[], words: Words): string {
  return words.missing(citingList(citingTitles, words));
}

/** "1 note: A." / "3 notes: A, B, C." cut to the description length. */
function citingList(titles: readonly string[], words: Words): string {
  return cutText(words.notes(titles.length, titles.join(words.listSeparator)), EXCERPT_LENGTH);
}

/** A page for a title several notes share. */
export function disambiguationDescription(noteCount: number, words: Words): string {
  return words.shared(noteCount);
}
