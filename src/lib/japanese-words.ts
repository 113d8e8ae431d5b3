/**
 * Japanese has no spaces between words, and Pagefind splits words only at spaces unless a
 * page is marked Japanese (ours are English pages with Japanese inside). So Japanese runs
 * are split into words with `Intl.Segmenter` at build time, before indexing, and the query
 * is split with the same function in the browser: both sides use the same ICU rules.
 *
 * The separator is a THIN SPACE (U+2009), not a plain space: Pagefind treats it as white
 * space when indexing and searching, and excerpts can drop it again exactly, so a reader
 * never sees the inserted breaks.
 */

export const WORD_BREAK = '\u2009';

/** Han, kana and the marks that live inside Japanese words (ー 々 〆 ヵ ヶ). */
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヵヶ]+/gu;
const JAPANESE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヵヶ]/u;

let segmenter: Intl.Segmenter | undefined;

/** The text with a word break between Japanese words and around each Japanese run. */
export function breakJapaneseWords(text: string): string {
  if (!JAPANESE_CHAR.test(text)) return text;
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const words = segmenter;
  return text.replace(JAPANESE_RUN, (run, offset: number) => {
    const parts = [...words.segment(run)].map((part) => part.segment);
    const before = offset > 0 && !/\s/.test(text[offset - 1] ?? '') ? WORD_BREAK : '';
    const end = offset + run.length;
    const after = end < text.length && !/\s/.test(text[end] ?? '') ? WORD_BREAK : '';
    return before + parts.join(WORD_BREAK) + after;
  });
}

/** Removes the breaks `breakJapaneseWords` added (and only those). */
export function joinJapaneseWords(text: string): string {
  return text.replaceAll(WORD_BREAK, '');
}

/** Japanese words of a text, as the segmenter finds them (for choosing test queries). */
export function japaneseWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const words: string[] = [];
  for (const run of text.match(JAPANESE_RUN) ?? []) {
    for (const part of segmenter.segment(run)) if (part.isWordLike) words.push(part.segment);
  }
  return words;
}
