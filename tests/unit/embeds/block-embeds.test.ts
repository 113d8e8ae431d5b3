import { describe, expect, test } from 'vitest';
import { embeddedSection } from '../../../src/lib/embeds/note-embeds.ts';
import { isBlockReference, missingBlockLinks } from '../../../src/lib/links/block-references.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const NOTE = '<h2 id="intro">Intro</h2>\n<p id="^para">First <a href="#intro">up</a></p>\n<ul>\n<li id="^item">An item</li>\n<li>Other</li>\n</ul>\n<p>Last</p>';

describe('embedding one block (![[Note#^id]])', () => {
  test('a paragraph alone, its id dropped and its #links sent to the note', () => {
    expect(embeddedSection(NOTE, '^para', '/notes/note/')).toEqual({ html: '<p>First <a href="/notes/note/#intro">up</a></p>' });
  });

  test('a list item inside a list of its own', () => {
    expect(embeddedSection(NOTE, '^item', '/notes/note/')).toEqual({ html: '<ul><li>An item</li></ul>' });
  });

  test('a block id the note does not have is no section', () => {
    expect(embeddedSection(NOTE, '^missing', '/notes/note/')).toBeUndefined();
  });
});

describe('links to blocks', () => {
  const index = buildTitleIndex([{ title: 'Note', filePath: 'Note.md' }]);

  test('[[Note#^id]] keeps the block id as the fragment; a heading is slugged', () => {
    expect(resolveWikiLink('Note#^block-1', index)).toMatchObject({ kind: 'note', headingId: '^block-1' });
    expect(resolveWikiLink('Note#Some Heading', index)).toMatchObject({ kind: 'note', headingId: 'some-heading' });
  });

  test.each([
    ['^abc-1', true],
    ['^', false],
    ['^a b', false],
    ['^a_b', false],
    ['abc', false],
  ])('%s is a block reference: %s', (fragment, expected) => {
    expect(isBlockReference(fragment)).toBe(expected);
  });
});

describe('links to a block the note does not have', () => {
  const index = buildTitleIndex([{ title: 'Note', filePath: 'Note.md' }]);
  const occurrence = (text: string, line: number, embed?: true) => ({ text, line, link: resolveWikiLink(text, index), ...(embed ? { embed } : {}) });
  const htmlOf = (filePath: string) => (filePath === 'Note.md' ? NOTE : '');

  test('are reported on their line; links to blocks it has, headings and embeds are not', () => {
    const links = [occurrence('Note#^para', 1), occurrence('Note#^gone', 2), occurrence('Note#Intro', 3), occurrence('Note#^gone', 4, true), occurrence('Elsewhere#^x', 5)];
    expect(missingBlockLinks(links, htmlOf)).toEqual([
      { line: 2, message: 'the link [[Note#^gone]] names a block id that "Note" does not have: it links to the top of that note. Write ^gone at the end of the block there' },
    ]);
  });
});
