// Bundled for the browser: imports nothing from node:*.
/**
 * Title keys: the one place that decides when two titles name the same page.
 *
 * Scrapbox rules: case does not matter, `_` is a space, runs of white space are one
 * space, leading and trailing space is ignored, and Unicode NFC and NFD spellings are
 * the same title (macOS file names arrive in NFD).
 */

declare const titleKeyBrand: unique symbol;
/** A normalised title: equal keys mean the same page. */
export type TitleKey = string & { readonly [titleKeyBrand]: true };

export function titleKey(title: string): TitleKey {
  return title
    .normalize('NFC')
    .replace(/_/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .normalize('NFC') as TitleKey;
}

/** The title as a reader should see it: NFC, single spaces, trimmed, case kept. */
export function displayTitle(title: string): string {
  return title.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
