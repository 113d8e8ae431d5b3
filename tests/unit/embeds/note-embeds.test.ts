import { describe, expect, test } from 'vitest';
import { encodeMarker, type EmbedMarker } from '../../../src/lib/embeds/embed-markers.ts';
import { assembleNoteHtml, embeddedSection, MAX_EMBED_DEPTH, MAX_EMBEDS_PER_PAGE, type EmbedContext } from '../../../src/lib/embeds/note-embeds.ts';
import { interfaceStrings } from '../../../src/lib/site/interface-strings.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const noteMarker = (text: string, line = 1) => `<div data-embed="${encodeMarker({ kind: 'note', text, line })}">${text}</div>`;
const imageMarker = (path: string) => `<span data-embed="${encodeMarker({ kind: 'image', path, syntax: 'wiki', alt: '', line: 2 })}">${path}</span>`;

function site(htmlByTitle: Record<string, string>) {
  const titles = Object.keys(htmlByTitle);
  const index = buildTitleIndex(titles.map((title) => ({ title, filePath: `${title}.md` })));
  const problems: [number | undefined, string][] = [];
  const files: EmbedMarker[] = [];
  const context: EmbedContext = {
    index,
    base: '/',
    strings: interfaceStrings('en').embeds,
    htmlOf: (note) => htmlByTitle[note.title] ?? '',
    attachmentHtml: (marker, _from, report) => {
      if (report) files.push(marker);
      return `<img alt="${marker.path}">`;
    },
  };
  const assemble = (title: string) => {
    const note = index.notes.find((ref) => ref.title === title)!;
    return assembleNoteHtml(note, context, (line, message) => problems.push([line, message]));
  };
  return { assemble, problems, files, context };
}

