import { describe, expect, test } from 'vitest';
import { isPathLink, resolvePathLink } from '../../../src/lib/links/path-links.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([
  { title: 'Welcome', filePath: 'index.md' },
  { title: 'Features', filePath: 'features/index.md' },
  { title: 'LaTeX support', filePath: 'features/Latex.md' },
  { title: 'Layout', filePath: 'layout.md' },
  { title: 'Other note', filePath: 'Other note.md' },
  { title: 'Shared', filePath: 'a/Shared.md' },
  { title: 'shared', filePath: 'b/shared.md' },
]);

/** Where the link leads: a note's title, `ambiguous <title>` or `unresolved <path>`. */
function target(url: string, fromFile = 'index.md', base = '/'): string {
  const link = resolvePathLink(url, fromFile, index, 'label', base);
  if (link.kind === 'note') return link.note.title + (link.headingId ? `#${link.headingId}` : '');
  return link.kind === 'ambiguous' ? `ambiguous ${link.title}` : `unresolved ${link.path}`;
}

describe('isPathLink', () => {
  test.each(['features', './features', '/features', '../x.md', 'Other%20note.md', 'a?b'])('%s is a path', (url) => {
    expect(isPathLink(url)).toBe(true);
  });
  test.each(['https://example.org/x', 'mailto:a@b.c', 'javascript:alert(1)', '//host/x', '#heading', '', '  '])('%j is not', (url) => {
    expect(isPathLink(url)).toBe(false);
  });
});

describe('resolvePathLink', () => {
  test.each([
    // Quartz's docs: a folder, from the root note, relative and absolute.
    ['./features', 'index.md', 'Features'],
    ['/features', 'index.md', 'Features'],
    ['/features/', 'index.md', 'Features'],
    // A file path, with or without `.md`, relative to the linking note's folder.
    ['Latex.md', 'features/index.md', 'LaTeX support'],
    ['./Latex', 'features/index.md', 'LaTeX support'],
    ['../layout.md', 'features/Latex.md', 'Layout'],
    ['/features/Latex.md', 'layout.md', 'LaTeX support'],
    // Percent-encoded, as Obsidian writes spaces; a title works as well as a path.
    ['Other%20note.md', 'index.md', 'Other note'],
    ['<Other note>', 'index.md', 'unresolved /<Other note>'],
    ['other_note', 'index.md', 'Other note'],
    ['LaTeX support', 'features/index.md', 'LaTeX support'],
    // A heading, given as written or as its id.
    ['layout.md#Page Layout', 'index.md', 'Layout#page-layout'],
    ['layout.md#page-layout', 'index.md', 'Layout#page-layout'],
    ['layout.md?x=1', 'index.md', 'Layout'],
    // A site URL as the site writes it.
    ['/notes/layout/', 'features/Latex.md', 'Layout'],
    ['/wiki/notes/layout/', 'index.md', 'Layout'],
    // A title two notes share goes to the page listing them.
    ['a/Shared.md', 'index.md', 'Shared'],
    ['Shared', 'index.md', 'ambiguous Shared'],
    // Nothing there.
    ['component.md', 'layout.md', 'unresolved /component'],
    ['1961', 'index.md', 'unresolved /1961'],
    ['../../etc/passwd', 'features/Latex.md', 'unresolved /../etc/passwd'],
    ['%2e%2e/%2e%2e/secret', 'index.md', 'unresolved /../../secret'],
    ['/', 'index.md', 'unresolved /'],
  ])('%s from %s leads to %s', (url, from, expected) => {
    expect(target(url, from, url.startsWith('/wiki/') ? '/wiki/' : '/')).toBe(expected);
  });

  test('a path above the content folder never reaches a note, even one of that name', () => {
    expect(target('../index.md', 'index.md')).toBe('unresolved /../index.md');
  });
});
