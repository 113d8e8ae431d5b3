/** The build's one line about embeds (`src/loaders/build-report.ts`). */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { embedsLine, printable } from '../../../src/loaders/build-report.ts';
import type { EmbedCounts } from '../../../src/loaders/assemble-notes.ts';

const none: EmbedCounts = { notes: { written: 0, shown: 0 }, images: { written: 0, shown: 0, encoded: 0, reused: 0 }, files: { written: 0, linked: 0 } };

describe('embedsLine', () => {
  test('says nothing when no note embeds anything', () => {
    expect(embedsLine(none)).toBeUndefined();
  });
  test('counts what was written and what was shown, of each kind', () => {
    const counts: EmbedCounts = { notes: { written: 4, shown: 3 }, images: { written: 5, shown: 4, encoded: 1, reused: 3 }, files: { written: 2, linked: 1 } };
    expect(embedsLine(counts)).toBe(
      'embeds: 4 of notes, 3 shown; 5 of images, 4 shown (1 encoded, 3 from the cache); 2 of other files, 1 linked',
    );
  });
  test('speaks up for a single file embed', () => {
    expect(embedsLine({ ...none, files: { written: 1, linked: 1 } })).toMatch(/^embeds: 0 of notes.*1 of other files, 1 linked$/);
  });
});

describe('printable', () => {
  test.each([
    ['a new line in a file name', 'a\nb.md: bytes here are not UTF-8', 'a\\x0Ab.md: bytes here are not UTF-8'],
    ['an escape sequence that would clear the terminal', '\u001b[2J.md: x', '\\x1B[2J.md: x'],
    ['a C1 control and a line separator', 'a\u0085b\u2028c', 'a\\x85b\\u2028c'],
    ['text with none', 'テスト.md:3: the link [[x]] names no page', 'テスト.md:3: the link [[x]] names no page'],
  ])('shows %s on one line', (_case, line, shown) => {
    expect(printable(line)).toBe(shown);
  });

  test('always gives one line, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (line) => {
        const shown = printable(line);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(line)) expect(shown).toBe(line);
      }),
    );
  });
});
