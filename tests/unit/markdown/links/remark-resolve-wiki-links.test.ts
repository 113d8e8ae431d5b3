import type { Heading, Paragraph, PhrasingContent, Root, RootContent, TableCell, Text } from 'mdast';
import { describe, expect, test } from 'vitest';
import { MISSING_LINK_CLASS, WIKI_LINK_CLASS, type WikiLinkNode, type WikiLinkOccurrence } from '../../../../src/lib/links/link-nodes.ts';
import { remarkResolveWikiLinks, type RemarkResolveWikiLinksOptions } from '../../../../src/lib/markdown/links/remark-resolve-wiki-links.ts';
import { buildTitleIndex } from '../../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([
  { title: 'Task Management', filePath: 'Task Management.md' },
  { title: 'Layout', filePath: 'layout.md' },
  { title: 'microscope', filePath: 'microscope.md' },
  { title: 'Social Hack Day #57', filePath: 'Social Hack Day #57.md' },
  { title: 'Start/expand/connect', filePath: 'Start-expand-connect.md' },
]);

interface FileLike {
  data: { wikiLinks?: WikiLinkOccurrence[] };
}
type Transform = (tree: Root, file: FileLike) => void;

/** Runs the plugin's transformer on a tree, as unified would after remark-wiki-link. */
function run(tree: Root, base = '/'): WikiLinkOccurrence[] {
  const transform = (remarkResolveWikiLinks as unknown as (options: RemarkResolveWikiLinksOptions) => Transform)({
    index,
    base,
  });
  const file: FileLike = { data: {} };
  transform(tree, file);
  if (!file.data.wikiLinks) throw new Error('the plugin did not record file.data.wikiLinks');
  return file.data.wikiLinks;
}

const text = (value: string): Text => ({ type: 'text', value });
const wiki = (value: string, line?: number): WikiLinkNode =>
  line === undefined
    ? { type: 'wikiLink', value }
    : ({
        type: 'wikiLink',
        value,
        position: { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } },
      } as WikiLinkNode);
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const root = (...children: RootContent[]): Root => ({ type: 'root', children });

describe('remarkResolveWikiLinks rendering', () => {
  test.each([
    ['a note', 'task management', '/', '/notes/task_management/', [WIKI_LINK_CLASS], 'task management'],
    ['a note under a base path', 'Task Management', '/docs/', '/docs/notes/task_management/', [WIKI_LINK_CLASS], 'Task Management'],
    ['a missing page', 'connection', '/', '/notes/connection/', [WIKI_LINK_CLASS, MISSING_LINK_CLASS], 'connection'],
    ['a title with "#"', 'Social Hack Day #57', '/', '/notes/social_hack_day_%EF%BC%8357/', [WIKI_LINK_CLASS], 'Social Hack Day #57'],
    ['a title with "/"', 'Start/expand/connect', '/', '/notes/start/expand/connect/', [WIKI_LINK_CLASS], 'Start/expand/connect'],
    ['a note heading', 'layout#Grid Areas', '/', '/notes/layout/#grid-areas', [WIKI_LINK_CLASS], 'layout#Grid Areas'],
    ['a Scrapbox title starting with "#"', '#EasyVotingGuide', '/', '/notes/%EF%BC%83easyvotingguide/', [WIKI_LINK_CLASS, MISSING_LINK_CLASS], '#EasyVotingGuide'],
    ['an alias', 'layout|the layout page', '/', '/notes/layout/', [WIKI_LINK_CLASS], 'the layout page'],
    ['a line anchor', 'microscope#61c4202842774800007bdaa3', '/', '/notes/microscope/', [WIKI_LINK_CLASS], 'microscope'],
  ])('renders a link to %s as an <a>', (_what, value, base, href, className, label) => {
    const node = wiki(value);
    run(root(paragraph(node)), base);
    expect(node.data).toEqual({
      hName: 'a',
      hProperties: { href, className },
      hChildren: [{ type: 'text', value: label }],
    });
  });

  test.each([
    ['a heading of the note', [text('Customization')], '#customization', [WIKI_LINK_CLASS]],
    ['a heading with inline code', [text('The '), { type: 'inlineCode', value: 'base' } as PhrasingContent, text(' option')], '#the-base-option', [WIKI_LINK_CLASS]],
  ])('renders [[#…]] to %s as a same-page link', (_what, headingChildren, href, className) => {
    const node = wiki(`#${headingChildren.map((child) => (child as Text).value).join('')}`);
    run(root({ type: 'heading', depth: 2, children: headingChildren }, paragraph(node)), '/site/');
    expect(node.data?.hProperties).toEqual({ href, className });
  });

  test('renders [[#…]] to a heading that holds an aliased wiki link as a same-page link', () => {
    // The heading reads "About the layout" on the page, so Astro gives it the id about-the-layout.
    const node = wiki('#About the layout');
    run(root({ type: 'heading', depth: 2, children: [text('About '), wiki('layout|the layout')] }, paragraph(node)));
    expect(node.data?.hProperties).toEqual({ href: '#about-the-layout', className: [WIKI_LINK_CLASS] });
  });

  test('renders [[#…]] to a heading further down the note as a same-page link', () => {
    const node = wiki('#Later Section');
    run(root(paragraph(node), { type: 'heading', depth: 3, children: [text('Later Section')] }));
    expect(node.data?.hProperties).toEqual({ href: '#later-section', className: [WIKI_LINK_CLASS] });
  });

  test('numbers repeated headings as Astro does, so [[#…]] finds the second one', () => {
    const node = wiki('#Notes-1');
    run(
      root(
        { type: 'heading', depth: 2, children: [text('Notes')] },
        { type: 'heading', depth: 2, children: [text('Notes')] },
        paragraph(node),
      ),
    );
    expect(node.data?.hProperties).toEqual({ href: '#notes-1', className: [WIKI_LINK_CLASS] });
  });

  test('keeps data already on the node', () => {
    const node: WikiLinkNode = { type: 'wikiLink', value: 'microscope', data: { embed: true } };
    run(root({ type: 'heading', depth: 2, children: [node] }));
    expect(node.data).toMatchObject({ embed: true, hName: 'a' });
  });

  test('records an empty list for a note without links', () => {
    expect(run(root(paragraph(text('No links, only [brackets].'))))).toEqual([]);
  });
});

