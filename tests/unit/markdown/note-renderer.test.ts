import { encodeMarker } from '../../../src/lib/embeds/embed-markers.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer, type NoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { hrefForSlug, type NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { buildLinkGraph } from '../../../src/lib/links/link-graph.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { headingId } from '../../../src/lib/links/wiki-links.ts';
import { titleKey } from '../../../src/lib/titles/titles.ts';

const CYBOZU = 'The easiest way to explain plurality, including company case studies | The Cybozu Method';
const ICON = `<img src='https://scrapbox.io/api/pages/nishio-en/nishio/icon' alt='nishio.icon' height="19.5"/>`;

const index = buildTitleIndex([
  { title: 'Task Management', filePath: 'Task Management.md' },
  { title: 'Social Hack Day #57', filePath: 'Social Hack Day #57.md' },
  { title: 'ScrapboxSQUARE#2', filePath: 'ScrapboxSQUARE#2.md' },
  { title: '#Generation Z values', filePath: '#Generation Z values.md' },
  { title: 'lexical link', filePath: 'lexical link.md' },
  { title: CYBOZU, filePath: 'Cybozu.md' },
  { title: 'Layout', filePath: 'layout.md' },
  { title: 'ground', filePath: 'ground.md' },
  { title: 'microscope', filePath: 'microscope.md' },
  { title: 'Start/expand/connect', filePath: 'Start-expand-connect.md' },
  { title: 'Also available in black.', filePath: 'Also available in black..md' },
  { title: '"Quoted" phrase', filePath: 'Quoted.md' },
  { title: "'Somebody's' idea of a title.\"", filePath: 'Somebody.md' },
  { title: '(Parenthesised) start', filePath: 'Parenthesised.md' },
  { title: '&Co', filePath: 'Co.md' },
  { title: '知的生産術', filePath: '知的生産術.md' },
]);

let renderer: NoteRenderer;
let docsRenderer: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(index, '/');
  docsRenderer = await createNoteRenderer(index, '/docs/');
});

const html = async (markdown: string) => (await renderer.render(markdown, 'note.md')).html;
const count = (text: string, part: string) => text.split(part).length - 1;

