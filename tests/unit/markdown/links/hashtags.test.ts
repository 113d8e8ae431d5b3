import { beforeAll, describe, expect, test } from 'vitest';
import { findHashtags } from '../../../../src/lib/markdown/links/hashtags.ts';
import { createNoteRenderer, type NoteRenderer } from '../../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../../src/lib/titles/title-index.ts';
import { readIndependently } from '../../../support/independent-links.ts';

const index = buildTitleIndex([
  { title: 'Writing method', filePath: 'Writing method.md' },
  { title: 'Scrapbox', filePath: 'Scrapbox.md' },
]);
let renderer: NoteRenderer;
let withoutHashtags: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(index, '/');
  withoutHashtags = await createNoteRenderer(index, '/', { hashtagLinks: false });
});

describe('findHashtags', () => {
  test.each([
    ['a tag at the start', '#TODO write this', ['TODO']],
    ['a tag after a space', 'see #Scrapbox here', ['Scrapbox']],
    ['"_" as a space', '#Writing_method', ['Writing method']],
    ['several tags', '#a #b\n#c', ['a', 'b', 'c']],
    ['a tag ending a sentence', 'I use #Zettelkasten.', ['Zettelkasten']],
    ['a tag in brackets', '(#TODO) and 「#メモ」', ['TODO', 'メモ']],
    ['a Japanese tag', '#知的生産 の話', ['知的生産']],
    ['a tag with a hierarchy', '#plugin/emitter', ['plugin/emitter']],
    ['a tag with a number in it', '#prosym65 #COVID-19', ['prosym65', 'COVID-19']],
    ['no "#" and a space (a heading or comment)', '# Heading', []],
    ['no "##" or "#!"', '## h2 #!/bin/sh', []],
    ['no "#" inside a word', 'C# and F# and page.html#top', []],
    ['no numbers', '#1 #57 #2024 #1-2 #69]]', []],
    ['no colour codes', '#fff #FFFFFF #0a0b0c #ffffff80 #cafe', []],
    ['a word that only looks like hex when it has other letters', '#feature #add-on', ['feature', 'add-on']],
    ['no C preprocessor lines', '#include <stdio.h>\n#define X 1\n#ifdef X', []],
    ['a preprocessor word inside a line as a tag', 'we #include everyone', ['include']],
    ['no text starting with [', '#[bracket]', []],
    ['no Scrapbox line anchor', 'see #5b4811c79f6c42000085f77b', []],
    ['a tag ending at a bracket', '#dp0Q](https://example.org) and #x(y)', ['dp0Q', 'x']],
  ])('finds %s', (_what, text, titles) => {
    expect(findHashtags(text).map(({ title }) => title)).toEqual(titles);
  });

  test('gives where each tag is and how it is written', () => {
    expect(findHashtags('x #Writing_method, y')).toEqual([{ index: 2, written: '#Writing_method', title: 'Writing method' }]);
  });

  test('takes no tag at the start of text that follows a word', () => {
    expect(findHashtags('#tag', false)).toEqual([]);
    expect(findHashtags('#tag and #other', false).map(({ title }) => title)).toEqual(['other']);
  });
});

