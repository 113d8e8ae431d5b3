import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isStepKey, stepTo } from '../../../src/lib/graph-view/list-steps.ts';

const plain = { altKey: false, ctrlKey: false, metaKey: false };
const STEP_KEYS = ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'Home', 'End'];

describe('isStepKey', () => {
  test.each(STEP_KEYS)('%s steps', (key) => {
    expect(isStepKey({ key, ...plain })).toBe(true);
  });
  test.each(['Enter', 'Tab', ' ', 'a', 'PageDown', 'constructor', 'toString'])('%j is left to the browser', (key) => {
    expect(isStepKey({ key, ...plain })).toBe(false);
  });
  test.each([{ altKey: true }, { ctrlKey: true }, { metaKey: true }])('a step key with %o is left to the browser', (modifier) => {
    expect(isStepKey({ key: 'ArrowDown', ...plain, ...modifier })).toBe(false);
  });
});

describe('stepTo', () => {
  test.each([
    ['ArrowDown', 2, 5, 3],
    ['ArrowRight', 2, 5, 3],
    ['ArrowDown', 5, 5, 5],
    ['ArrowUp', 2, 5, 1],
    ['ArrowLeft', 2, 5, 1],
    ['ArrowUp', 0, 5, 0],
    ['Home', 4, 5, 0],
    ['End', 1, 5, 5],
  ])('%s from %i (last %i) goes to %i', (key, at, last, to) => {
    expect(stepTo(key, at, last)).toBe(to);
  });

  test('a key that does not step goes nowhere', () => {
    expect(stepTo('Enter', 1, 5)).toBeUndefined();
  });

  test('for any list and any link in it: every step lands in the list, one link at most, forward or back as the key says', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.constantFrom(...STEP_KEYS), (a, b, key) => {
        const [at, last] = a <= b ? [a, b] : [b, a];
        const to = stepTo(key, at, last)!;
        expect(to).toBeGreaterThanOrEqual(0);
        expect(to).toBeLessThanOrEqual(last);
        if (key === 'ArrowDown' || key === 'ArrowRight') expect(to).toBe(at === last ? at : at + 1);
        if (key === 'ArrowUp' || key === 'ArrowLeft') expect(to).toBe(at === 0 ? 0 : at - 1);
        if (key === 'Home') expect(to).toBe(0);
        if (key === 'End') expect(to).toBe(last);
      }),
    );
  });
});
