import { describe, expect, test } from 'vitest';
import { decodeNoteBytes } from '../../../src/lib/notes/note-text.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeNoteBytes', () => {
  test('reads UTF-8, Japanese and emoji included, with no warning', () => {
    expect(decodeNoteBytes(bytes('知的生産術 🪴\nline two'))).toEqual({ text: '知的生産術 🪴\nline two', invalidUtf8Line: undefined, encoding: 'utf-8' });
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
    expect(decodeNoteBytes(new Uint8Array())).toEqual({ text: '', invalidUtf8Line: undefined, encoding: 'utf-8' });
  });
  test.each([
    ['little-endian', 'utf-16le' as const, (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['big-endian', 'utf-16be' as const, (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('reads UTF-16 %s with a byte order mark, without the mark and with no warning', (_order, encoding, encode) => {
    expect(decodeNoteBytes(encode('---\r\ntitle: "知的 🪴"\r\n---\r\nbody'))).toEqual({
      text: '---\r\ntitle: "知的 🪴"\r\n---\r\nbody',
      invalidUtf8Line: undefined,
      encoding,
    });
  });
  test('names the line of a lone surrogate in UTF-16', () => {
    const units = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('one\ntwo ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' three', 'utf16le')]);
    expect(decodeNoteBytes(units)).toMatchObject({ invalidUtf8Line: 2, encoding: 'utf-16le' });
  });
  test('bytes FF FE only at the start mean UTF-16; elsewhere they are not UTF-8', () => {
    expect(decodeNoteBytes(bytes('a ', [0xff, 0xfe]))).toMatchObject({ invalidUtf8Line: 1, encoding: 'utf-8' });
  });
});
