import { describe, expect, test } from 'vitest';
import { packHtml } from '../../../src/lib/cache/note-html-file.ts';

describe('packHtml', () => {
  test('each slice gives back its note, Japanese and emoji included', () => {
    const htmls = ['<p>one</p>', '', '<p>知的生産術 🎉</p>', '<p>last</p>'];
    const { bytes, slices } = packHtml(htmls);
    expect(slices.map(({ offset, length }) => bytes.subarray(offset, offset + length).toString('utf8'))).toEqual(htmls);
    expect(bytes.length).toBe(htmls.reduce((sum, html) => sum + Buffer.byteLength(html), 0));
  });
});