// Each case: the Markdown, the HTML, the titles recorded for the link graph.
const RENDERED: [what: string, markdown: string, html: string, links: string[]][] = [
  [
    'a tag to its note, shown as written',
    'I use #Writing_method daily.',
    '<p>I use <a href="/notes/writing_method/" class="wiki-link hashtag">#Writing_method</a> daily.</p>',
    ['Writing method'],
  ],
  [
    'a tag without a note to its missing-title page',
    '- #TODO write this',
    '<ul>\n<li><a href="/notes/todo/" class="wiki-link wiki-link-missing hashtag">#TODO</a> write this</li>\n</ul>',
    ['TODO'],
  ],
  ['no tag in inline code', '`#include` and `#fff`', '<p><code>#include</code> and <code>#fff</code></p>', []],
  ['no tag in a code block', '```c\n#define TAG 1\n```', '', []],
  ['no tag in a link’s text or URL', '[see #this](https://example.org/#frag)', '<p><a href="https://example.org/#frag">see #this</a></p>', []],
  ['no tag inside a wiki link', '[[Social Hack Day #fifty]]', '<p><a href="/notes/social_hack_day_%EF%BC%83fifty/" class="wiki-link wiki-link-missing">Social Hack Day #fifty</a></p>', ['Social Hack Day #fifty']],
  ['no tag right after a wiki link or emphasis', '[[Scrapbox]]#x and **#y**', '<p><a href="/notes/scrapbox/" class="wiki-link">Scrapbox</a>#x and <strong>#y</strong></p>', ['Scrapbox']],
  ['no escaped tag', '\\#notatag but #tag', '<p>#notatag but <a href="/notes/tag/" class="wiki-link wiki-link-missing hashtag">#tag</a></p>', ['tag']],
  ['a tag in a heading', '## About #Scrapbox', '<h2 id="about-scrapbox">About <a href="/notes/scrapbox/" class="wiki-link hashtag">#Scrapbox</a></h2>', ['Scrapbox']],
  ['a tag in a quote', '> #Scrapbox said', '<blockquote>\n<p><a href="/notes/scrapbox/" class="wiki-link hashtag">#Scrapbox</a> said</p>\n</blockquote>', ['Scrapbox']],
];

describe('hashtags in notes', () => {
  test.each(RENDERED)('renders %s', async (_what, markdown, html, links) => {
    const result = await renderer.render(markdown, 'note.md');
    if (html) expect(result.html).toBe(html);
    expect(result.links.map(({ text }) => text)).toEqual(links);
  });

  test.each(RENDERED)('the independent corpus reading agrees on %s', (_what, markdown, _html, links) => {
    expect(readIndependently('note.md', markdown).links).toEqual(links);
  });

  test('records a tag with its context and line, as a wiki link', async () => {
    const { links } = await renderer.render('first line\nsecond #Scrapbox line', 'note.md');
    expect(links).toMatchObject([{ text: 'Scrapbox', link: { kind: 'note' }, context: { before: 'second ', linkText: '#Scrapbox', after: ' line' }, line: 2, tag: 'hashtag' }]);
  });

  test('leaves every tag as text when hashtag links are off', async () => {
    const result = await withoutHashtags.render('#TODO and #Scrapbox', 'note.md');
    expect(result.html).toBe('<p>#TODO and #Scrapbox</p>');
    expect(result.links).toEqual([]);
  });
});

describe('hashtags in what looks like a Markdown link but is none (a URL with spaces)', () => {
  test('end at the bracket, in the site and in the independent reading', async () => {
    const markdown = '- [/shiology/04340 iPad Pro is OK #dp0Q](https://scrapbox.io/shiology/04340 iPad Pro is OK #5b4811c79f6c42000085f77b)';
    const { links } = await renderer.render(markdown, 'note.md');
    expect(links.map(({ text }) => text)).toEqual(['dp0Q']);
    expect(readIndependently('note.md', markdown).links).toEqual(['dp0Q']);
  });
});

describe('hashtags inside a Markdown link that holds a wiki link', () => {
  test('stay text, in the site and in the independent reading', async () => {
    const markdown = '- summary: [Devsumi 2019 [[15-B-1]] The talk #devsumiB - Togetter []](https://togetter.com/li/1)';
    const { links, html } = await renderer.render(markdown, 'note.md');
    expect(links.map(({ text }) => text)).toEqual(['15-B-1']);
    expect(html).toContain('<a href="https://togetter.com/li/1">The talk #devsumiB - Togetter []</a>');
    expect(readIndependently('note.md', markdown).links).toEqual(['15-B-1']);
  });
});
