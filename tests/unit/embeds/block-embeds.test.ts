import { describe, expect, test } from 'vitest';
import { embeddedSection } from '../../../src/lib/embeds/note-embeds.ts';
import { isBlockReference } from '../../../src/lib/links/block-references.ts';
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
