import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { insideFrame, overlaps, placeLabels, shortLabel, type LabelCandidate } from '../../../src/lib/graph-view/label-placement.ts';

const FRAME = { width: 400, height: 300 };
const label = (id: string, x: number, y: number, priority: number, width = 60): LabelCandidate => ({ id, x, y, radius: 4, width, height: 16, priority });

describe('placeLabels', () => {
  test('writes a label right of its dot when there is room', () => {
    const [box] = placeLabels([label('a', 100, 100, 1)], FRAME, { gap: 2 });
    expect(box).toMatchObject({ id: 'a', x: 106, y: 92, width: 60, height: 16 });
  });

  test('gives the more important of two crowded labels the first place, and moves the other', () => {
    const placed = placeLabels([label('minor', 100, 100, 1), label('major', 100, 100, 5)], FRAME, { gap: 2 });
    expect(placed.map((box) => box.id)).toEqual(['major', 'minor']);
    expect(placed[0]!.x).toBeGreaterThan(100); // right of the dot
    expect(placed[1]!.x + placed[1]!.width).toBeLessThan(100); // left of it
  });

  test('drops the least important label when none of its places is free', () => {
    // Five narrow labels on one dot: right, left, above and below hold four; the fifth has no place.
    const crowd = ['a', 'b', 'c', 'd', 'e'].map((id, rank) => label(id, 200, 150, 10 - rank, 6));
    const placed = placeLabels(crowd, FRAME, { gap: 2 });
    expect(placed.map((box) => box.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('keeps labels inside the frame: one at the right edge goes left, one that fits nowhere is left out', () => {
    const [edge] = placeLabels([label('edge', 390, 100, 1)], FRAME);
    expect(edge!.x + edge!.width).toBeLessThanOrEqual(390);
    expect(placeLabels([label('wide', 200, 150, 1, 500)], FRAME)).toEqual([]);
    expect(placeLabels([label('outside', -50, 150, 1)], FRAME)).toEqual([]);
  });

  test('equal priorities keep the order they came in', () => {
    const placed = placeLabels([label('first', 100, 100, 1), label('second', 100, 100, 1)], FRAME);
    expect(placed.map((box) => box.id)).toEqual(['first', 'second']);
  });

  test('places one of the candidates that share an id: the longer form where it fits, else the shorter', () => {
    const name = (width: number, priority: number): LabelCandidate => ({ ...label('group', 200, 150, priority, width), text: `w${width}`, radius: 0, sides: ['centre'] });
    expect(placeLabels([name(300, 2), name(100, 1)], FRAME).map((box) => box.text)).toEqual(['w300']);
    expect(placeLabels([name(500, 2), name(100, 1)], FRAME).map((box) => box.text)).toEqual(['w100']);
  });

  test('stops at the limit', () => {
    const spread = Array.from({ length: 10 }, (_, index) => label(String(index), 20, 15 + index * 28, index));
    expect(placeLabels(spread, FRAME, { limit: 3 }).map((box) => box.id)).toEqual(['9', '8', '7']);
  });

  test('never overlaps two labels or leaves the frame, and places the most important label that fits alone', () => {
    const candidate = fc.record({
      x: fc.double({ min: -50, max: 450, noNaN: true }),
      y: fc.double({ min: -50, max: 350, noNaN: true }),
      radius: fc.double({ min: 0, max: 16, noNaN: true }),
      width: fc.double({ min: 1, max: 250, noNaN: true }),
      height: fc.double({ min: 8, max: 24, noNaN: true }),
      priority: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (raw, gap) => {
        const candidates = raw.map((entry, index) => ({ ...entry, id: String(index) }));
        const placed = placeLabels(candidates, FRAME, { gap });
        for (const [at, box] of placed.entries()) {
          expect(insideFrame(box, FRAME)).toBe(true);
          for (const other of placed.slice(at + 1)) expect(overlaps(box, other)).toBe(false);
        }
        // The first candidate in priority order that fits the frame somewhere always gets its place.
        const fitting = candidates
          .filter((c) => placeLabels([c], FRAME, { gap }).length === 1)
          .sort((a, b) => b.priority - a.priority || Number(a.id) - Number(b.id))[0];
        if (fitting) expect(placed.map((box) => box.id)).toContain(fitting.id);
      }),
    );
  });
});

describe('overlaps', () => {
  test.each([
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }, 0, false],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 10, height: 10 }, 0, true],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 11, y: 0, width: 10, height: 10 }, 2, true],
  ])('%j and %j with gap %i: %s', (a, b, gap, expected) => {
    expect(overlaps(a, b, gap)).toBe(expected);
    expect(overlaps(b, a, gap)).toBe(expected);
  });
});

test.each([
  ['Short', 32, 'Short'],
  ['A title of exactly ten', 22, 'A title of exactly ten'],
  ['A much longer title than fits', 10, 'A much lo…'],
  ['知的生産術のための長いタイトル', 6, '知的生産術…'],
])('shortLabel(%j, %i) is %j', (title, max, expected) => {
  expect(shortLabel(title, max)).toBe(expected);
  expect([...shortLabel(title, max)].length).toBeLessThanOrEqual(max);
});