describe('createNoteRenderer wiki links', () => {
  test.each([
    [
      '[[task management]] to the note titled Task Management',
      'See [[task management]] now.',
      '<p>See <a href="/notes/task_management/" class="wiki-link">task management</a> now.</p>',
    ],
    [
      '[[Social Hack Day #57]] whole, before any heading split',
      '[[Social Hack Day #57]]',
      '<p><a href="/notes/social_hack_day_%EF%BC%8357/" class="wiki-link">Social Hack Day #57</a></p>',
    ],
    [
      '[[ScrapboxSQUARE#2]] whole',
      '[[ScrapboxSQUARE#2]]',
      '<p><a href="/notes/scrapboxsquare%EF%BC%832/" class="wiki-link">ScrapboxSQUARE#2</a></p>',
    ],
    [
      '[[#Generation Z values]] to its note',
      '[[#Generation Z values]]',
      '<p><a href="/notes/%EF%BC%83generation_z_values/" class="wiki-link">#Generation Z values</a></p>',
    ],
    [
      'a Scrapbox line anchor to the page',
      '[[lexical link#61c4202842774800007bdaa3]]',
      '<p><a href="/notes/lexical_link/" class="wiki-link">lexical link</a></p>',
    ],
    [
      'a Scrapbox title with " | " as one link',
      `[[${CYBOZU}]]`,
      `<p><a href="/notes/the_easiest_way_to_explain_plurality,_including_company_case_studies_%7C_the_cybozu_method/" class="wiki-link">${CYBOZU}</a></p>`,
    ],
    ['an Obsidian alias', '[[layout|the layout page]]', '<p><a href="/notes/layout/" class="wiki-link">the layout page</a></p>'],
    [
      '[[Page#Heading]] to the heading id',
      '[[layout#Grid Areas]]',
      '<p><a href="/notes/layout/#grid-areas" class="wiki-link">layout#Grid Areas</a></p>',
    ],
    [
      '[[#Heading]] on the same page',
      '## Customization\n\nSee [[#Customization]]',
      '<h2 id="customization">Customization</h2>\n<p>See <a href="#customization" class="wiki-link">#Customization</a></p>',
    ],
    [
      '[[#Title]] with no such heading as a Scrapbox title',
      '> [someone](https://example.com/status/1) [[#EasyVotingGuide]]',
      '<blockquote>\n<p><a href="https://example.com/status/1">someone</a> <a href="/notes/%EF%BC%83easyvotingguide/" class="wiki-link wiki-link-missing">#EasyVotingGuide</a></p>\n</blockquote>',
    ],
    [
      '[[ground]]ed, keeping "ed" as text',
      '[[ground]]ed',
      '<p><a href="/notes/ground/" class="wiki-link">ground</a>ed</p>',
    ],
    [
      'an ![[embed]] of a note as a block marker, filled in when the page is assembled',
      '![[microscope]]',
      `<div data-embed="${encodeMarker({ kind: 'note', text: 'microscope', line: 1 })}">microscope</div>`,
    ],
    [
      'an embed inside text as a marker between the two halves of its paragraph',
      'look ![[microscope]] here',
      `<p>look</p>\n<div data-embed="${encodeMarker({ kind: 'note', text: 'microscope', line: 1 })}">microscope</div>\n<p>here</p>`,
    ],
    [
      'an embed of a missing title as a missing link',
      '![[no such page]]',
      '<p><a href="/notes/no_such_page/" class="wiki-link wiki-link-missing">no such page</a></p>',
    ],
    [
      'an image embed as a file marker, not a link',
      '![[chart.png|300]]',
      `<p><span data-embed="${encodeMarker({ kind: 'image', path: 'chart.png', syntax: 'wiki', alt: '', size: { width: 300 }, line: 1 })}">chart.png</span></p>`,
    ],
    [
      'a Markdown image with a path as a file marker',
      '![A chart](images/my%20chart.png)',
      `<p><span data-embed="${encodeMarker({ kind: 'image', path: 'images/my%20chart.png', syntax: 'markdown', alt: 'A chart', line: 1 })}">A chart</span></p>`,
    ],
    [
      'a data-embed written in raw HTML, which is removed',
      '<span data-embed="eyJraW5kIjoibm90ZSJ9">forged</span>',
      '<p><span>forged</span></p>',
    ],
    [
      'a link with spaces at the ends',
      '[[ Task Management ]]',
      '<p><a href="/notes/task_management/" class="wiki-link">Task Management</a></p>',
    ],
    [
      'a title with "/" under nested path segments',
      '[[Start/expand/connect]]',
      '<p><a href="/notes/start/expand/connect/" class="wiki-link">Start/expand/connect</a></p>',
    ],
    [
      'a title ending in "."',
      '[[Also available in black.]]',
      '<p><a href="/notes/also_available_in_black./" class="wiki-link">Also available in black.</a></p>',
    ],
    [
      'a Japanese title, percent-encoded',
      '[[知的生産術]]',
      '<p><a href="/notes/%E7%9F%A5%E7%9A%84%E7%94%9F%E7%94%A3%E8%A1%93/" class="wiki-link">知的生産術</a></p>',
    ],
    [
      'a missing page with the missing class',
      '[[connection]]s',
      '<p><a href="/notes/connection/" class="wiki-link wiki-link-missing">connection</a>s</p>',
    ],
    [
      'a missing Japanese title',
      '[[勘定科目]]',
      '<p><a href="/notes/%E5%8B%98%E5%AE%9A%E7%A7%91%E7%9B%AE/" class="wiki-link wiki-link-missing">勘定科目</a></p>',
    ],
  ])('renders %s', async (_what, markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  test.each([
    ['a double quote', '[["Quoted" phrase]]', '"Quoted" phrase'],
    ['a single quote', "[['Somebody's' idea of a title.\"]]", "'Somebody's' idea of a title.\""],
    ['"("', '[[(parenthesised) start]]', '(Parenthesised) start'],
    ['"&"', '[[&Co]]', '&Co'],
    ['"#"', '[[#generation z values]]', '#Generation Z values'],
  ])('resolves a title starting with %s', async (_what, markdown, title) => {
    const { links } = await renderer.render(markdown, 'note.md');
    expect(links).toHaveLength(1);
    expect(links[0]?.link).toMatchObject({ kind: 'note', note: { title } });
  });

  test('renders an alias escaped with \\| in a table cell once, inside the cell', async () => {
    const out = await html('| Page | Note |\n|---|---|\n| [[layout\\|Layout]] | [[A page \\| Its site]] |');
    expect(count(out, '<table>')).toBe(1);
    expect(out).toContain('<td><a href="/notes/layout/" class="wiki-link">Layout</a></td>');
    expect(out).toContain(
      '<td><a href="/notes/a_page_%7C_its_site/" class="wiki-link wiki-link-missing">A page | Its site</a></td>',
    );
    expect(count(out, '<td>')).toBe(2);
  });

  test('prefixes links with the base path', async () => {
    const { html: out } = await docsRenderer.render('# Top\n\n[[Task Management]] and [[#Top]] and [[#Elsewhere]]', 'note.md');
    expect(out).toContain('<a href="/docs/notes/task_management/" class="wiki-link">Task Management</a>');
    expect(out).toContain('<a href="#top" class="wiki-link">#Top</a>');
    expect(out).toContain('<a href="/docs/notes/%EF%BC%83elsewhere/" class="wiki-link wiki-link-missing">#Elsewhere</a>');
  });

  test('renders link text as text, never as HTML', async () => {
    const out = await html('[[<b>bold</b> & <script>x</script>]]');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&#x3C;b>bold&#x3C;/b>');
  });

  test.each([
    ['inline code', '`[[not a link]]`', '<code>[[not a link]]</code>'],
    ['a fenced code block', '```\n[[not a link]]\n```', '[[not a link]]'],
  ])('leaves [[…]] in %s as code', async (_where, markdown, expected) => {
    const result = await renderer.render(markdown, 'note.md');
    expect(result.html).toContain(expected);
    expect(result.html).not.toContain('wiki-link');
    expect(result.links).toEqual([]);
  });
});

describe('createNoteRenderer links for the link graph', () => {
  test('returns every link with its resolution, context and body line', async () => {
    const { links } = await renderer.render(
      'First line mentions [[Task Management]].\n\n- a list item about [[connection]]s\n    - nested [[ground]]ed idea',
      'note.md',
    );
    expect(links.map(({ link, context, line }) => [link.kind, context, line])).toEqual([
      ['note', { before: 'First line mentions ', linkText: 'Task Management', after: '.' }, 1],
      ['missing', { before: 'a list item about ', linkText: 'connection', after: 's' }, 3],
      ['note', { before: 'nested ', linkText: 'ground', after: 'ed idea' }, 4],
    ]);
  });

  test('records for each rendered <a> the page it links to, so the link graph agrees with the HTML', async () => {
    const { html: out, links } = await renderer.render(
      [
        '# Top',
        '[[task management]], [[Social Hack Day #57]], [[lexical link#61c4202842774800007bdaa3]] and [[connection]]s',
        `- [[${CYBOZU}]] and [[layout#Grid Areas]] and [[#Top]] and [[#Nowhere]]`,
        '',
        '| a | b |',
        '|---|---|',
        '| [[missing target\\|shown]] | ![[microscope]] |',
      ].join('\n'),
      'note.md',
    );
    const hrefs = [...out.matchAll(/<a href="([^"]*)" class="wiki-link/g)].map((match) => match[1]);
    const expected = links.map(({ link }) =>
      link.kind === 'same-page-heading'
        ? `#${link.headingId}`
        : link.kind === 'note'
          ? hrefForSlug(link.note.slug) + (link.headingId ? `#${link.headingId}` : '')
          : hrefForSlug(link.slug),
    );
    expect(hrefs).toHaveLength(10);
    expect(hrefs).toEqual(expected);
    expect(links.map(({ link }) => link.kind)).toEqual([
      'note',
      'note',
      'note',
      'missing',
      'note',
      'note',
      'same-page-heading',
      'missing',
      'missing',
      'note',
    ]);
  });

  test('takes the line holding the link as its context in a multi-line paragraph', async () => {
    const { links } = await renderer.render('Scrapbox line one\nline two has [[ground]] in it\nline three', 'note.md');
    expect(links[0]?.context).toEqual({ before: 'line two has ', linkText: 'ground', after: ' in it' });
    expect(links[0]?.line).toBe(2);
  });

  test('reads CRLF line ends like LF', async () => {
    const crlf = await renderer.render('line one\r\nline [[ground]] two\r\n', 'note.md');
    const lf = await renderer.render('line one\nline [[ground]] two\n', 'note.md');
    expect(crlf.links).toEqual(lf.links);
    expect(crlf.links[0]?.context).toEqual({ before: 'line ', linkText: 'ground', after: ' two' });
  });

  test('keeps the links of notes rendered at the same time apart', async () => {
    const [one, two] = await Promise.all([
      renderer.render('[[ground]]', 'one.md'),
      renderer.render('[[microscope]] and [[layout]]', 'two.md'),
    ]);
    expect(one.links.map(({ link }) => link.kind === 'note' && link.note.title)).toEqual(['ground']);
    expect(two.links.map(({ link }) => link.kind === 'note' && link.note.title)).toEqual(['microscope', 'Layout']);
  });

  test('returns no links for the next render of the same file id', async () => {
    await renderer.render('[[ground]]', 'same.md');
    expect((await renderer.render('No links here.', 'same.md')).links).toEqual([]);
  });
});

