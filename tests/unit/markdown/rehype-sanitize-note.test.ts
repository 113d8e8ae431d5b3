import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { PAGE_IDS } from '../../../src/lib/site/page-ids.ts';
import { createNoteRenderer, type NoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([{ title: 'Target', filePath: 'Target.md' }]);
let renderer: NoteRenderer;
let trusting: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(index, '/');
  trusting = await createNoteRenderer(index, '/', { trustedHtml: true });
});
const html = async (markdown: string) => (await renderer.render(markdown, 'n.md')).html;
const ids = (out: string) => [...out.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
const duplicates = (list: string[]) => list.filter((id, i) => list.indexOf(id) !== i);

describe('sanitized note HTML', () => {
  test.each([
    ['a script element', 'before\n\n<script>alert(1)</script>\n\nafter', /<script|alert\(1\)<\/script/],
    ['an inline script', 'text <script>alert(1)</script> text', /<script/],
    ['an event handler', `<img src="x.png" onerror="alert(1)">`, /onerror/],
    ['an event handler in a block', '<div onclick="alert(1)">click</div>', /onclick/],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['a javascript: link in Markdown', '[x](javascript:alert(1))', /javascript:/],
    ['an upper-case JaVaScRiPt: link', '[x](JaVaScRiPt:alert(1))', /javascript:/i],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /javascript:|&#106;avascript/i],
    ['an iframe', '<iframe src="https://example.org"></iframe>', /<iframe/],
    ['a style element', '<style>body { display: none }</style>', /<style/],
    ['a style attribute', '<p style="position:fixed;inset:0">x</p>', /style=/],
    ['an object', '<object data="x.swf"></object>', /<object/],
    ['an svg with script', '<svg><script>alert(1)</script></svg>', /<script|<svg/],
    ['a form', '<form action="https://evil.example"><input name="q"></form>', /<form/],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta/],
    ['a base tag', '<base href="https://evil.example/">', /<base/],
    ['a data: URL image', '<img src="data:text/html,<script>alert(1)</script>">', /data:/],
    ['a forged highlighted block', '<pre class="astro-code" style="x"><code><script>alert(1)</script></code></pre>', /<script|style=/],
    ['a forged placeholder', '<shiki-block data-index="0"></shiki-block>', /shiki-block/],
  ])('removes %s', async (_what, markdown, forbidden) => {
    expect(await html(markdown)).not.toMatch(forbidden);
  });

  test('keeps Scrapbox icons, links, tables, details and wiki links', async () => {
    const out = await html(
      [
        `<img src='https://scrapbox.io/api/pages/nishio-en/nishio/icon' alt='nishio.icon' height="19.5"/> said [[target]] and [[nowhere]]`,
        '',
        '[site](https://example.org) and <a href="https://example.org/x">raw</a>',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '<details><summary>More</summary>hidden text</details>',
      ].join('\n'),
    );
    expect(out).toContain('<img src="https://scrapbox.io/api/pages/nishio-en/nishio/icon" alt="nishio.icon" height="19.5" loading="lazy" decoding="async" referrerpolicy="no-referrer">');
    expect(out).toContain('<a href="/notes/target/" class="wiki-link">target</a>');
    expect(out).toContain('<a href="/notes/nowhere/" class="wiki-link wiki-link-missing">nowhere</a>');
    expect(out).toContain('<a href="https://example.org">site</a>');
    expect(out).toContain('<a href="https://example.org/x">raw</a>');
    expect(out).toContain('<td>1</td>');
    expect(out).toContain('<details><summary>More</summary>hidden text</details>');
  });

  test('keeps highlighted code with its colours, and footnote links working', async () => {
    const out = await html('```js\nconst a = "<script>";\n```\n\nText[^1]\n\n[^1]: The note.');
    expect(out).toMatch(/<pre class="astro-code[^"]*" style="[^"]+"/);
    expect(out).toContain('&#x3C;script>');
    const ref = /href="#([^"]+)"[^>]*data-footnote-ref/.exec(out)?.[1];
    expect(ref).toBeDefined();
    expect(out).toContain(`id="${ref}"`);
  });

  test('headings keep their ids for the outline and links', async () => {
    const result = await renderer.render('## First part\n\ntext', 'n.md');
    expect(result.html).toContain('<h2 id="first-part">First part</h2>');
    expect(result.headings).toEqual([{ depth: 2, slug: 'first-part', text: 'First part' }]);
  });

  test("raw HTML cannot take an id of the page's own template; other ids stay", async () => {
    const out = await html('<div id="backlinks">fake</div>\n\n<a id="main">x</a> <span id="my-anchor">y</span>');
    expect(out).toContain('<div id="user-content-backlinks">fake</div>');
    expect(out).toContain('<a id="user-content-main">x</a>');
    expect(out).toContain('<span id="my-anchor">y</span>');
  });

  test('headings named like the page\'s own ids, or like the footnotes\' heading, get the next free id, and links follow', async () => {
    const result = await renderer.render(
      '## Main\n\n## site-search-input\n\n## Outline heading\n\n## Backlinks\n\n## Footnote label\n\n## Main\n\n[[#Main]] text[^1]\n\n[^1]: The note.',
      'n.md',
    );
    expect(result.headings.map((heading) => heading.slug)).toEqual(['main-1', 'site-search-input-1', 'outline-heading-1', 'backlinks-1', 'footnote-label-1', 'main-2', 'footnote-label']);
    expect(result.html).toContain('<h2 id="main-1">Main</h2>');
    expect(result.html).toContain('<a href="#main-1" class="wiki-link">#Main</a>');
    expect(duplicates(ids(result.html))).toEqual([]);
    expect(ids(result.html).filter((id) => PAGE_IDS.has(id))).toEqual([]);
  });

  test('an id written twice in raw HTML, or that a heading or footnote has, is numbered; the Markdown\'s ids stay', async () => {
    const out = await html(
      '<a id="intro">raw first</a> <a id="dup">1</a> <a id="dup">2</a> <a id="user-content-fn-1">forged</a> <a id="footnote-label">x</a>\n\n' +
        '## Intro\n\n<h2>Intro</h2>\n\n<h2>Main</h2>\n\nText[^1]\n\n[^1]: The note.',
    );
    expect(out).toContain('<h2 id="intro">Intro</h2>');
    expect(out).toContain('<a id="intro-1">raw first</a>');
    expect(out).toContain('<a id="dup">1</a> <a id="dup-1">2</a>');
    expect(out).toContain('<li id="user-content-fn-1">');
    expect(out).toContain('<a id="user-content-fn-1-1">forged</a>');
    expect(out).toContain('<h2 class="sr-only" id="footnote-label">');
    expect(out).toContain('<a id="footnote-label-1">x</a>');
    // A raw heading gets the id Astro would give it, clear of the others.
    expect(out).toContain('<h2 id="intro-2">Intro</h2>');
    expect(out).toContain('<h2 id="user-content-main">Main</h2>');
    expect(duplicates(ids(out))).toEqual([]);
  });

  test('a note never has an id twice, nor one of the page\'s, whatever headings, raw ids and footnotes it has', async () => {
    const name = fc.constantFrom('main', 'Main', 'dup', 'intro', 'footnote-label', 'user-content-fn-1', 'user-content-fnref-1', 'backlinks', 'main-1', 'x');
    const block = fc.oneof(
      name.map((text) => `## ${text}`),
      name.map((text) => `<a id="${text}">a</a>`),
      name.map((text) => `<h3>${text}</h3>`),
      name.map((text) => `<h3 id="${text}">h</h3>`),
      fc.constantFrom('Text[^1]', '[^1]: Note.', 'Again[^1]'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 10 }), async (blocks) => {
        const out = await html(blocks.join('\n\n'));
        expect(duplicates(ids(out))).toEqual([]);
        expect(ids(out).filter((id) => PAGE_IDS.has(id))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('character references to noncharacters or surrogates in raw HTML give U+FFFD, in text and attributes', async () => {
    const out = await html('<span title="&#xFFFF; &#xD800;" id="&#x1FFFE;">&#xFFFF; &#xDC00;</span> <a id="&#xFFFF;">x</a>');
    expect(out).toContain('<span title="\uFFFD \uFFFD" id="\uFFFD">\uFFFD \uFFFD</span> <a id="\uFFFD-1">x</a>');
  });

  test('a site that trusts its writers keeps raw HTML as written', async () => {
    const out = (await trusting.render('<div onclick="go()">x</div>\n\n<script>run()</script>', 'n.md')).html;
    expect(out).toContain('onclick="go()"');
    expect(out).toContain('<script>run()</script>');
  });
});
