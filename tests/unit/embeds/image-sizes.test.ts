import { describe, expect, test } from 'vitest';
import { displaySize, encodedWidths, MAX_DISPLAY_WIDTH, steppedWidths } from '../../../src/lib/embeds/image-sizes.ts';

describe('displaySize', () => {
  test.each([
    ['its own size', { width: 400, height: 200 }, undefined, { width: 400, height: 200 }],
    ['a width, the ratio kept', { width: 400, height: 200 }, { width: 100 }, { width: 100, height: 50 }],
    ['a box, the ratio kept', { width: 400, height: 200 }, { width: 300, height: 50 }, { width: 100, height: 50 }],
    ['never larger than the file', { width: 60, height: 60 }, { width: 300 }, { width: 60, height: 60 }],
    ['a huge image at most the widest shown', { width: 12000, height: 6000 }, undefined, { width: MAX_DISPLAY_WIDTH, height: 600 }],
    ['a sliver at least a pixel high', { width: 5000, height: 1 }, { width: 100 }, { width: 100, height: 1 }],
  ])('%s', (_what, original, requested, shown) => expect(displaySize(original, requested)).toEqual(shown));
});

describe('encodedWidths', () => {
  test.each([
    ['twice the width when the file has it', { width: 400, height: 200 }, { width: 1600, height: 800 }, [400, 800]],
    ['the file width when it is 1.5 times or more', { width: 400, height: 200 }, { width: 600, height: 300 }, [400, 600]],
    ['only the shown width otherwise', { width: 400, height: 200 }, { width: 500, height: 250 }, [400]],
  ])('%s', (_what, shown, original, widths) => expect(encodedWidths(shown, original)).toEqual(widths));
});

describe('steppedWidths', () => {
  test.each([
    ['the next step up', [100, 200], 1000, [128, 256]],
    ['never wider than the file', [300, 600], 500, [384, 500]],
    ['without repeats', [100, 120], 1000, [128]],
    ['a width past the last step as it is', [3000], Infinity, [3000]],
  ])('%s', (_what, widths, largest, stepped) => expect(steppedWidths(widths, largest)).toEqual(stepped));
});
