import { describe, expect, test } from 'vitest';
import type { SingleMention } from '../../../src/lib/links/single-mentions.ts';
import type { RenderedNote } from '../../../src/lib/markdown/rendered-note.ts';
import { markSingleMentionsIn } from '../../../src/loaders/mark-single-mentions.ts';
import type { NotePage } from '../../../src/loaders/note-pages.ts';
import type { NoteSlug } from '../../../src/lib/titles/slugs.ts';

const slug = (text: string) => text as NoteSlug;
const missingLink = (target: string) => `<a href="/notes/${target}/" class="wiki-link wiki-link-missing">${target}</a>`;
const page = (name: string, html: string) => ({ note: { slug: slug(name) }, result: { html } as RenderedNote }) as unknown as NotePage;
const mention = (target: string, source: string): [NoteSlug, SingleMention] => [
  slug(target),
  { slug: slug(target), key: target as never, title: target, sourceSlug: slug(source) },
];

describe('markSingleMentionsIn', () => {
  const a = page('a', `<p>${missingLink('lonely')} ${missingLink('shared')}</p>`);
  const b = page('b', `<p>${missingLink('shared')}</p><div class="note-embed"><p>${missingLink('lonely')}</p></div>`);

  test("draws the note's own single mentions with an id, an embedded note's without, and lists the note's own for the title list", () => {
    const [markedA, markedB] = markSingleMentionsIn([a, b], new Map([mention('lonely', 'a')]), '/', 'Only here');
    expect(markedA!.result.html).toBe(`<p><span class="wiki-link wiki-link-single-mention" title="Only here" id="mention:1">lonely</span> ${missingLink('shared')}</p>`);
    expect(markedA!.singleMentions).toEqual([{ title: 'lonely', slug: 'lonely', id: 'mention:1' }]);
    expect(markedB!.result.html).toContain('<span class="wiki-link wiki-link-single-mention" title="Only here">lonely</span>');
    expect(markedB!.singleMentions).toEqual([]);
  });

  test('gives an unchanged note the same rendering on the next load (astro dev keeps its hash), and a new one when the titles change', () => {
    const mentions = new Map([mention('lonely', 'a')]);
    const first = markSingleMentionsIn([a], mentions, '/', 'Only here')[0]!;
    const again = markSingleMentionsIn([a], new Map(mentions), '/', 'Only here')[0]!;
    expect(again.result).toBe(first.result);
    const linkedTwice = markSingleMentionsIn([a], new Map(), '/', 'Only here')[0]!;
    expect(linkedTwice.result).toBe(a.result);
    const both = markSingleMentionsIn([a], new Map([mention('lonely', 'a'), mention('shared', 'a')]), '/', 'Only here')[0]!;
    expect(both.result.html).not.toContain('wiki-link-missing');
  });
});
