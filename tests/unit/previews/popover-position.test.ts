import { describe, expect, test } from 'vitest';
import { placePopover, POPOVER_GAP } from '../../../src/lib/previews/popover-position.ts';

const viewport = { width: 1000, height: 800 };
const popover = { width: 300, height: 150 };

describe('placePopover', () => {
  test('goes below the link, aligned with its start', () => {
    expect(placePopover({ top: 100, left: 200, width: 80, height: 20 }, popover, viewport)).toEqual({
      top: 100 + 20 + POPOVER_GAP,
      left: 200,
      side: 'below',
    });
  });
  test('goes above a link near the bottom of the viewport', () => {
    expect(placePopover({ top: 700, left: 200, width: 80, height: 20 }, popover, viewport)).toEqual({
      top: 700 - POPOVER_GAP - 150,
      left: 200,
      side: 'above',
    });
  });
  test('stays below when there is no room above either', () => {
    const small = { width: 400, height: 200 };
    expect(placePopover({ top: 100, left: 0, width: 50, height: 20 }, { width: 300, height: 150 }, small).side).toBe('below');
  });
  test('is moved left to stay inside the viewport', () => {
    expect(placePopover({ top: 100, left: 900, width: 80, height: 20 }, popover, viewport).left).toBe(1000 - POPOVER_GAP - 300);
  });
  test('keeps the gap from the left edge, even when wider than a phone screen', () => {
    expect(placePopover({ top: 100, left: 2, width: 80, height: 20 }, popover, viewport).left).toBe(POPOVER_GAP);
    expect(placePopover({ top: 100, left: 100, width: 80, height: 20 }, { width: 400, height: 100 }, { width: 360, height: 640 }).left).toBe(POPOVER_GAP);
  });
});
