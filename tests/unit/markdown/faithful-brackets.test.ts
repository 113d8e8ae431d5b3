import { unified } from 'unified';
import remarkWikiLink from 'remark-wiki-link';
import { beforeAll, describe, expect, test } from 'vitest';
import { remarkFaithfulBrackets } from '../../../src/lib/markdown/faithful-brackets.ts';
import { createNoteRenderer, type NoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { readIndependently } from '../../support/independent-links.ts';

const index = buildTitleIndex([
  { title: 'Video Editing', filePath: 'Video Editing.md' },
  { title: 'Game Theory [3rd ed.', filePath: 'Game Theory [3rd ed..md' },
]);

let renderer: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(index, '/');
});

const VIDEO = '<a href="/notes/video_editing/" class="wiki-link">Video Editing</a>';
const missing = (slug: string, text: string) => `<a href="/notes/${slug}/" class="wiki-link wiki-link-missing">${text}</a>`;

// Each case: the Markdown, the HTML it renders to, the link texts recorded for the link graph.
const CASES: [what: string, markdown: string, html: string, links: string[]][] = [
  [
    'a [ before [[ as text, keeping the Markdown link around the wiki link working',
    '[[[Video Editing]] How to use Premiere Pro []](https://example.com/premiere)',
    `<p>${VIDEO} <a href="https://example.com/premiere">How to use Premiere Pro []</a></p>`,
    ['Video Editing'],
  ],
  [
    'a [ before [[ as text when no Markdown link follows',
    'from there [[[Video Editing]] is hard',
    `<p>from there [${VIDEO} is hard</p>`,
    ['Video Editing'],
  ],
  ['[[[x]]] as [x] with x linked', '[[[Video Editing]]]', `<p>[${VIDEO}]</p>`, ['Video Editing']],
  [
    'eight brackets deep as the innermost link',
    '[[[[[[[[Target]]]]]]]]',
    `<p>[[[[[[${missing('target', 'Target')}]]]]]]</p>`,
    ['Target'],
  ],
  ['nested links as the innermost one', '[[a [[b [[c]] d]] e]]', `<p>[[a [[b ${missing('c', 'c')} d]] e]]</p>`, ['c']],
  ['a [ after [[ and spaces as text', '[[ [x]]', '<p>[[ [x]]</p>', []],
  [
    'a wiki link at the end of a Markdown link’s text after it',
    '[see [[Video Editing]]](https://example.org/)',
    `<p><a href="https://example.org/">see</a> ${VIDEO}</p>`,
    ['Video Editing'],
  ],
  [
    'a Markdown link that is only a wiki link as the wiki link',
    '[[[Video Editing]]](https://example.org/)',
    `<p>${VIDEO}</p>`,
    ['Video Editing'],
  ],
  [
    'a second Markdown link on the line unharmed',
    'The [[National Aristocracy]] [[[Video Editing]] and more] 1 [site](https://example.org/)',
    `<p>The ${missing('national_aristocracy', 'National Aristocracy')} [${VIDEO} and more] 1 <a href="https://example.org/">site</a></p>`,
    ['National Aristocracy', 'Video Editing'],
  ],
  [
    'a [ inside a title as part of it',
    '[[Game Theory [3rd ed.]]',
    '<p><a href="/notes/game_theory_%5B3rd_ed./" class="wiki-link">Game Theory [3rd ed.</a></p>',
    ['Game Theory [3rd ed.'],
  ],
];

describe('faithful brackets', () => {
  test.each(CASES)('renders %s', async (_what, markdown, html, links) => {
    const result = await renderer.render(markdown, 'note.md');
    expect(result.html).toBe(html);
    expect(result.links.map(({ text }) => text)).toEqual(links);
  });

  test.each(CASES)('the independent corpus reading agrees on %s', (_what, markdown, _html, links) => {
    expect(readIndependently('note.md', markdown).links).toEqual(links);
  });

  test('never records a link whose text starts with [, however deep the brackets', async () => {
    for (let depth = 3; depth <= 12; depth++) {
      const markdown = `${'['.repeat(depth)}Target${']'.repeat(depth)} and ${'['.repeat(depth)}a [[b]] c${']'.repeat(depth)}`;
      const { links, html } = await renderer.render(markdown, 'note.md');
      expect(links.map(({ text }) => text)).toEqual(['Target', 'b']);
      expect(html).not.toMatch(/<a [^>]*>[^<]*<a /);
    }
  });

  test('leaves [[[…]]] in code alone', async () => {
    const { html, links } = await renderer.render('`[[[x]]]`', 'note.md');
    expect(html).toBe('<p><code>[[[x]]]</code></p>');
    expect(links).toEqual([]);
  });

  test('stops the build with a message when remark-wiki-link is not before it', () => {
    expect(() => unified().use(remarkFaithfulBrackets).freeze()).toThrow(/right after remark-wiki-link/);
    expect(() => unified().use(remarkWikiLink).use(remarkFaithfulBrackets).freeze()).not.toThrow();
  });
});
