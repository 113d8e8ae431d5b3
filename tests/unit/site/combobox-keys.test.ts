import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comboboxAction } from '../../../src/lib/site/combobox-keys.ts';

const state = (active: number, count: number, listOpen = true, typed = true) => ({ active, count, listOpen, typed });

describe('comboboxAction: the keys of the search box in the header', () => {
  test('ArrowDown from none goes to the first option, and wraps from the last', () => {
    expect(comboboxAction('ArrowDown', state(-1, 3))).toEqual({ kind: 'move', to: 0 });
    expect(comboboxAction('ArrowDown', state(1, 3))).toEqual({ kind: 'move', to: 2 });
    expect(comboboxAction('ArrowDown', state(2, 3))).toEqual({ kind: 'move', to: 0 });
  });

  test('ArrowUp from none or the first goes to the last', () => {
    expect(comboboxAction('ArrowUp', state(-1, 3))).toEqual({ kind: 'move', to: 2 });
    expect(comboboxAction('ArrowUp', state(0, 3))).toEqual({ kind: 'move', to: 2 });
    expect(comboboxAction('ArrowUp', state(2, 3))).toEqual({ kind: 'move', to: 1 });
  });

  test('arrows do nothing in an empty list', () => {
    expect(comboboxAction('ArrowDown', state(-1, 0))).toEqual({ kind: 'none' });
    expect(comboboxAction('ArrowUp', state(-1, 0))).toEqual({ kind: 'none' });
  });

  test('Enter opens the active option, the first when none is, or the search page when there is none', () => {
    expect(comboboxAction('Enter', state(2, 3))).toEqual({ kind: 'open option', index: 2 });
    expect(comboboxAction('Enter', state(-1, 3))).toEqual({ kind: 'open option', index: 0 });
    expect(comboboxAction('Enter', state(-1, 0))).toEqual({ kind: 'open search page' });
    expect(comboboxAction('Enter', state(-1, 0, false, false))).toEqual({ kind: 'none' });
  });

  test('Escape closes an open list, and leaves the box when it is closed', () => {
    expect(comboboxAction('Escape', state(1, 3, true))).toEqual({ kind: 'close' });
    expect(comboboxAction('Escape', state(-1, 3, false))).toEqual({ kind: 'leave' });
    expect(comboboxAction('a', state(0, 3))).toEqual({ kind: 'none' });
  });

  test('any list: arrows stay in it, and stepping down count times comes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -1, max: 49 }), fc.constantFrom('ArrowDown', 'ArrowUp'), (count, start, key) => {
        let active = Math.min(start, count - 1);
        const first = comboboxAction(key, state(active, count));
        if (first.kind !== 'move') throw new Error('an arrow in a list moves');
        expect(first.to).toBeGreaterThanOrEqual(0);
        expect(first.to).toBeLessThan(count);
        active = first.to;
        for (let i = 0; i < count; i++) {
          const next = comboboxAction(key, state(active, count));
          if (next.kind !== 'move') throw new Error('an arrow in a list moves');
          active = next.to;
        }
        expect(active).toBe(first.to);
      }),
    );
  });
});
