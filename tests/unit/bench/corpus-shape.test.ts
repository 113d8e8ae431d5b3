import { describe, expect, test } from 'vitest';
import { linksOf, measureShape } from '../../../bench/corpus-shape.ts';

const note = (title: string, body: string) => ({ fileName: `${title}.md`, text: `---\ntitle: "${title}"\n---\n\n${body}` });

describe('measureShape', () => {
  test('counts a missing title by the distinct notes that link it, and links that reach a note', () => {
    const shape = measureShape([
      note('A', '[[Once]] [[once]] [[Twice]] [[Thrice]] [[B]]'),
      note('B', '[[twice]] [[Thrice]] [[a]]'),
      note('C', '[[thrice#0123456789abcdef01234567]] #Tagged'),
    ]);
    expect(shape.missingLinkedBy).toEqual({ one: 2, two: 1, threeOrMore: 1 });
    expect(shape.missingTitles).toBe(4);
    expect(shape.wikiLinkOccurrences).toBe(9);
    expect(shape.hashtagOccurrences).toBe(1);
    expect(shape.toNoteShare).toBeCloseTo(2 / 9);
  });

  test('reads no link in code, and no heading, colour or anchor as a hashtag', () => {
    expect(linksOf('---\ntitle: "x"\n---\n# Heading\n```\n[[in code]]\n```\n`[[span]]` [[real]] #tag, x#no #123 (#yes)')).toEqual({
      wiki: ['real'],
      hashtags: ['tag', 'yes'],
    });
  });
});
