import { describe, expect, test } from 'vitest';
import { displayTitle, titleKey } from '../../../src/lib/titles/titles.ts';

const NFD_CAFE = 'Cafe\u0301';
const NFC_CAFE = 'Caf\u00e9';

describe('titleKey', () => {
  test.each([
    ['Task Management', 'task management'],
    ['task_management', 'task management'],
    ['  Task   Management ', 'task management'],
    [NFD_CAFE, 'café'],
    ['TF-IDF', 'tf-idf'],
    ['Tab\tand\nnewline', 'tab and newline'],
    ['ideographic\u3000space', 'ideographic space'],
    ['no-break\u00a0space', 'no-break space'],
    ['_leading and trailing_', 'leading and trailing'],
    ['ÉCOLE', 'école'],
    ['Social Hack Day #57', 'social hack day #57'],
    ['Start/expand/connect', 'start/expand/connect'],
    ['The easiest way | The Cybozu Method', 'the easiest way | the cybozu method'],
    ['Also available in black.', 'also available in black.'],
    ['知的生産術', '知的生産術'],
    ['Apple Distribution certificates （配布用証明書）', 'apple distribution certificates （配布用証明書）'],
    ['Zero\u200Bwidth\u200Dtitle', 'zerowidthtitle'],
    ['Word\u2060joiner and \uFEFFBOM', 'wordjoiner and bom'],
    ['\u200C', ''],
    ['Invoice \u202Efdp.exe', 'invoice fdp.exe'],
    ['\u2066isolated\u2069 \u202Aembedded\u202C', 'isolated embedded'],
  ])('%j has key %j', (title, key) => {
    expect(titleKey(title)).toBe(key);
  });

  test.each([
    ['[[task management]]', 'task management', 'Task Management'],
    ['case', 'tf-idf', 'TF-IDF'],
    ['"_" for a space', 'task_management', 'Task Management'],
    ['NFD and NFC spellings', NFD_CAFE, NFC_CAFE],
    ['NFD upper case and NFC lower case', 'E\u0301COLE', 'école'],
    ['white space runs', 'Task \t Management', 'Task Management'],
    ['Japanese NFD (dakuten split off)', 'か\u3099', 'が'],
  ])('treats %s as the same page: %j = %j', (_why, a, b) => {
    expect(titleKey(a)).toBe(titleKey(b));
  });

  test.each([
    ['a "/" is not a space', 'Product/Market Fit', 'product market fit'],
    ['a "-" is not a space', 'a-b', 'a b'],
    ['a trailing "." is kept', 'Also available in black.', 'Also available in black'],
    ['"#" is part of the title', 'ScrapboxSQUARE#2', 'ScrapboxSQUARE 2'],
    ['accents are kept', 'café', 'cafe'],
    ['full-width parentheses are not ASCII ones', '（配布用証明書）', '(配布用証明書)'],
  ])('keeps different pages apart when %s: %j ≠ %j', (_why, a, b) => {
    expect(titleKey(a)).not.toBe(titleKey(b));
  });

  test('returns NFC even when lower-casing produces a decomposable sequence', () => {
    const key = titleKey('E\u0301');
    expect(key).toBe('\u00e9');
    expect(key.normalize('NFC')).toBe(key);
  });
});

describe('displayTitle', () => {
  test.each([
    ['Task Management', 'Task Management'],
    ['  Task   Management ', 'Task Management'],
    ['task_management', 'task_management'],
    [NFD_CAFE, NFC_CAFE],
    ['Line\nbreak', 'Line break'],
    ['"Quoted" phrase', '"Quoted" phrase'],
    ['Also available in black.', 'Also available in black.'],
  ])('shows %j as %j (case and "_" kept)', (title, shown) => {
    expect(displayTitle(title)).toBe(shown);
  });
});

describe('invisible characters', () => {
  test('zero-width characters do not make another title', () => {
    expect(titleKey('Zero\u200Bwidth\u200Dtitle')).toBe(titleKey('Zerowidthtitle'));
    expect(titleKey('Zero \u2060width title')).toBe(titleKey('zero width title'));
  });
  test('a displayed title has no bidi controls, and keeps everything else', () => {
    expect(displayTitle('Invoice \u202Efdp.exe')).toBe('Invoice fdp.exe');
    expect(displayTitle('\u2067עברית\u2069 text')).toBe('עברית text');
    expect(titleKey(displayTitle('Zero\u2060width\uFEFFtitle'))).toBe(titleKey('Zerowidthtitle'));
  });
});