describe('createNoteRenderer Markdown links to paths', () => {
  test('links a path to its note, as a wiki link would, and counts it in the link graph', async () => {
    const result = await renderer.render('See [the layout](layout.md#Grid%20Areas), [ground](./ground) and [the web](https://example.org/ground).', 'folder/note.md');
    expect(result.html).toContain(`<a href="${hrefForSlug(index.noteByKey(titleKey('layout'))!.slug)}#grid-areas" class="wiki-link">the layout</a>`);
    expect(result.html).toContain('<a href="https://example.org/ground">the web</a>');
    expect(result.pathLinks).toEqual(['layout.md#Grid%20Areas', './ground']);
    expect(result.links.map(({ link, context, path }) => [link.kind === 'note' ? link.note.title : link.kind, context.linkText, path])).toEqual([
      ['Layout', 'the layout', 'layout.md#Grid%20Areas'],
      ['ground', 'ground', './ground'],
    ]);
    expect(result.problems).toEqual([]);
  });

  test('shows a path that leads to no note as marked text, and reports it at its line', async () => {
    const result = await renderer.render('Intro\n\nRead [the component list](component.md) or [up](../../etc/passwd).', 'note.md');
    expect(result.html).toContain('<span title="No page on this site: component.md" class="path-link-unresolved">the component list</span>');
    expect(result.html).not.toContain('href="component.md"');
    expect(result.html).not.toContain('href="../');
    expect(result.links).toEqual([]);
    expect(result.pathLinks).toEqual(['component.md', '../../etc/passwd']);
    expect(result.problems.map(({ line, message }) => [line, message.slice(0, 70)])).toEqual([
      [3, 'the Markdown link [the component list](component.md) leads to no note:'],
      [3, 'the Markdown link [up](../../etc/passwd) leads to no note: nothing has'],
    ]);
  });
});

