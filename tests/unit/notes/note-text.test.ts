import { describe, expect, test } from 'vitest';
import { decodeNoteBytes } from '../../../src/lib/notes/note-text.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeNoteBytes', () => {
  test('reads UTF-8, Japanese and emoji included, with no warning', () => {
    expect(decodeNoteBytes(bytes('知的生産術 🪴\nline two'))).toEqual({ text: '知的生産術 🪴\nline two', invalidUtf8Line: undefined });
  });
  test.each([
    ['a lone continuation byte', [0x80], 1],
    ['a Latin-1 é', [0xe9], 2],
    ['a cut multi-byte character', [0xe7, 0x9f], 3],
    ['an overlong encoding', [0xc0, 0xaf], 1],
  ])('replaces %s with U+FFFD and names its line', (_what, bad, line) => {
    const before = ['', 'one\n', 'one\ntwo\n'][line - 1]!;
    const result = decodeNoteBytes(bytes(before, 'caf', bad, ' after\nlast'));
    expect(result.invalidUtf8Line).toBe(line);
    expect(result.text).toContain('\uFFFD');
    expect(result.text.endsWith(' after\nlast')).toBe(true);
  });
  test('an empty file is empty text', () => {
    expect(decodeNoteBytes(new Uint8Array())).toEqual({ text: '', invalidUtf8Line: undefined });
  });
});
