import { describe, expect, test } from 'vitest';
import { layoutHtml, packHtml } from '../../../src/lib/cache/note-html-file.ts';

describe('packHtml', () => {
  test('each slice gives back its note, Japanese and emoji included', () => {
    const htmls = ['<p>one</p>', '', '<p>知的生産術 🎉</p>', '<p>last</p>'];
    const { bytes, slices } = packHtml(htmls);
    expect(slices.map(({ offset, length }) => bytes.subarray(offset, offset + length).toString('utf8'))).toEqual(htmls);
    expect(bytes.length).toBe(htmls.reduce((sum, html) => sum + Buffer.byteLength(html), 0));
  });

  test('the bytes are the notes encoded end to end, a lone surrogate as U+FFFD', () => {
    const htmls = ['<p>\uD800 half</p>', '<p>é</p>', '<p>\uDC00</p>'];
    expect(packHtml(htmls).bytes.equals(Buffer.from(htmls.join(''), 'utf8'))).toBe(true);
  });
});

describe('layoutHtml', () => {
  const notes = (...htmls: string[]) => htmls.map((html) => ({ html, hash: `#${html}` }));
  /** The file as the writes leave it. */
  const apply = (file: Buffer, write: { mode: 'replace' | 'append'; bytes: Buffer }) => (write.mode === 'replace' ? write.bytes : Buffer.concat([file, write.bytes]));
  const read = (file: Buffer, slices: { offset: number; length: number }[]) => slices.map(({ offset, length }) => file.subarray(offset, offset + length).toString('utf8'));

  test('without a state, writes the file anew', () => {
    const { slices, write } = layoutHtml(notes('<p>a</p>', '<p>b</p>'));
    expect(write.mode).toBe('replace');
    expect(read(write.bytes, slices)).toEqual(['<p>a</p>', '<p>b</p>']);
  });

  test('with a state, keeps the slices of unchanged HTML and appends only the new', () => {
    const first = layoutHtml(notes('<p>a</p>', '<p>b</p>', '<p>c</p>'));
    let file = apply(Buffer.alloc(0), first.write);
    const second = layoutHtml(notes('<p>a</p>', '<p>b, edited</p>', '<p>c</p>'), first.state);
    expect(second.write).toEqual({ mode: 'append', bytes: Buffer.from('<p>b, edited</p>') });
    file = apply(file, second.write);
    expect(second.slices[0]).toEqual(first.slices[0]);
    expect(second.slices[2]).toEqual(first.slices[2]);
    expect(read(file, second.slices)).toEqual(['<p>a</p>', '<p>b, edited</p>', '<p>c</p>']);
  });

  test('writes anew once more than half of the file would be HTML no note shows', () => {
    let layout = layoutHtml(notes('<p>a</p>', '<p>b</p>'));
    let file = apply(Buffer.alloc(0), layout.write);
    const modes: string[] = [];
    for (let edit = 1; edit <= 4; edit++) {
      layout = layoutHtml(notes('<p>a</p>', `<p>b ${edit}</p>`), layout.state);
      modes.push(layout.write.mode);
      file = apply(file, layout.write);
      expect(read(file, layout.slices)).toEqual(['<p>a</p>', `<p>b ${edit}</p>`]);
    }
    expect(modes).toContain('append');
    expect(modes).toContain('replace');
    expect(file.length).toBeLessThanOrEqual(2 * layout.state.byHash.size * '<p>b 4</p>'.length + 2 * '<p>a</p>'.length);
  });

  test('the same HTML in two notes is one slice', () => {
    const { slices, write } = layoutHtml(notes('<p>same</p>', '<p>same</p>'), { size: 0, byHash: new Map() });
    expect(slices[0]).toEqual(slices[1]);
    expect(write.bytes.toString()).toBe('<p>same</p>');
  });
});