describe('remarkResolveWikiLinks embeds', () => {
  test.each([
    ['an embed of a missing title', '![[nowhere]]', [['link', 'nowhere']]],
    ['an embed in a heading', 'look ![[microscope]] here', [['text', 'look '], ['link', 'microscope'], ['text', ' here']]],
    ['an image embed', '![[nowhere]] and ![[chart.png]]', [['link', 'nowhere'], ['text', ' and '], ['file', 'chart.png']]],
    ['an embed with a size', '![[quartz-layout-desktop.png|800]]', [['file', 'quartz-layout-desktop.png']]],
  ])('turns %s into a wiki link or a file marker', (what, value, expected) => {
    const block: Paragraph | Heading = what.includes('heading') ? { type: 'heading', depth: 2, children: [text(value)] } : paragraph(text(value));
    run(root(block));
    expect(
      block.children.map((child) =>
        child.type === 'wikiLink' ? ['link', child.value] : child.type === 'embedSlot' ? ['file', child.data.hChildren[0]!.value] : ['text', (child as Text).value],
      ),
    ).toEqual(expected);
    for (const child of block.children) {
      if (child.type === 'wikiLink') expect(child.data).toMatchObject({ embed: true, hName: 'a' });
    }
  });

  test('makes a note embed in a paragraph a block of its own, the paragraph split around it', () => {
    const tree = root(paragraph(text('look ![[microscope]] here')));
    const links = run(tree);
    expect(tree.children.map((child) => child.type)).toEqual(['paragraph', 'wikiLink', 'paragraph']);
    expect((tree.children[1] as WikiLinkNode).data).toMatchObject({ embed: true, hName: 'div' });
    // The context is that of the paragraph as written.
    expect(links[0]?.context).toEqual({ before: 'look ', linkText: 'microscope', after: ' here' });
  });

  test.each([
    ['text without an embed', 'plain [[text]] written out'],
    ['an unclosed embed', 'broken ![[microscope'],
    ['an empty embed', 'empty ![[]] here'],
  ])('leaves %s as text', (_what, value) => {
    const para = paragraph(text(value));
    expect(run(root(para))).toEqual([]);
    expect(para.children).toEqual([text(value)]);
  });

  test('links an embed to its page and records it like any link', () => {
    const links = run(root(paragraph(text('see ![[microscope]] now'))));
    expect(links).toHaveLength(1);
    expect(links[0]?.link).toMatchObject({ kind: 'note', note: { title: 'microscope' } });
    expect(links[0]?.context).toEqual({ before: 'see ', linkText: 'microscope', after: ' now' });
  });

  test('gives an embed the line it is written on', () => {
    const para = paragraph({
      type: 'text',
      value: 'first line\nsecond ![[microscope]]',
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 23, offset: 33 } },
    });
    const [occurrence] = run(root(para));
    expect(occurrence?.line).toBe(2);
  });
});

