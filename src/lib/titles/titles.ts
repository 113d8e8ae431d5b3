// Bundled for the browser: imports nothing from node:*.
/**
 * Title keys: the one place that decides when two titles name the same page.
 *
 * Scrapbox rules: case does not matter, `_` is a space, runs of white space are one
 * space, leading and trailing space is ignored, and Unicode NFC and NFD spellings are
 * the same title (macOS file names arrive in NFD). Characters a reader cannot see do not
 * count: zero-width ones (U+200B-U+200D, U+2060, U+FEFF) and the bidirectional embedding and
 * override controls (U+202A-U+202E, U+2066-U+2069), which titles never show either.
 */

declare const titleKeyBrand: unique symbol;
/** A normalised title: equal keys mean the same page. */
export type TitleKey = string & { readonly [titleKeyBrand]: true };

/** Bidirectional embedding, override and isolate controls: they reorder the text after them. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

export function titleKey(title: string): TitleKey {
  return stripBidiControls(title)
    .replace(ZERO_WIDTH, '')
    .normalize('NFC')
    .replace(/_/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .normalize('NFC') as TitleKey;
}

/** The title as a reader should see it: NFC, single spaces, trimmed, case kept, no bidi controls. */
export function displayTitle(title: string): string {
  // U+FEFF counts as white space for `\s`; inside a title it is a zero-width character.
  return stripBidiControls(title).replace(/\uFEFF/g, '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}