describe('assembleNoteHtml', () => {
  test('shows an embedded note in a captioned frame that links to it, left out of the search index', () => {
    const { assemble } = site({ Host: `<p>Before</p>\n${noteMarker('Guest')}`, Guest: '<p>Guest text</p>' });
    expect(assemble('Host')).toBe(
      '<p>Before</p>\n<figure class="note-embed" data-pagefind-ignore><figcaption class="note-embed-source">Embedded from ' +
        '<a href="/notes/guest/" class="wiki-link">Guest</a></figcaption><div class="note-embed-body"><p>Guest text</p></div></figure>',
    );
  });

  test('shows only the section under a heading, up to the next heading of its level', () => {
    const guest = '<p>Intro</p>\n<h2 id="part">Part</h2>\n<p>In part</p>\n<h3 id="detail">Detail</h3>\n<p>Still in part</p>\n<h2 id="next">Next</h2>\n<p>Not in part</p>';
    const html = site({ Host: noteMarker('Guest#Part'), Guest: guest }).assemble('Host');
    expect(html).toContain('<a href="/notes/guest/#part" class="wiki-link">Guest › Part</a>');
    expect(html).toContain('<h2>Part</h2>\n<p>In part</p>\n<h3>Detail</h3>\n<p>Still in part</p>');
    expect(html).not.toContain('Not in part');
    expect(html).not.toContain('Intro');
  });

  test('drops ids in embedded HTML and sends its #fragment links to the embedded page', () => {
    const html = site({ Host: noteMarker('Guest'), Guest: '<h2 id="main">Main</h2><p><a href="#main">up</a> <a href="#user-content-fn-1">1</a></p>' }).assemble('Host');
    expect(html).not.toMatch(/\sid=/);
    expect(html).toContain('<a href="/notes/guest/#main">up</a>');
    expect(html).toContain('<a href="/notes/guest/#user-content-fn-1">1</a>');
  });

  test('shows one block of the embedded note for ![[Note#^id]], with no warning', () => {
    const { assemble, problems } = site({ Host: noteMarker('Guest#^quote'), Guest: '<h2 id="part">Part</h2>\n<p id="^quote">The block.</p>\n<p>Not it.</p>' });
    const html = assemble('Host');
    expect(html).toContain('<div class="note-embed-body"><p>The block.</p></div>');
    expect(html).not.toContain('Not it.');
    expect(problems).toEqual([]);
  });

  test('links a section that is not there, with a warning on the line of the embed', () => {
    const { assemble, problems } = site({ Host: noteMarker('Guest#Nowhere', 4), Guest: '<p>x</p>' });
    expect(assemble('Host')).toBe('<p class="note-embed-link"><a href="/notes/guest/#nowhere" class="wiki-link" title="Not embedded: the note has no such section">Guest#Nowhere</a></p>');
    expect(problems).toEqual([[4, expect.stringContaining('names a section that "Guest" does not have')]]);
  });

  test('reads an embedded note once for any number of sections it does not have', () => {
    const markers = Array.from({ length: 500 }, (_, i) => noteMarker(`Guest#Missing ${i}`, i + 1)).join('\n');
    const { context, assemble, problems } = site({ Host: markers, Guest: '<h2 id="there">There</h2><p>x</p>' });
    let reads = 0;
    const htmlOf = context.htmlOf;
    context.htmlOf = (note) => {
      if (note.title === 'Guest') reads++;
      return htmlOf(note);
    };
    expect(assemble('Host')).toContain('title="Not embedded: the note has no such section">Guest#Missing 499</a>');
    expect(problems).toHaveLength(500);
    expect(reads).toBe(1);
  });

  test('links a note already shown instead of embedding it again (a cycle, or the note itself)', () => {
    const { assemble } = site({ A: noteMarker('B'), B: noteMarker('A'), Self: noteMarker('Self') });
    const a = assemble('A');
    expect(a.match(/<figure/g)).toHaveLength(1);
    expect(a).toContain('<a href="/notes/a/" class="wiki-link" title="Not embedded again: this page already shows this note">A</a>');
    expect(assemble('Self')).not.toContain('<figure');
  });

  test(`nests embeds at most ${MAX_EMBED_DEPTH} deep`, () => {
    const chain = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`N${i}`, `<p>n${i}</p>${noteMarker(`N${i + 1}`)}`]));
    const html = site({ ...chain, N6: '<p>n6</p>' }).assemble('N0');
    expect(html.match(/<figure/g)).toHaveLength(MAX_EMBED_DEPTH);
    expect(html).toContain('title="Not embedded: embeds nest at most 3 deep">N4</a>');
  });

  test(`expands at most ${MAX_EMBEDS_PER_PAGE} embeds on a page, then links`, () => {
    const html = site({ Host: noteMarker('Guest').repeat(MAX_EMBEDS_PER_PAGE + 5), Guest: '<p>g</p>' }).assemble('Host');
    expect(html.match(/<figure/g)).toHaveLength(MAX_EMBEDS_PER_PAGE);
    expect(html.match(/note-embed-link/g)).toHaveLength(5);
  });

  test("fills in files of the page's own note, and of embedded notes, reporting only the page's own", () => {
    const { assemble, files } = site({ Host: `${imageMarker('a.png')}${noteMarker('Guest')}`, Guest: imageMarker('b.png') });
    const html = assemble('Host');
    expect(html).toContain('<img alt="a.png">');
    expect(html).toContain('<img alt="b.png">');
    expect(files.map((marker) => (marker.kind === 'note' ? '' : marker.path))).toEqual(['a.png']);
  });
});

describe('embeddedSection', () => {
  test('finds a heading whose id the sanitizer prefixed', () => {
    expect(embeddedSection('<h2 id="user-content-main">Main</h2><p>x</p>', 'main', '/notes/g/')).toEqual({ html: '<h2>Main</h2><p>x</p>', heading: 'Main' });
  });

  test('is undefined for a heading that is not there', () => {
    expect(embeddedSection('<p>x</p>', 'nowhere', '/notes/g/')).toBeUndefined();
  });
});