describe('remarkResolveWikiLinks occurrences', () => {
  test('records every link in document order with its resolution and line', () => {
    const links = run(
      root(
        paragraph(text('one '), wiki('Task Management', 1)),
        paragraph(wiki('connection', 3), wiki('#Top', 3)),
        { type: 'heading', depth: 2, children: [text('Top')] },
      ),
    );
    expect(links.map((occurrence) => [occurrence.link.kind, occurrence.line])).toEqual([
      ['note', 1],
      ['missing', 3],
      ['same-page-heading', 3],
    ]);
  });

  test('has no line for a node without a position', () => {
    expect(run(root(paragraph(wiki('Task Management'))))[0]?.line).toBeUndefined();
  });

  test('uses the rendered labels, not the link source, in the context text', () => {
    const [first, second] = run(
      root(paragraph(text('See '), wiki('layout|the layout'), text(' and '), wiki('microscope#61c4202842774800007bdaa3'), text('.'))),
    );
    expect(first?.context).toEqual({ before: 'See ', linkText: 'the layout', after: ' and microscope.' });
    expect(second?.context).toEqual({ before: 'See the layout and ', linkText: 'microscope', after: '.' });
  });

  test('keeps a glued suffix ([[ground]]ed) in the context after the link', () => {
    const [occurrence] = run(root(paragraph(wiki('ground'), text('ed the idea'))));
    expect(occurrence?.context).toEqual({ before: '', linkText: 'ground', after: 'ed the idea' });
  });

  test('reads the text inside emphasis, strong, inline code and plain links', () => {
    const [occurrence] = run(
      root(
        paragraph(
          { type: 'emphasis', children: [text('very ')] },
          { type: 'strong', children: [text('bold '), wiki('microscope')] },
          text(' with '),
          { type: 'inlineCode', value: 'code' },
          text(' and '),
          { type: 'link', url: 'https://example.com', children: [text('a site')] },
        ),
      ),
    );
    expect(occurrence?.context).toEqual({ before: 'very bold ', linkText: 'microscope', after: ' with code and a site' });
  });

  test('cuts the context at a hard line break', () => {
    const [occurrence] = run(root(paragraph(text('first line'), { type: 'break' }, text('second '), wiki('microscope'))));
    expect(occurrence?.context).toEqual({ before: 'second ', linkText: 'microscope', after: '' });
  });

  test('cuts the context at a soft line break inside a paragraph', () => {
    const [occurrence] = run(root(paragraph(text('one line\nthe '), wiki('microscope'), text(' line\nlast'))));
    expect(occurrence?.context).toEqual({ before: 'the ', linkText: 'microscope', after: ' line' });
  });

  test('takes a table cell, not the whole row, as the context of a link in a table', () => {
    const cell = (...children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
    const links = run(
      root({
        type: 'table',
        children: [
          { type: 'tableRow', children: [cell(text('Page')), cell(text('Note'))] },
          { type: 'tableRow', children: [cell(wiki('layout\\|Layout')), cell(text('about '), wiki('microscope'))] },
        ],
      }),
    );
    expect(links.map((occurrence) => occurrence.context)).toEqual([
      { before: '', linkText: 'Layout', after: '' },
      { before: 'about ', linkText: 'microscope', after: '' },
    ]);
  });

  test('takes the heading as the context of a link in a heading', () => {
    const [occurrence] = run(
      root(
        { type: 'heading', depth: 2, children: [text('About '), wiki('microscope')] },
        paragraph(text('Unrelated text.')),
      ),
    );
    expect(occurrence?.context).toEqual({ before: 'About ', linkText: 'microscope', after: '' });
  });

  test('takes each paragraph of a list item on its own', () => {
    const links = run(
      root({
        type: 'list',
        ordered: false,
        spread: true,
        children: [
          {
            type: 'listItem',
            spread: true,
            children: [paragraph(text('item '), wiki('microscope')), paragraph(text('more about '), wiki('layout'))],
          },
        ],
      }),
    );
    expect(links.map((occurrence) => occurrence.context.before)).toEqual(['item ', 'more about ']);
  });
});
