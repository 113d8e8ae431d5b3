import { beforeAll, describe, expect, test } from 'vitest';
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

  test('a site that trusts its writers keeps raw HTML as written', async () => {
    const out = (await trusting.render('<div onclick="go()">x</div>\n\n<script>run()</script>', 'n.md')).html;
    expect(out).toContain('onclick="go()"');
    expect(out).toContain('<script>run()</script>');
  });
});
