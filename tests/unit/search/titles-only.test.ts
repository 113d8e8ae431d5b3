import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TitleMatch } from '../../../src/lib/search/title-matches.ts';
import { titlesOnlyMatches } from '../../../src/lib/search/titles-only.ts';
import type { NoteSlug } from '../../../src/lib/titles/slugs.ts';

const page = (slug: string, kind: TitleMatch['kind'] = 'n'): TitleMatch => ({ title: slug, slug: slug as NoteSlug, kind });

describe('titlesOnlyMatches: what the header box shows before the full text', () => {
  test('the named pages first, then those holding every word, each page once', () => {
    const named = [page('scrapbox'), page('scrapbox_tips')];
    const holding = [page('my_scrapbox'), page('scrapbox_tips'), page('old_scrapbox', 'm')];
    expect(titlesOnlyMatches(named, holding, 8).map((match) => match.slug)).toEqual(['scrapbox', 'scrapbox_tips', 'my_scrapbox', 'old_scrapbox']);
  });

  test('at most the limit, the named ones kept first', () => {
    expect(titlesOnlyMatches([page('a'), page('b')], [page('c'), page('d')], 3).map((match) => match.slug)).toEqual(['a', 'b', 'c']);
    expect(titlesOnlyMatches([page('a'), page('b')], [page('c')], 1).map((match) => match.slug)).toEqual(['a']);
    expect(titlesOnlyMatches([page('a')], [page('b')], 0)).toEqual([]);
  });

  test('no title holds the query: nothing, so the box searches the full text', () => {
    expect(titlesOnlyMatches([], [], 8)).toEqual([]);
  });

  test('any lists: unique pages, named before the rest, in their order, none lost below the limit', () => {
    const slugs = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 8 });
    fc.assert(
      fc.property(slugs, slugs, fc.nat(10), (namedSlugs, holdingSlugs, limit) => {
        const shown = titlesOnlyMatches(namedSlugs.map((s) => page(s)), holdingSlugs.map((s) => page(s)), limit).map((match) => match.slug);
        const wanted = [...new Set([...namedSlugs, ...holdingSlugs])].slice(0, limit);
        expect(shown).toEqual(wanted);
      }),
    );
  });
});
