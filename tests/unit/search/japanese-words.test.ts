import { describe, expect, test } from 'vitest';
import { breakJapaneseWords, withoutJapaneseBreaks, WORD_BREAK } from '../../../src/lib/search/japanese-words.ts';

/** Expected outputs are written with `|` for each inserted break, to keep the tables readable. */
const withBreaks = (text: string) => text.replaceAll('|', WORD_BREAK);

/** The words Pagefind sees: split at the inserted breaks and at white space. */
const wordsOf = (text: string) => breakJapaneseWords(text).split(/\s+/u).filter((word) => word !== '');

describe('breakJapaneseWords', () => {
  test('uses a THIN SPACE as the break', () => {
    expect(WORD_BREAK).toBe('\u2009');
  });

  test.each([
    ['an English title', 'Municipal purchasing power'],
    ['English punctuation and digits', 'Also available in black. (2.2.3) GPT-4, 100% & "quotes"?'],
    ['an accented Latin word', 'Caf\u00e9 na\u00efve'],
    ['line breaks and tabs', 'one\ntwo\tthree'],
    ['a Markdown link', '[/nishio/page](https://scrapbox.io/nishio/page)'],
    ['Hangul', '한국어 문장'],
    ['the empty string', ''],
  ])('leaves %s as it is', (_why, text) => {
    expect(breakJapaneseWords(text)).toBe(text);
  });

  test.each([
    ['a compound', '暗黙知', '暗黙|知'],
    ['a title', '自治体の購買力', '自治体|の|購買|力'],
    ['a sentence, keeping its full stop', 'このノートでは暗黙知について書いた。', 'この|ノート|では|暗黙|知|について|書|い|た|。'],
    ['Japanese after an English word and a space', 'Polanyi 暗黙知', 'Polanyi 暗黙|知'],
    ['Japanese glued to Latin letters', 'KJ法とは', 'KJ|法|と|は'],
    ['Japanese in corner brackets', '「暗黙知」', '「|暗黙|知|」'],
    ['Japanese before an English full stop', 'see 知的生産術.', 'see 知的|生産|術|.'],
    ['katakana with a long vowel mark', 'ビジネスモデル', 'ビジネス|モデル'],
    ['two runs on two lines', '暗黙知\n形式知', '暗黙|知\n形式|知'],
    ['full-width punctuation on its own', '（）「」。、！？', '（|）|「|」|。|、|！|？'],
    ['a full stop before an English word', '書いた。Polanyi', '書|い|た|。|Polanyi'],
  ])('breaks %s', (_why, text, expected) => {
    expect(breakJapaneseWords(text)).toBe(withBreaks(expected));
  });

  test.each([
    ['a sentence', 'このノートでは暗黙知について書いた。'],
    ['a footer title with an ASCII space kept', '(2.2.3) 不確定要素がある場合の大小関係は？'],
    ['full-width parentheses', 'Apple Distribution certificates （配布用証明書）'],
    ['iteration and length marks', '々ーヶ月'],
    ['NFD kana (as in some footers) and NFC kana', 'NFD か\u3099 and NFC が'],
    ['a thin space the author typed between Latin words ("10 km", U+2009)', '10\u2009km 先'],
  ])('withoutJapaneseBreaks(breakJapaneseWords(x, " ")) gives back %s, where no Japanese touches Latin', (_why, text) => {
    expect(withoutJapaneseBreaks(breakJapaneseWords(text, ' '))).toBe(text);
  });

  test.each([
    ['Japanese glued to a brand name gets one space', 'ChatGPTの使い方', 'ChatGPT の使い方'],
    ['a full stop glued to English gets one space', '書いた。Polanyi named it.', '書いた。 Polanyi named it.'],
    ['digits next to counters get spaces', '100円, 2024年3月', '100 円 , 2024 年 3 月'],
  ])('withoutJapaneseBreaks(breakJapaneseWords(x, " ")): %s', (_why, text, expected) => {
    expect(withoutJapaneseBreaks(breakJapaneseWords(text, ' '))).toBe(expected);
  });

  test.each([
    ['marks between two words', '自治体 の <mark>購買 力</mark> が', '自治体の<mark>購買力</mark>が'],
    ['a mark closing between two words', '<mark>暗黙</mark> 知', '<mark>暗黙</mark>知'],
    ['English spaces kept', 'How much <mark>municipalities</mark> can spend', 'How much <mark>municipalities</mark> can spend'],
  ])('withoutJapaneseBreaks cleans an excerpt: %s', (_why, excerpt, expected) => {
    expect(withoutJapaneseBreaks(excerpt)).toBe(expected);
  });

  test.each([
    ['an NFD voiced kana from a real footer title', '一聞百見は一験にしかす\u3099'],
    ['an NFD semi-voiced katakana', 'ヘ\u309Aーシ\u3099'],
  ])('never puts a break between a letter and its combining mark: %s', (_why, text) => {
    expect(breakJapaneseWords(text)).not.toMatch(/\u2009\p{M}/u);
  });

  test.each([
    ['暗黙知', 'このノートでは暗黙知について書いた。'],
    ['暗黙知', '(コラム) 二種類の暗黙知'],
    ['暗黙知', '暗黙知とは何か'],
    ['自治体の購買力', '原因は自治体の購買力の低下だ'],
    ['購買力', '自治体の購買力が落ちた。'],
    ['知的生産術', 'これは知的生産術の本です'],
    ['ビジネスモデル', '自治体システム受注者のビジネスモデル'],
    ['受注者', '自治体システム受注者のビジネスモデル'],
    ['不確定要素', '不確定要素がある場合の大小関係は？'],
    ['大小関係', '不確定要素がある場合の大小関係は？'],
    ['言語化', '考えたことを言語化する'],
    ['KJ法', 'KJ法で付箋を使う'],
    ['深層学習', '機械学習と深層学習'],
    ['人工知能', '人工知能学会で発表した'],
  ])('splits the query %j into the same words as inside %j', (query, sentence) => {
    const queryWords = wordsOf(query);
    const sentenceWords = wordsOf(sentence);
    const found = sentenceWords.some((_, start) => queryWords.every((word, i) => sentenceWords[start + i] === word));
    expect(found, `${JSON.stringify(queryWords)} in ${JSON.stringify(sentenceWords)}`).toBe(true);
  });
});
