import { describe, expect, test } from 'vitest';
import { buildLinkGraph, type NoteLinks } from '../../../src/lib/links/link-graph.ts';
import type { WikiLinkOccurrence } from '../../../src/lib/links/link-nodes.ts';
import type { NoteSlug } from '../../../src/lib/titles/slugs.ts';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { twoHopLinks, type PageLabel } from '../../../src/lib/links/two-hop-links.ts';
import { resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

/** Notes A…, each with the titles it links to. */
const NOTES: Record<string, string[]> = {
  Me: ['Hub', 'Shared', 'missing topic', 'Friend'],
  Friend: ['Shared'],
  Fan: ['Me', 'Shared'],
  Cousin: ['Shared', 'missing topic'],
  Stranger: ['Other'],
  Hub: [],
  Shared: [],
  Other: [],
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Hub fan ${String(i + 1).padStart(2, '0')}`, ['Hub']])),
};

const index = buildTitleIndex(Object.keys(NOTES).map((title) => ({ title, filePath: `${title}.md` })));
const graph = buildLinkGraph(
  index.notes.map(
    (note): NoteLinks => ({
      note,
      links: NOTES[note.title]!.map(
        (text): WikiLinkOccurrence => ({
          text,
          link: resolveWikiLink(text, index),
          context: { before: '', linkText: text, after: '' },
          line: 1,
        }),
      ),
    }),
  ),
);
const slugOf = (title: string) => index.notes.find((note) => note.title === title)?.slug ?? (title.replace(/ /g, '_') as NoteSlug);
const label = (slug: NoteSlug): PageLabel => {
  const note = index.noteBySlug(slug);
  return { slug, title: note?.title ?? slug.replace(/_/g, ' '), isMissing: !note };
};

describe('twoHopLinks', () => {
  const groups = twoHopLinks(slugOf('Me'), graph, label, 5);
  const byVia = Object.fromEntries(groups.map((group) => [group.via.title, group]));

  test('groups the other notes under each page this note links to', () => {
    expect(byVia['Shared']?.notes.map((note) => note.title)).toEqual(['Cousin']);
    expect(byVia['missing topic']?.notes.map((note) => note.title)).toEqual(['Cousin']);
  });

  test('includes pages for missing titles and marks them', () => {
    expect(byVia['missing topic']?.via.isMissing).toBe(true);
    expect(byVia['Shared']?.via.isMissing).toBe(false);
  });

  test('leaves out notes already linked either way, and the note itself', () => {
    const listed = groups.flatMap((group) => group.notes.map((note) => note.title));
    expect(listed).not.toContain('Friend');
    expect(listed).not.toContain('Fan');
    expect(listed).not.toContain('Me');
  });

  test('leaves out pages no other note links to', () => {
    expect(byVia['Friend']).toBeUndefined();
    expect(Object.keys(byVia)).not.toContain('Other');
  });

  test('cuts a hub to the cap, by title, and keeps the full count', () => {
    expect(byVia['Hub']?.total).toBe(12);
    expect(byVia['Hub']?.notes.map((note) => note.title)).toEqual([
      'Hub fan 01',
      'Hub fan 02',
      'Hub fan 03',
      'Hub fan 04',
      'Hub fan 05',
    ]);
  });

  test('puts the groups with fewer notes first', () => {
    expect(groups.map((group) => group.via.title)).toEqual(['missing topic', 'Shared', 'Hub']);
  });

  test('gives nothing to a note whose links nobody shares', () => {
    expect(twoHopLinks(slugOf('Stranger'), graph, label)).toEqual([]);
  });
});
