import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createNoteRenderer, type NoteRenderer } from '../../../../src/lib/markdown/note-renderer.ts';
import { calloutKind, defaultCalloutTitle } from '../../../../src/lib/markdown/obsidian/callout-types.ts';
import { buildTitleIndex } from '../../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([{ title: 'Note', filePath: 'Note.md' }]);
let renderer: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(index, '/');
});
const render = (markdown: string) => renderer.render(markdown, 'note.md');
const html = async (markdown: string) => (await render(markdown)).html;

describe('callout types', () => {
  test.each([
    ['note', 'note'],
    ['NOTE', 'note'],
    ['tldr', 'abstract'],
    ['summary', 'abstract'],
    ['hint', 'tip'],
    ['important', 'tip'],
    ['done', 'success'],
    ['faq', 'question'],
    ['caution', 'warning'],
    ['missing', 'failure'],
    ['error', 'danger'],
    ['cite', 'quote'],
    ['bug', 'bug'],
    ['whatever', 'note'],
  ])('[!%s] is drawn as %s', (name, kind) => {
    expect(calloutKind(name)).toBe(kind);
  });

  test('the default title is the name as written, capitalised', () => {
    expect(defaultCalloutTitle('FAQ')).toBe('Faq');
    expect(defaultCalloutTitle('whatever')).toBe('Whatever');
  });
});