describe('createNoteRenderer problems', () => {
  test('reports no problems for a well-formed note', async () => {
    expect((await renderer.render('Text with [[ground]].\n\n```\ncode\n```', 'note.md')).problems).toEqual([]);
  });

  test('reports a code fence that is never closed at its line, and still renders the note', async () => {
    const result = await renderer.render('Intro [[ground]]\n\n```\ncode [[microscope]]', 'note.md');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(3);
    expect(result.problems[0]?.message).toContain('never closed');
    expect(result.links.map(({ context }) => context.linkText)).toEqual(['ground']);
    expect(result.html).toContain('code [[microscope]]');
  });

  test('publishes a note the parser cannot take (20,000 nested elements), its HTML as text, and says so', async () => {
    const result = await renderer.render(`Intro [[ground]]\n\n${'<div>'.repeat(20_000)}end`, 'nested.md');
    expect(result.problems.map(({ message }) => message)).toEqual([expect.stringMatching(/could not be rendered as written \(Maximum call stack size exceeded\); it is published with its HTML shown as text/)]);
    expect(result.html).toContain('&#x3C;div>&#x3C;div>');
    expect(result.links.map(({ context }) => context.linkText)).toEqual(['ground']);
  });

  test('keeps a link with no title in it as text, with a warning on its line (not [[]], as code in text has it)', async () => {
    const result = await renderer.render('Intro [[ground]]\n\n[[ ]], [[|]], [[#]], [[ # | ]], ![[|]] and [[]]\n\n[[\u200B]] [[_]]', 'empty.md');
    expect(result.links.map(({ text }) => text)).toEqual(['ground']);
    expect(result.html).toContain('[[ ]], [[|]], [[#]], [[ # | ]], ![[|]] and [[]]');
    expect(result.html).not.toMatch(/href="[^"]*(%7C|＃|\/notes\/")/);
    expect(result.problems.map(({ line, message }) => [line, message.replace(/ names no page.*/, '')])).toEqual([
      [3, 'the link [[ ]]'],
      [3, 'the link [[|]]'],
      [3, 'the link [[#]]'],
      [3, 'the link [[ # | ]]'],
      [3, 'the link ![[|]]'],
      [5, 'the link [[\u200B]]'],
      [5, 'the link [[_]]'],
    ]);
  });

  test('takes bidi controls out of a link\'s title and text, with a warning', async () => {
    const result = await renderer.render('See [[Payment \u202Etxt.scr]].', 'bidi.md');
    expect(result.html).toContain('>Payment txt.scr</a>');
    expect(result.html).not.toContain('\u202E');
    expect(result.links[0]?.link).toMatchObject({ kind: 'missing', title: 'Payment txt.scr' });
    expect(result.problems).toEqual([{ line: 1, message: expect.stringMatching(/bidirectional control characters/) }]);
  });

  test('keeps the problems of one render out of the next', async () => {
    await renderer.render('```\nopen', 'problem.md');
    expect((await renderer.render('fine', 'problem.md')).problems).toEqual([]);
  });
});

describe('createNoteRenderer headings', () => {
  test.each(['Some Heading', '🪴 Get Started', 'C++ & Rust', '日本語の見出し', 'Main', 'Backlinks'])(
    'gives heading %j the id that [[#…]] links to',
    async (heading) => {
      const result = await renderer.render(`## ${heading}\n\n[[#${heading}]]`, 'note.md');
      const id = headingId(heading);
      expect(result.html).toContain(`<h2 id="${id}">`);
      expect(result.html).toContain(`href="#${id}"`);
      expect(result.headings).toEqual([{ depth: 2, slug: id, text: heading }]);
    },
  );
});

describe('createNoteRenderer heading links', () => {
  test('links [[Note#Main]] to the id the heading "Main" gets there, not to the page\'s main', async () => {
    const out = await html('[[Layout#Main]] and [[Layout#Backlinks]]');
    expect(out).toContain(`<a href="${hrefForSlug('layout' as NoteSlug, '/')}#main-1" class="wiki-link">`);
    expect(out).toContain('#backlinks-1"');
  });

  test.each([
    ['a plain wiki link', '## About [[Layout]]', '#About Layout', 'about-layout'],
    ['an embed (a link in a heading)', '## See ![[microscope]]', '#See microscope', 'see-microscope'],
    ['an aliased wiki link', '## About [[layout|the layout]]', '#About the layout', 'about-the-layout'],
    ['a line-anchored wiki link', '## On [[lexical link#61c4202842774800007bdaa3]]', '#On lexical link', 'on-lexical-link'],
  ])('links [[#…]] to a heading holding %s by the id Astro gives it', async (_what, heading, link, id) => {
    const result = await renderer.render(`${heading}\n\n[[${link}]]`, 'note.md');
    expect(result.headings[0]?.slug).toBe(id);
    expect(result.html).toContain(`<a href="#${id}" class="wiki-link">${link}</a>`);
  });
});

describe('createNoteRenderer Markdown and HTML', () => {
  test('renders a Scrapbox icon (raw HTML) as an <img>', async () => {
    expect(await html(`${ICON} Nishio said so.`)).toBe(
      '<p><img src="https://scrapbox.io/api/pages/nishio-en/nishio/icon" alt="nishio.icon" height="19.5" loading="lazy" decoding="async" referrerpolicy="no-referrer"> Nishio said so.</p>',
    );
  });

  test('keeps rendering the lines after an icon alone on its line', async () => {
    const out = await html(`${ICON}\n[[ground]] is next\n- a list item`);
    expect(out).toContain('<img src="https://scrapbox.io/api/pages/nishio-en/nishio/icon" alt="nishio.icon" height="19.5" loading="lazy" decoding="async" referrerpolicy="no-referrer">');
    expect(out).toContain('<a href="/notes/ground/" class="wiki-link">ground</a> is next');
    expect(out).toContain('<li>a list item</li>');
    expect(out).not.toContain('[[');
  });

  test('renders lines indented 4 spaces after a blank line as list content, not code', async () => {
    const result = await renderer.render('- item\n\n    - nested [[ground]]\n\n    more about [[microscope]]', 'note.md');
    expect(result.html).not.toContain('<pre');
    expect(result.html).not.toContain('<code>');
    expect(result.links).toHaveLength(2);
  });

  test('renders a GFM table exactly once', async () => {
    const out = await html('| a | b |\n|---|---|\n| 1 | [[ground]] |');
    expect(count(out, '<table>')).toBe(1);
    expect(count(out, '<th>')).toBe(2);
    expect(count(out, '<a ')).toBe(1);
  });

  test('renders a footnote exactly once', async () => {
    const out = await html('Claim[^1].\n\n[^1]: The source.');
    expect(count(out, 'data-footnote-ref')).toBe(1);
    expect(count(out, '<section data-footnotes')).toBe(1);
    expect(count(out, 'The source.')).toBe(1);
  });

  test.each([
    ['a www autolink', 'Go to www.example.com now', '<a href="http://www.example.com">www.example.com</a>', 1],
    ['a URL autolink', 'Go to https://example.com/a now', '<a href="https://example.com/a">https://example.com/a</a>', 1],
    ['strikethrough', '~~gone~~', '<del>gone</del>', 1],
    ['a task list item', '- [x] done', '<input type="checkbox" checked disabled>', 1],
  ])('renders %s exactly once', async (_what, markdown, expected, times) => {
    const out = await html(markdown);
    expect(count(out, expected)).toBe(times);
    expect(count(out, '<a ')).toBe(count(expected, '<a '));
  });

  test('renders the DeepL footer as a rule and a link with an encoded Japanese URL', async () => {
    const out = await html(
      'Text\n\n---\nThis page is auto-translated from [/nishio/知的生産術](https://scrapbox.io/nishio/知的生産術) using DeepL.',
    );
    expect(out).toBe(
      '<p>Text</p>\n<hr>\n<p>This page is auto-translated from <a href="https://scrapbox.io/nishio/%E7%9F%A5%E7%9A%84%E7%94%9F%E7%94%A3%E8%A1%93">/nishio/知的生産術</a> using DeepL.</p>',
    );
  });

  test('keeps a price and code as they are, and renders $x$ as math', async () => {
    const out = await html('Cost is $5 and `${name}` is $x$.');
    expect(out).toMatch(/^<p>Cost is \$5 and <code>\$\{name\}<\/code> is <span class="katex">/);
    expect(out).toContain('<annotation encoding="application/x-tex">x</annotation>');
  });

  test('renders remote images', async () => {
    expect(await html('![image](https://gyazo.com/abc/thumb/1000)')).toBe(
      '<p><img src="https://gyazo.com/abc/thumb/1000" alt="image" loading="lazy" decoding="async" referrerpolicy="no-referrer"></p>',
    );
  });
});

describe('createNoteRenderer, a title several notes share', () => {
  test('links to the listing page, drawn as such, and the graph counts it there', async () => {
    const shared = buildTitleIndex([
      { title: 'LaTeX', filePath: 'features/Latex.md' },
      { title: 'Latex', filePath: 'plugins/Latex.md' },
    ]);
    const result = await (await createNoteRenderer(shared, '/')).render('See [[latex]].', 'n.md');
    expect(result.html).toBe('<p>See <a href="/notes/latex/" class="wiki-link wiki-link-ambiguous">latex</a>.</p>');
    const graph = buildLinkGraph([{ note: { title: 'N', slug: 'n' as NoteSlug, filePath: 'n.md' }, links: result.links }]);
    expect(graph.missingPages).toEqual([]);
    expect(graph.backlinksBySlug.get('latex' as NoteSlug)?.map((backlink) => backlink.sourceTitle)).toEqual(['N']);
  });
});
