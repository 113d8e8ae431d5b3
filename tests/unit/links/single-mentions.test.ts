import { describe, expect, test } from 'vitest';
import { buildLinkGraph, type NoteLinks } from '../../../src/lib/links/link-graph.ts';
import type { WikiLinkOccurrence } from '../../../src/lib/links/link-nodes.ts';
import { singleMentionsOf, withoutSingleMentions } from '../../../src/lib/links/single-mentions.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';
import type { NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';

const index = buildTitleIndex([
  { title: 'Alpha', filePath: 'Alpha.md' },
  { title: 'Beta', filePath: 'Beta.md' },
  { title: 'Gamma', filePath: 'Gamma.md' },
]);

/** A note's links; `!` before a text makes it an embed, `#` a hashtag. */
function linksOf(title: string, ...texts: string[]): NoteLinks {
  const links: WikiLinkOccurrence[] = texts.map((written, i) => {
    const text = written.replace(/^[!]/, '');
    return {
      text,
      link: resolveWikiLink(text, index),
      context: { before: '', linkText: text, after: '' },
      line: i + 1,
      ...(written.startsWith('!') ? { embed: true as const } : {}),
    };
  });
  return { note: index.notes.find((note) => note.title === title)!, links };
}

const slug = (text: string) => text as NoteSlug;

describe('singleMentionsOf', () => {
  test('a missing title one note links, however often, is a single mention of that note', () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Lonely', 'lonely', 'LONELY'), linksOf('Beta', 'Gamma')]);
    expect([...singleMentionsOf(graph).values()]).toEqual([{ slug: slug('lonely'), key: 'lonely', title: 'Lonely', sourceSlug: slug('alpha') }]);
  });

  test('a missing title two notes link is not one', () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Shared'), linksOf('Beta', 'shared')]);
    expect(singleMentionsOf(graph).size).toBe(0);
  });

  test('an embed counts as a link: an embed in one note and a link in another make a page', () => {
    const graph = buildLinkGraph([linksOf('Alpha', '!Shared'), linksOf('Beta', 'Shared')]);
    expect(singleMentionsOf(graph).size).toBe(0);
    expect([...singleMentionsOf(buildLinkGraph([linksOf('Alpha', '!Alone')])).keys()]).toEqual([slug('alone')]);
  });

  test("a note's link to its own title, or to another note, is never one", () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Alpha', 'Beta'), linksOf('Gamma', 'gamma')]);
    expect(singleMentionsOf(graph).size).toBe(0);
  });
});

describe('withoutSingleMentions', () => {
  test('drops their pages, backlinks and the outgoing links to them, and keeps the rest', () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Lonely', 'Shared', 'Beta'), linksOf('Beta', 'Shared')]);
    const pruned = withoutSingleMentions(graph, singleMentionsOf(graph));
    expect(pruned.missingPages.map((page) => page.slug)).toEqual([slug('shared')]);
    expect(pruned.backlinksBySlug.has(slug('lonely'))).toBe(false);
    expect(pruned.backlinksBySlug.get(slug('shared'))).toHaveLength(2);
    expect(pruned.outgoingBySlug.get(slug('alpha'))).toEqual([slug('shared'), slug('beta')]);
    expect(pruned.outgoingBySlug.get(slug('beta'))).toEqual([slug('shared')]);
  });

  test('with no single mentions (the setting for every page) the graph is the same', () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Lonely')]);
    expect(withoutSingleMentions(graph, new Map())).toBe(graph);
  });
});