describe('callouts', () => {
  test('a callout is a titled box of its kind', async () => {
    expect(await html('> [!warning] Custom *title* [[Note]]\n> Body text')).toBe(
      '<div class="callout callout-warning">\n<p class="callout-title">Custom <em>title</em> <a href="/notes/note/" class="wiki-link">Note</a></p>\n<div class="callout-content">\n<p>Body text</p>\n</div>\n</div>',
    );
  });

  test('without a title the type names it', async () => {
    expect(await html('> [!tip]\n> Body')).toContain('<p class="callout-title">Tip</p>');
  });

  test('- folds and + unfolds, as <details>', async () => {
    expect(await html('> [!faq]- Why?\n> Because')).toMatch(/^<details class="callout callout-question">\n<summary class="callout-title">Why\?<\/summary>/);
    expect(await html('> [!faq]+ Why?\n> Because')).toMatch(/^<details class="callout callout-question" open>/);
  });

  test('callouts nest', async () => {
    const out = await html('> [!note] Outer\n> > [!danger] Inner\n> > text');
    expect(out).toContain('<div class="callout callout-note">');
    expect(out).toContain('<div class="callout callout-danger">\n<p class="callout-title">Inner</p>');
  });

  test('the body may start with a [!x] of its own without becoming a callout', async () => {
    const out = await html('> [!note]\n> [!tip] plain text');
    expect(out.match(/class="callout /g)).toHaveLength(1);
    expect(out).toContain('<p>[!tip] plain text</p>');
  });

  test.each([
    ['in a code block', '```\n> [!note] x\n```'],
    ['in inline code', '`> [!note] x`'],
    ['not at the start of the quote', '> Text [!note] x'],
    ['a link reference', '> [note] x'],
    ['not in a quote', '[!note] x'],
  ])('no callout %s (a real one after it is the only one)', async (_, markdown) => {
    const out = await html(`${markdown}\n\n> [!tip] Real`);
    expect(out.match(/class="callout /g)).toHaveLength(1);
    expect(out).toContain('<p class="callout-title">Real</p>');
  });

  test('a callout class written in raw HTML is dropped by the sanitizer, not trusted', async () => {
    expect(await html('<div class="callout evil" onclick="x()">a</div>')).toContain('<div class="callout">a</div>');
  });
});

describe('highlights', () => {
  test('==text== is <mark>, across emphasis and links', async () => {
    expect(await html('A ==very **bold** [[Note]]== claim')).toBe(
      '<p>A <mark>very <strong>bold</strong> <a href="/notes/note/" class="wiki-link">Note</a></mark> claim</p>',
    );
  });

  test.each([
    ['in inline code', '`a ==b== c`', '<p><code>a ==b== c</code></p>'],
    ['in a code block', '```\n==b==\n```', '==b=='],
    ['a comparison', 'if a == b and c == d', '<p>if a == b and c == d</p>'],
    ['a comparison in a table', '| x | y |\n|---|---|\n| a == b | c == d |', '<td>a == b</td>'],
    ['=== in JavaScript', 'a === b === c', '<p>a === b === c</p>'],
    ['padded with spaces', '== a ==', '<p>== a ==</p>'],
    ['unpaired', 'one ==two', '<p>one ==two</p>'],
  ])('stays text %s (a real one after it is the only one)', async (_, markdown, expected) => {
    const out = await html(`${markdown}\n\nThen ==real==`);
    expect(out).toContain(expected);
    expect(out.match(/<mark>/g)).toHaveLength(1);
    expect(out).toContain('<mark>real</mark>');
  });
});

describe('comments', () => {
  test('%%inline%% is removed, with the links inside it', async () => {
    const rendered = await render('Seen %%hidden [[Note]]%% seen');
    expect(rendered.html).toBe('<p>Seen  seen</p>');
    expect(rendered.links).toEqual([]);
    expect(rendered.excerpt).toBe('Seen seen');
  });

  test('a comment over several lines and paragraphs is removed', async () => {
    expect(await html('A\n\n%%\nsecret\n\nmore secret\n%%\n\nB')).toBe('<p>A</p>\n<p>B</p>');
    expect(await html('A %%one\ntwo%% B')).toBe('<p>A  B</p>');
  });

  test.each([
    ['in a URL', 'https://example.com/a%%20b%%c', 'https://example.com/a%%20b%%c</a>'],
    ['in a link label', '[50%% off %%](https://example.com)', '50%% off %%</a>'],
    ['in inline code', '`"%d%%" % x` and `%%`', '<code>"%d%%" % x</code> and <code>%%</code>'],
    ['in a code block', '```\nprint "%s%%" % x %% y\n```', '%% y'],
    ['unpaired, as Python writes it', 'print "%s! = %%s" % i % f', '%%s'],
    ['in raw HTML', '<a href="https://x.org/%%E3%%">w</a>', 'href="https://x.org/%%E3%%"'],
  ])('%% stays %s (a real comment after it is removed)', async (_, markdown, expected) => {
    const out = await html(`${markdown}\n\nThen %%gone%% here`);
    expect(out).toContain(expected);
    expect(out).not.toContain('gone');
  });
});

describe('block ids', () => {
  test('^id at the end of a paragraph or list item is its anchor, not its text', async () => {
    const rendered = await render('Para text ^para-1\n\n- item ^item\n- other');
    expect(rendered.html).toBe('<p id="^para-1">Para text</p>\n<ul>\n<li id="^item">item</li>\n<li>other</li>\n</ul>');
    expect(rendered.excerpt).not.toContain('^');
  });

  test('^id alone after a table names the table', async () => {
    expect(await html('| a |\n|---|\n| b |\n\n^tab')).toMatch(/^<table id="\^tab">/);
  });

  test('[[Note#^id]] links to the block; [[#^id]] to a block of this note', async () => {
    expect(await html('[[Note#^abc]]')).toBe('<p><a href="/notes/note/#^abc" class="wiki-link">Note#^abc</a></p>');
    expect(await html('Here ^here\n\n[[#^here]]')).toContain('<a href="#^here" class="wiki-link">#^here</a>');
  });

  test('[[#^id]] with no such block links to the top of the note, with a warning', async () => {
    const rendered = await render('Text\n\n[[#^nowhere]]');
    expect(rendered.html).toContain('<a href="#" class="wiki-link">#^nowhere</a>');
    expect(rendered.problems).toEqual([{ line: 3, message: expect.stringContaining('[[#^nowhere]] names a block id this note does not have') }]);
  });

  test('an id used twice anchors the first block only, with a warning', async () => {
    const rendered = await render('One ^x\n\nTwo ^x');
    expect(rendered.html).toBe('<p id="^x">One</p>\n<p>Two</p>');
    expect(rendered.problems).toEqual([{ line: 3, message: expect.stringContaining('^x is used twice') }]);
  });

  test.each([
    ['a caret in prose', '2^10 is 1024', '<p>2^10 is 1024</p>'],
    ['not at the end', 'a ^b c', '<p>a ^b c</p>'],
    ['in code', '`x ^y`', '<p><code>x ^y</code></p>'],
    ['with other characters', 'text ^a_b', '<p>text ^a_b</p>'],
  ])('no block id for %s (a real one after it is the only one)', async (_, markdown, expected) => {
    expect(await html(`${markdown}\n\nLast ^real`)).toBe(`${expected}\n<p id="^real">Last</p>`);
  });
});

describe('Mermaid diagrams', () => {
  test('a mermaid code block is its source in pre.mermaid, escaped, not highlighted', async () => {
    expect(await html('```mermaid\ngraph LR\n  A[<b>x</b>] --> B\n```')).toBe('<pre class="mermaid">graph LR\n  A[&#x3C;b>x&#x3C;/b>] --> B</pre>');
  });

  test.each([
    ['another language', '```js\nconst mermaid = 1;\n```'],
    ['inline code', '`mermaid`'],
  ])('no diagram for %s (only the real one after it)', async (_, markdown) => {
    const out = await html(`${markdown}\n\n\`\`\`mermaid\ngraph TD\n\`\`\``);
    expect(out.match(/<pre class="mermaid">/g)).toHaveLength(1);
  });
});

describe('prose without these markers', () => {
  // Words, spaces, punctuation and Markdown that none of the new constructs reads.
  const word = fc.stringMatching(/^[A-Za-z0-9.,;:!?'"()&*_-]{1,12}$/);
  // Starting with a word, so that no line is a list item (`1.`, `*`) by accident.
  const prose = fc.array(word, { minLength: 1, maxLength: 30 }).map((words) => `Word ${words.join(' ')}`);

  test('renders unchanged: only the one marked phrase after it becomes a highlight', async () => {
    const plain = await createNoteRenderer(index, '/');
    await fc.assert(
      fc.asyncProperty(prose, async (text) => {
        const out = (await plain.render(`${text}\n\n==marked==`, 'p.md')).html;
        expect(out).not.toMatch(/callout|katex|id="\^/);
        expect(out.endsWith('\n<p><mark>marked</mark></p>')).toBe(true);
        const shown = out.slice(0, -'\n<p><mark>marked</mark></p>'.length).replace(/<[^>]+>/g, '').replace(/&#x26;|&amp;/g, '&').replace(/&#x22;|&quot;/g, '"');
        // The words are all still there, in order.
        const letters = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
        expect(letters(shown)).toBe(letters(text));
      }),
      { numRuns: 200 },
    );
  });
});
