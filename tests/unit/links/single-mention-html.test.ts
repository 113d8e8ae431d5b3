import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { markSingleMentions, missingLinkHrefs, type MentionPlace } from '../../../src/lib/links/single-mention-html.ts';
import { createNoteRenderer, type NoteRenderer } from '../../../src/lib/markdown/note-renderer.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([{ title: 'Note', filePath: 'Note.md' }]);
let renderer: NoteRenderer;
beforeAll(async () => {
  renderer = await createNoteRenderer(index, '/');
});
const render = async (markdown: string) => (await renderer.render(markdown, 'note.md')).html;
const TOOLTIP = 'Mentioned only here';
const places = (entries: Record<string, MentionPlace>) => (href: string) => entries[href];

describe('missingLinkHrefs', () => {
  test("lists each missing title's href once, in order, as the renderer writes them", async () => {
    const html = await render('[[Lonely]] [[Note]] #tag ![[Embedded]] [[lonely]] [[A & B]]');
    expect(missingLinkHrefs(html)).toEqual(['/notes/lonely/', '/notes/tag/', '/notes/embedded/', '/notes/a_&_b/']);
  });
});

describe('markSingleMentions', () => {
  test('draws the links it names as text with the tooltip; the first one made here gets an id', async () => {
    const html = await render('[[Lonely]], [[lonely]] and [[Shared]] and #tag');
    const marked = markSingleMentions(html, places({ '/notes/lonely/': 'here', '/notes/tag/': 'here' }), TOOLTIP);
    expect(marked.html).toBe(
      '<p><span class="wiki-link wiki-link-single-mention" title="Mentioned only here" id="mention:1">Lonely</span>, ' +
        '<span class="wiki-link wiki-link-single-mention" title="Mentioned only here">lonely</span> and ' +
        '<a href="/notes/shared/" class="wiki-link wiki-link-missing">Shared</a> and ' +
        '<span class="wiki-link wiki-link-single-mention hashtag" title="Mentioned only here" id="mention:2">#tag</span></p>',
    );
    expect(marked.ids).toEqual(new Map([['/notes/lonely/', 'mention:1'], ['/notes/tag/', 'mention:2']]));
  });

  test('a mention in an embedded note is drawn too, without an id', async () => {
    const html = await render('[[Other]]');
    const marked = markSingleMentions(html, places({ '/notes/other/': 'embedded' }), TOOLTIP);
    expect(marked.html).toBe('<p><span class="wiki-link wiki-link-single-mention" title="Mentioned only here">Other</span></p>');
    expect(marked.ids.size).toBe(0);
  });

  test('an id the note already has is skipped, and the tooltip is escaped', async () => {
    const html = `<p id="mention:1">x</p>${await render('[[A & B]]')}`;
    const marked = markSingleMentions(html, places({ '/notes/a_&_b/': 'here' }), 'Say "only" <here> & now');
    expect(marked.html).toContain('<span class="wiki-link wiki-link-single-mention" title="Say &quot;only&quot; &lt;here> &amp; now" id="mention:2">A &#x26; B</span>');
  });

  test('leaves links to notes, and HTML without links it names, as they are', async () => {
    const html = await render('[[Note]] [[Missing]] `[[Lonely]]`');
    expect(markSingleMentions(html, places({ '/notes/lonely/': 'here' }), TOOLTIP).html).toBe(html);
  });

  test('property: every link it names and no other is gone, the text is kept, each id once', async () => {
    const title = fc.stringMatching(/^[a-z][a-z ]{0,8}[a-z]$/);
    await fc.assert(
      fc.asyncProperty(fc.array(title, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), async (titles, single) => {
        const html = await render(titles.map((t) => `[[${t}]]`).join(' and '));
        const hrefs = missingLinkHrefs(html);
        const named = new Set(hrefs.filter((_, i) => single[i]));
        const marked = markSingleMentions(html, (href) => (named.has(href) ? 'here' : undefined), TOOLTIP);
        expect(missingLinkHrefs(marked.html)).toEqual(hrefs.filter((href) => !named.has(href)));
        const text = (h: string) => h.replace(/<[^>]*>/g, '');
        expect(text(marked.html)).toBe(text(html));
        const ids = [...marked.html.matchAll(/id="([^"]*)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(named.size);
      }),
      { numRuns: 60 },
    );
  });
});
