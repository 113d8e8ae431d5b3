import { describe, expect, test } from 'vitest';
import { buildLinkGraph, compareTitles, type NoteLinks } from '../../../src/lib/links/link-graph.ts';
import type { WikiLinkOccurrence } from '../../../src/lib/links/link-nodes.ts';
import type { NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { buildTitleIndex, type NoteRef } from '../../../src/lib/titles/title-index.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

const index = buildTitleIndex([
  { title: 'Alpha', filePath: 'Alpha.md' },
  { title: 'beta', filePath: 'beta.md' },
  { title: 'Gamma', filePath: 'Gamma.md' },
  { title: 'Task Management', filePath: 'Task Management.md' },
  { title: 'Social Hack Day #57', filePath: 'Social Hack Day #57.md' },
]);

function note(title: string): NoteRef {
  const ref = index.notes.find((candidate) => candidate.title === title);
  if (!ref) throw new Error(`no note ${title}`);
  return ref;
}

/** A note's links, each with a context that says where it was written. */
function linksOf(title: string, ...texts: string[]): NoteLinks {
  return linksWithHeadings(title, new Set(), ...texts);
}

function linksWithHeadings(title: string, headingIds: ReadonlySet<string>, ...texts: string[]): NoteLinks {
  const links: WikiLinkOccurrence[] = texts.map((text, i) => ({
    text,
    link: resolveWikiLink(text, index, headingIds),
    context: { before: `${title} link ${i + 1}: `, linkText: text, after: '' },
    line: i + 1,
  }));
  return { note: note(title), links };
}

const slug = (text: string) => text as NoteSlug;

describe('buildLinkGraph', () => {
  test('groups backlinks per source note with one context per link, in the note\u2019s order', () => {
    const graph = buildLinkGraph([
      linksOf('Alpha', 'Task Management', 'beta', 'task_management', 'TASK MANAGEMENT'),
      linksOf('beta', 'task management'),
    ]);
    const backlinks = graph.backlinksBySlug.get(slug('task_management'));
    expect(backlinks).toEqual([
      {
        sourceSlug: 'alpha',
        sourceTitle: 'Alpha',
        contexts: [
          { before: 'Alpha link 1: ', linkText: 'Task Management', after: '' },
          { before: 'Alpha link 3: ', linkText: 'task_management', after: '' },
          { before: 'Alpha link 4: ', linkText: 'TASK MANAGEMENT', after: '' },
        ],
        mentionCount: 3,
      },
      {
        sourceSlug: 'beta',
        sourceTitle: 'beta',
        contexts: [{ before: 'beta link 1: ', linkText: 'task management', after: '' }],
        mentionCount: 1,
      },
    ]);
  });

  test('keeps the first three contexts of a note’s links to a page and counts the rest', () => {
    const graph = buildLinkGraph([linksOf('Alpha', ...Array.from({ length: 10_000 }, () => 'Task Management'))]);
    const [backlink] = graph.backlinksBySlug.get(slug('task_management'))!;
    expect(backlink!.mentionCount).toBe(10_000);
    expect(backlink!.contexts.map((context) => context.before)).toEqual(['Alpha link 1: ', 'Alpha link 2: ', 'Alpha link 3: ']);
  });

  test.each([
    ['by title', 'Alpha'],
    ['by another spelling', 'ALPHA'],
    ['by an alias', 'alpha|this note'],
    ['with a heading', 'Alpha#Section'],
  ])('excludes a note\u2019s links to itself (%s) from backlinks and outgoing links', (_how, text) => {
    const graph = buildLinkGraph([linksOf('Alpha', text, 'beta')]);
    expect(graph.backlinksBySlug.has(slug('alpha'))).toBe(false);
    expect(graph.outgoingBySlug.get(slug('alpha'))).toEqual(['beta']);
  });

  test('ignores links to headings on the same page', () => {
    const graph = buildLinkGraph([linksWithHeadings('Alpha', new Set(['customization']), '#Customization')]);
    expect(graph.backlinksBySlug.size).toBe(0);
    expect(graph.missingPages).toEqual([]);
    expect(graph.outgoingBySlug.get(slug('alpha'))).toEqual([]);
  });

  test('makes a missing page for a Scrapbox title starting with "#" that is not a heading', () => {
    const graph = buildLinkGraph([linksOf('Alpha', '#EasyVotingGuide'), linksOf('beta', '#easyvotingguide')]);
    expect(graph.missingPages).toEqual([{ slug: '＃easyvotingguide', key: '#easyvotingguide', title: '#EasyVotingGuide' }]);
    expect(graph.backlinksBySlug.get(slug('＃easyvotingguide'))?.map((b) => b.sourceTitle)).toEqual(['Alpha', 'beta']);
  });

  test('lists the distinct pages each note links to, notes and missing titles alike, in first-link order', () => {
    const graph = buildLinkGraph([
      linksOf('Alpha', 'Gamma', 'connection', 'gamma', 'beta', 'Connection'),
      linksOf('beta'),
    ]);
    expect(graph.outgoingBySlug.get(slug('alpha'))).toEqual(['gamma', 'connection', 'beta']);
    expect(graph.outgoingBySlug.get(slug('beta'))).toEqual([]);
  });

  test('creates one missing page per missing title, with the title as first written', () => {
    const graph = buildLinkGraph([
      linksOf('Alpha', 'task management tools', 'Lexical Graph#61c4202842774800007bdaa3'),
      linksOf('beta', 'Task Management Tools', 'lexical graph'),
      linksOf('Gamma', 'TASK_MANAGEMENT_TOOLS'),
    ]);
    expect(graph.missingPages).toEqual([
      { slug: 'task_management_tools', key: 'task management tools', title: 'task management tools' },
      { slug: 'lexical_graph', key: 'lexical graph', title: 'Lexical Graph' },
    ]);
    expect(graph.backlinksBySlug.get(slug('task_management_tools'))?.map((b) => b.sourceTitle)).toEqual([
      'Alpha',
      'beta',
      'Gamma',
    ]);
  });

  test('connects notes that cite the same missing title (a Scrapbox empty link)', () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Social Hack Day #58'), linksOf('Gamma', 'social hack day #58')]);
    expect(graph.missingPages).toEqual([
      { slug: 'social_hack_day_＃58', key: 'social hack day #58', title: 'Social Hack Day #58' },
    ]);
    expect(graph.backlinksBySlug.get(slug('social_hack_day_＃58'))?.map((b) => b.sourceSlug)).toEqual([
      'alpha',
      'gamma',
    ]);
  });

  test('does not make a missing page for a title that is a note', () => {
    const graph = buildLinkGraph([linksOf('Alpha', 'Social Hack Day #57', 'beta')]);
    expect(graph.missingPages).toEqual([]);
    expect(graph.backlinksBySlug.get(slug('social_hack_day_＃57'))?.[0]?.sourceTitle).toBe('Alpha');
  });

  test('sorts backlinks by source title, ignoring case', () => {
    const graph = buildLinkGraph([
      linksOf('Gamma', 'Task Management'),
      linksOf('beta', 'Task Management'),
      linksOf('Alpha', 'Task Management'),
    ]);
    expect(graph.backlinksBySlug.get(slug('task_management'))?.map((b) => b.sourceTitle)).toEqual([
      'Alpha',
      'beta',
      'Gamma',
    ]);
  });

  test('has an empty outgoing list for a note without links and no entry for pages nobody links to', () => {
    const graph = buildLinkGraph([linksOf('Alpha'), linksOf('beta')]);
    expect(graph.outgoingBySlug.get(slug('alpha'))).toEqual([]);
    expect(graph.backlinksBySlug.size).toBe(0);
    expect(graph.missingPages).toEqual([]);
  });
});

describe('compareTitles', () => {
  test.each([
    ['alpha', 'Beta'],
    ['Beta', 'gamma'],
    ['Social Hack Day #9', 'Social Hack Day #57'],
    ['Day 2', 'Day 10'],
    ['cafe', 'café society'],
    ['Apple', 'apple pie'],
  ])('puts %j before %j', (a, b) => {
    expect(compareTitles(a, b)).toBeLessThan(0);
    expect(compareTitles(b, a)).toBeGreaterThan(0);
  });

  test.each([
    ['Task', 'task'],
    ['café', 'cafe'],
  ])('still orders %j and %j (equal to the collator) the same way every time', (a, b) => {
    const order = compareTitles(a, b);
    expect(order).not.toBe(0);
    expect(compareTitles(b, a)).toBe(-order);
  });

  test('returns 0 only for identical titles', () => {
    expect(compareTitles('Same', 'Same')).toBe(0);
  });
});
