/**
 * Problems machine translation leaves in notes, for the writers' report: links the
 * translation damaged, and links to missing titles that are almost an existing note's title.
 */
import type { NoteRef, TitleIndex } from '../titles/title-index.ts';
import { titleKey, type TitleKey } from '../titles/titles.ts';

export type LinkDamage = 'broken-url' | 'padded';

// How each kind of damage is described to readers: `site/interface-strings.ts` (`issues`).

/** What the translation did to a link's text, if anything. */
export function linkDamage(rawText: string): LinkDamage | undefined {
  if (/\bhttps? +:\/\/|\bhttps?: +\/\//i.test(rawText)) return 'broken-url';
  if (rawText !== rawText.trim()) return 'padded';
  return undefined;
}

/**
 * The note a missing title was probably meant to name: one that differs only by a plural
 * ending or a final full stop (`[[connections]]` for `connection`, `[[Drucker]]` for
 * `Drucker.`). Case, `_` and spacing differences already resolve and never get here.
 */
export function nearTitle(missing: TitleKey, index: TitleIndex): NoteRef | undefined {
  if (!/[a-z]/.test(missing)) return undefined;
  const variants = new Set<string>([
    `${missing}s`,
    `${missing}es`,
    missing.replace(/ies$/, 'y'),
    missing.replace(/y$/, 'ies'),
    missing.replace(/es$/, ''),
    missing.replace(/s$/, ''),
    `${missing}.`,
    missing.replace(/\.$/, ''),
  ]);
  variants.delete(missing);
  for (const variant of variants) {
    const note = index.noteByKey(titleKey(variant));
    if (note && index.nameKind(titleKey(variant)) === 'title') return note;
  }
  return undefined;
}
