// Bundled for the browser: imports nothing from node:*.
/**
 * How far a typed query may be from a title and still name it: word by word, one edit for a
 * word of 5 to 8 letters, two for a longer one, none for a shorter one or a word without
 * letters (a date, a number). An edit is a letter added, dropped, replaced, or two adjacent
 * letters swapped (optimal string alignment, "restricted Damerau–Levenshtein"). The last word
 * typed may be the start of the title's word, with the same allowance (the reader is still
 * typing). Japanese has no spaces and no such typos: a query holding Japanese never matches
 * this way (`title-matches.ts` keeps exact and prefix matching for it).
 */

/** Han and kana: Japanese punctuation (〜, 「」) alone does not make a title Japanese. */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const LETTER = /\p{L}/u;

/** Whether a query or title holds Japanese, which is matched exactly or by prefix only. */
export function holdsJapanese(text: string): boolean {
  return JAPANESE.test(text);
}

/** How many edits a word of the title may be off by: 0 under 5 letters, 1 up to 8, then 2. */
export function typoAllowance(word: string): number {
  let letters = 0;
  for (const char of word) if (LETTER.test(char)) letters++;
  return letters >= 9 ? 2 : letters >= 5 ? 1 : 0;
}

/**
 * The OSA distance between `a` and `b` (code points), or, with `prefixOfB`, between `a` and
 * the closest start of `b`; `max + 1` as soon as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number, prefixOfB = false): number {
  const x = [...a];
  const y = [...b];
  if (!prefixOfB && Math.abs(x.length - y.length) > max) return max + 1;
  // Rows over `y`; three rows are enough for a transposition.
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  const distance = prefixOfB ? Math.min(...previous) : previous[y.length]!;
  return Math.min(distance, max + 1);
}

/**
 * The edits that turn the query key into the title key word by word (both as `titleKey`
 * gives them), or undefined when some word is off by more than it may be. With `prefix`, the
 * query may name only the first words of the title, its last word the start of one.
 */
export function typoEdits(queryKey: string, titleKey: string, prefix: boolean): number | undefined {
  if (queryKey === '' || holdsJapanese(queryKey) || holdsJapanese(titleKey)) return undefined;
  const typed = queryKey.split(' ');
  const words = titleKey.split(' ');
  if (typed.length > words.length || (!prefix && typed.length !== words.length)) return undefined;
  let edits = 0;
  for (let i = 0; i < typed.length; i++) {
    const last = i === typed.length - 1;
    const word = words[i]!;
    const startOnly = prefix && last && typed[i]!.length < word.length;
    // A word typed in part may be off by what a word of its length may be.
    const allowed = typoAllowance(startOnly ? typed[i]! : word);
    const distance = editDistance(typed[i]!, word, allowed, startOnly);
    if (distance > allowed) return undefined;
    edits += distance;
  }
  return edits;
}
