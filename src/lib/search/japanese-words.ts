// Bundled for the browser: imports nothing from node:*.
/**
 * Japanese has no spaces between words, and Pagefind splits words only at spaces unless a
 * page is marked Japanese (ours are English pages with Japanese inside). So Japanese runs
 * are split into words with `Intl.Segmenter` at build time, before indexing, and the query
 * is split with the same function in the browser: both sides use the same ICU rules.
 *
 * In the index copy the separator is a THIN SPACE (U+2009), white space to Pagefind; in the
 * query it is a plain space, the only one Pagefind's query parser splits at.
 */

export const WORD_BREAK = '\u2009';

/**
 * Whether Pagefind splits Japanese words itself on a page of this `lang`: it does on pages
 * marked Japanese (`SITE_LANGUAGE=ja`), so there neither the index copy nor the query is
 * split by us (splitting twice would break words apart that Pagefind keeps whole).
 */
export function pagefindSplitsJapanese(lang: string | undefined): boolean {
  return /^ja(?:-|$)/i.test(lang ?? '');
}

/**
 * Han, kana, the marks that live inside Japanese words (ー 々 〆 ヵ ヶ, combining voicing
 * marks as in NFD text), Japanese punctuation (、。「」) and full-width forms.
 */
const JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆ヵヶ\\u3099\\u309A\\u3000-\\u303F\\uFF01-\\uFF60';
const JAPANESE_RUN = new RegExp(`[${JAPANESE}]+`, 'gu');
const JAPANESE_CHAR = new RegExp(`[${JAPANESE}]`, 'u');

let segmenter: Intl.Segmenter | undefined;
const words = () => (segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' }));

/** The text with `separator` between Japanese words and around each Japanese run. */
export function breakJapaneseWords(text: string, separator = WORD_BREAK): string {
  if (!JAPANESE_CHAR.test(text)) return text;
  return text.replace(JAPANESE_RUN, (run, offset: number) => {
    const parts = [...words().segment(run)].map((part) => part.segment).filter((part) => part.trim() !== '');
    const before = offset > 0 && !/\s/u.test(text[offset - 1] ?? '') ? separator : '';
    const end = offset + run.length;
    const after = end < text.length && !/\s/u.test(text[end] ?? '') ? separator : '';
    return before + parts.join(separator) + after;
  });
}

/**
 * Text from the index as a reader should see it: Pagefind's excerpts turn every break back
 * into a plain space, so white space between two Japanese characters is dropped (also across
 * the `<mark>` tags of an excerpt). Japanese prose has no spaces of its own there.
 */
export function withoutJapaneseBreaks(text: string): string {
  return text.replace(new RegExp(`(?<=[${JAPANESE}](?:</?mark>)*)\\s+(?=(?:</?mark>)*[${JAPANESE}])`, 'gu'), '');
}

/** Japanese words of a text, as the segmenter finds them (for choosing test queries). */
export function japaneseWords(text: string): string[] {
  const found: string[] = [];
  for (const run of text.match(JAPANESE_RUN) ?? []) {
    for (const part of words().segment(run)) if (part.isWordLike) found.push(part.segment);
  }
  return found;
}
