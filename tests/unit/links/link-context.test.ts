import { describe, expect, test } from 'vitest';
import { CONTEXT_SIDE_CHARS, linkContext, type LinkContext } from '../../../src/lib/links/link-context.ts';

/** The context of the first occurrence of `link` in `text`. */
function contextOf(text: string, link: string): LinkContext {
  const start = text.indexOf(link);
  if (start < 0) throw new Error(`${link} is not in the text`);
  return linkContext(text, start, start + link.length);
}

const LONG_SENTENCE =
  'This opening sentence is long enough to push the text before the link well past the limit of one hundred and forty characters. ';

describe('linkContext', () => {
  test.each([
    ['the whole short line', 'See Task Management now.', 'Task Management', 'See ', ' now.'],
    ['a link at the start of the line', 'ground is where it starts', 'ground', '', ' is where it starts'],
    ['a link at the end of the line', 'It ends with connection', 'connection', 'It ends with ', ''],
    ['a link alone on its line', 'microscope', 'microscope', '', ''],
    ['a glued suffix as text after the link', 'well grounded', 'ground', 'well ', 'ed'],
    ['only the line holding the link', 'line one\nline with LINK here\nline three', 'LINK', 'line with ', ' here'],
    ['the first line', 'first LINK line\nsecond line', 'LINK', 'first ', ' line'],
    ['the last line', 'first line\nlast LINK', 'LINK', 'last ', ''],
    ['the line without the spaces at its ends', 'one\n   padded LINK line   \ntwo', 'LINK', 'padded ', ' line'],
    ['a Japanese line', '前の行\n今日は知的生産術の本を読む\n次の行', '知的生産術', '今日は', 'の本を読む'],
  ])('keeps %s', (_why, text, link, before, after) => {
    expect(contextOf(text, link)).toEqual({ before, linkText: link, after });
  });

  test('returns the link text as it stands in the block', () => {
    const text = 'before Label Shown after';
    expect(linkContext(text, 7, 18).linkText).toBe('Label Shown');
  });

  test('narrows a long text before the link to the link\u2019s own sentence', () => {
    expect(contextOf(`${LONG_SENTENCE}Then we mention LINK in the second sentence.`, 'LINK')).toEqual({
      before: 'Then we mention ',
      linkText: 'LINK',
      after: ' in the second sentence.',
    });
  });

  test('narrows a long text after the link to the rest of its sentence', () => {
    expect(contextOf(`Short before LINK and then the rest. ${LONG_SENTENCE}${LONG_SENTENCE}`, 'LINK')).toEqual({
      before: 'Short before ',
      linkText: 'LINK',
      after: ' and then the rest.',
    });
  });

  test('narrows Japanese text at "。"', () => {
    const text = `${'これは長い日本語の文章です。'.repeat(12)}LINKを参照。${'その後も続きます。'.repeat(20)}`;
    const context = contextOf(text, 'LINK');
    expect(context.after).toBe('を参照。');
    expect(context.before.length).toBeLessThanOrEqual(CONTEXT_SIDE_CHARS);
    expect(context.before.endsWith('です。')).toBe(true);
  });

  test('keeps a side of exactly the limit unclipped', () => {
    const before = `${'a'.repeat(CONTEXT_SIDE_CHARS - 1)} `;
    expect(contextOf(`${before}LINK`, 'LINK').before).toBe(before);
  });

  test('clips a long sentence before the link at a word, starting with "…"', () => {
    const context = contextOf(`${'word '.repeat(60)}LINK`, 'LINK');
    expect(context.before).toBe(`…${'word '.repeat(27)}`);
    expect(context.before.length).toBeLessThanOrEqual(CONTEXT_SIDE_CHARS + 1);
  });

  test('clips a long sentence after the link at a word, ending with "…"', () => {
    const context = contextOf(`LINK ${'word '.repeat(60)}`, 'LINK');
    expect(context.after).toBe(`${' word'.repeat(27)}…`);
  });

  test.each([
    ['before', `${'x'.repeat(200)} LINK`, (c: LinkContext) => c.before, `…${'x'.repeat(139)} `],
    ['after', `LINK ${'x'.repeat(200)}`, (c: LinkContext) => c.after, ` ${'x'.repeat(139)}…`],
  ])('clips a long text %s the link with no space near the cut after 140 characters', (_side, text, side, expected) => {
    expect(side(contextOf(text, 'LINK'))).toBe(expected);
  });

  test.each([
    ['before', `${'😀'.repeat(200)}xLINK`, (c: LinkContext) => c.before],
    ['after', `LINKx${'😀'.repeat(200)}`, (c: LinkContext) => c.after],
  ])('never splits an emoji (a UTF-16 surrogate pair) when clipping %s the link', (_side, text, side) => {
    const clipped = side(contextOf(text, 'LINK'));
    expect(clipped).toContain('…');
    expect(clipped.isWellFormed()).toBe(true);
  });
});
