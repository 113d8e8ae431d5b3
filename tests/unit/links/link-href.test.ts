import { describe, expect, test } from 'vitest';
import { classesFor, hrefFor } from '../../../src/lib/links/link-href.ts';
import { AMBIGUOUS_LINK_CLASS, MISSING_LINK_CLASS, WIKI_LINK_CLASS } from '../../../src/lib/links/link-nodes.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

const index = buildTitleIndex([
  { title: 'Task Management', filePath: 'Task Management.md' },
  { title: 'LaTeX', filePath: 'LaTeX.md' },
  { title: 'Latex', filePath: 'plugins/Latex.md' },
]);
const link = (text: string, headingIds?: Set<string>) => resolveWikiLink(text, index, headingIds);

describe('hrefFor', () => {
  test.each([
    ['a note', 'Task Management', '/', '/notes/task_management/'],
    ['a note under a base path', 'Task Management', '/docs/', '/docs/notes/task_management/'],
    ['a heading of a note', 'Task Management#Why it works', '/', '/notes/task_management/#why-it-works'],
    ['a missing title', 'Nothing here yet', '/', '/notes/nothing_here_yet/'],
    ['a title two notes share', 'latex', '/', '/notes/latex/'],
  ])('links %s', (_what, text, base, href) => {
    expect(hrefFor(link(text), base)).toBe(href);
  });

  test('links a heading of the same page by its fragment alone', () => {
    expect(hrefFor(link('#Summary', new Set(['summary'])), '/docs/')).toBe('#summary');
  });
});

describe('classesFor', () => {
  test.each([
    ['a note', 'Task Management', [WIKI_LINK_CLASS]],
    ['a missing title', 'Nothing here yet', [WIKI_LINK_CLASS, MISSING_LINK_CLASS]],
    ['a title two notes share', 'latex', [WIKI_LINK_CLASS, AMBIGUOUS_LINK_CLASS]],
  ])('draws %s', (_what, text, classes) => {
    expect(classesFor(link(text))).toEqual(classes);
  });
});
