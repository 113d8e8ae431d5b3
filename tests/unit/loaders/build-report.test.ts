/** The build's one line about embeds (`src/loaders/build-report.ts`). */
import { describe, expect, test } from 'vitest';
import { embedsLine } from '../../../src/loaders/build-report.ts';
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
