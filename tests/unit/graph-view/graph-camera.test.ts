import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { focusCamera, FOCUS_RATIO, tooltipPosition, tooltipText } from '../../../src/lib/graph-view/graph-camera.ts';

describe('focusCamera', () => {
  test('centres on the node and zooms in to the focus ratio', () => {
    expect(focusCamera({ x: 0.3, y: 0.7 }, 1)).toEqual({ x: 0.3, y: 0.7, ratio: FOCUS_RATIO });
  });
  test('keeps a closer zoom', () => {
    expect(focusCamera({ x: 0.3, y: 0.7 }, 0.05)).toEqual({ x: 0.3, y: 0.7, ratio: 0.05 });
  });
  test('for any node and zoom: centred on the node, never further out than before or than the focus ratio', () => {
    const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(coordinate, coordinate, fc.double({ min: 0.001, max: 100, noNaN: true }), (x, y, ratio) => {
        const target = focusCamera({ x, y }, ratio);
        expect([target.x, target.y]).toEqual([x, y]);
        expect(target.ratio).toBeLessThanOrEqual(Math.min(ratio, FOCUS_RATIO));
        expect(target.ratio).toBe(ratio <= FOCUS_RATIO ? ratio : FOCUS_RATIO);
      }),
    );
  });
});

describe('tooltipPosition', () => {
  test.each([
    [{ x: 10.4, y: 20.6 }, { left: '10px', top: '21px' }],
    [{ x: -3.5, y: 0 }, { left: '-3px', top: '0px' }],
  ])('%o is written %o', (at, position) => {
    expect(tooltipPosition(at)).toEqual(position);
  });
  test('for any point: whole pixels, less than half a pixel away', () => {
    const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(coordinate, coordinate, (x, y) => {
        const { left, top } = tooltipPosition({ x, y });
        expect(left).toMatch(/^-?\d+px$/);
        expect(top).toMatch(/^-?\d+px$/);
        expect(Math.abs(Number.parseInt(left, 10) - x)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(Number.parseInt(top, 10) - y)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('tooltipText', () => {
  const noNoteYet = (title: string) => `No note yet: ${title}`;
  test('a note’s title as it is', () => {
    expect(tooltipText({ label: 'Graph', kind: 'note' }, noNoteYet)).toBe('Graph');
  });
  test('a missing title says no note exists yet', () => {
    expect(tooltipText({ label: 'Graph', kind: 'missing' }, noNoteYet)).toBe('No note yet: Graph');
  });
  test('for any title: a note’s as it is, a missing one’s in the sentence', () => {
    fc.assert(
      fc.property(fc.string(), (label) => {
        expect(tooltipText({ label, kind: 'note' }, noNoteYet)).toBe(label);
        expect(tooltipText({ label, kind: 'missing' }, noNoteYet)).toBe(noNoteYet(label));
      }),
    );
  });
});
