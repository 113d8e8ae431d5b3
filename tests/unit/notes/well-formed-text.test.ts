import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeUnencodable, findUnencodable, wellFormedData, wellFormedText } from '../../../src/lib/notes/well-formed-text.ts';

const RUNS = { numRuns: 2000 };
const NONCHARACTERS = [
  ...Array.from({ length: 32 }, (_, i) => 0xfdd0 + i),
  ...Array.from({ length: 17 }, (_, plane) => [plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff]).flat(),
];
const isNoncharacter = (codePoint: number) => NONCHARACTERS.includes(codePoint);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const noncharacter = fc.constantFrom(...NONCHARACTERS).map((codePoint) => String.fromCodePoint(codePoint));
/** Any UTF-16 string: lone surrogates, pairs, noncharacters, and plain text around them. */
const anyText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'binary-ascii', maxLength: 4 }), loneSurrogate, noncharacter), { maxLength: 12 })
  .map((pieces) => pieces.join(''));
const noNoncharacters = (text: string) => [...text].every((char) => !isNoncharacter(char.codePointAt(0)!));

describe('wellFormedText', () => {
  test('gives well-formed text without noncharacters, of the same length in UTF-16 units', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = wellFormedText(text);
        expect(clean.isWellFormed()).toBe(true);
        expect(noNoncharacters(clean)).toBe(true);
        // One U+FFFD per unit of a lone surrogate, per noncharacter (two units when astral).
        expect(clean.length).toBeLessThanOrEqual(text.length);
        expect(wellFormedText(clean)).toBe(clean);
      }),
      RUNS,
    );
  });

  test('leaves well-formed text that has no noncharacter unchanged', () => {
    const wellFormed = fc.string({ unit: 'binary', maxLength: 40 }).filter((text) => text.isWellFormed() && noNoncharacters(text));
    fc.assert(
      fc.property(wellFormed, (text) => {
        expect(wellFormedText(text)).toBe(text);
        expect(findUnencodable(text)).toBeUndefined();
      }),
      RUNS,
    );
  });

  test('can always be URI-encoded afterwards', () => {
    fc.assert(fc.property(anyText, (text) => typeof encodeURIComponent(wellFormedText(text)) === 'string'), RUNS);
  });

  test.each([
    ['a lone high surrogate', 'A \uD800 title', 'A \uFFFD title'],
    ['a lone low surrogate', '\uDC00x', '\uFFFDx'],
    ['a pair written backwards', '\uDC00\uD800', '\uFFFD\uFFFD'],
    ['U+FFFF', 'a\uFFFFb', 'a\uFFFDb'],
    ['U+FDD0', '\uFDD0', '\uFFFD'],
    ['U+1FFFE (astral, two units)', 'x\u{1FFFE}', 'x\uFFFD'],
    ['U+10FFFF', '\u{10FFFF}', '\uFFFD'],
  ])('replaces %s with U+FFFD', (_what, text, clean) => {
    expect(wellFormedText(text)).toBe(clean);
  });

  test.each([
    ['a surrogate pair (emoji)', 'smile \uD83D\uDE00'],
    ['U+FFFD itself', '\uFFFD'],
    ['U+FFFC and U+FDCF next to the noncharacters', '\uFFFC\uFDCF\uFDF0'],
    ['a private-use character', '\uE000'],
  ])('keeps %s', (_what, text) => {
    expect(wellFormedText(text)).toBe(text);
  });
});

describe('findUnencodable', () => {
  test('names each code point once, in the order met, and the line of the first', () => {
    expect(findUnencodable('one\ntwo \uFFFF\nthree \uD800 \uFFFF')).toEqual({ codePoints: ['U+FFFF', 'U+D800'], line: 2 });
  });
});

describe('describeUnencodable', () => {
  test('says which kind each is, and cuts a long list', () => {
    expect(describeUnencodable(['U+D800', 'U+FFFF'])).toBe('U+D800 (a lone surrogate), U+FFFF (a noncharacter)');
    expect(describeUnencodable(['U+FDD0', 'U+FDD1', 'U+FDD2', 'U+FDD3', 'U+FDD4', 'U+FDD5', 'U+FDD6'])).toMatch(/U\+FDD4 \(a noncharacter\) and 2 more$/);
  });
});

describe('wellFormedData', () => {
  test('cleans every string of a value read from YAML, keys included, and keeps the rest', () => {
    const date = new Date(0);
    const { value, codePoints } = wellFormedData({ title: 'A \uD800', tags: ['ok', ['\uDC00']], '\uFFFF': 1, date, n: 2, none: null });
    expect(value).toEqual({ title: 'A \uFFFD', tags: ['ok', ['\uFFFD']], '\uFFFD': 1, date, n: 2, none: null });
    expect(value.date).toBe(date);
    expect(codePoints).toEqual(['U+D800', 'U+DC00', 'U+FFFF']);
  });

  test('gives well-formed strings for any nested value', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, anyText, fc.integer(), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(anyText, tie('value'), { maxKeys: 4 })),
    })).value;
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.entries(value).flat().flatMap(strings) : [];
    fc.assert(
      fc.property(json, (input) => {
        expect(strings(wellFormedData(input).value).every((text) => text.isWellFormed() && noNoncharacters(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
