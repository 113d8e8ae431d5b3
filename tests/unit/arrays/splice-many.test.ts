import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { minOf, pushMany, spliceMany } from '../../../src/lib/arrays/splice-many.ts';

describe('array edits that take any number of items', () => {
  test('spliceMany and pushMany do what splice and push do', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), fc.nat(), fc.nat(), (array, items, start, deleteCount) => {
        const expected = [...array];
        expected.splice(start, deleteCount, ...items);
        const actual = [...array];
        spliceMany(actual, Math.min(start, array.length), deleteCount, items);
        expect(actual).toEqual(expected);
        const pushed = [...array];
        pushMany(pushed, items);
        expect(pushed).toEqual([...array, ...items]);
      }),
    );
  });

  test('take 500,000 items, where the spread would overflow the stack', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [0].splice(0, 1, ...many)).toThrow(RangeError);
    const array = [-1, -2];
    spliceMany(array, 1, 0, many);
    expect(array.length).toBe(500_002);
    expect(array.at(-1)).toBe(-2);
    expect(minOf(many)).toBe(0);
    expect(minOf([])).toBe(Infinity);
  });
});
