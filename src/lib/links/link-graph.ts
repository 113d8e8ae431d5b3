/**
 * The link graph: every page (note or missing title) with the notes that link to it.
 * Built once from every note's resolved links, so no page scans the others.
 */
import type { LinkContext } from './link-context.ts';
import type { WikiLinkOccurrence } from './link-nodes.ts';
import type { NoteSlug } from '../titles/slugs.ts';
import type { NoteRef } from '../titles/title-index.ts';
import type { TitleKey } from '../titles/titles.ts';

export interface Backlink {
  sourceSlug: NoteSlug;
  sourceTitle: string;
  /** The first links from that note to this page, in the note's order, up to `CONTEXTS_PER_BACKLINK`. */
  contexts: LinkContext[];
  /** How many links that note has to this page in all. */
  mentionCount: number;
}

/**
 * How many link contexts a page shows for each note that links to it; the rest are counted
 * ("and N more mentions"). A note of 160,000 paragraphs each linking one title made that
 * page an 18 MB list.
 */
export const CONTEXTS_PER_BACKLINK = 3;

/** A title that is linked to but has no note (a Scrapbox "empty link"). */
export interface MissingPage {
  slug: NoteSlug;
  key: TitleKey;
  /** The title as first written in a link (notes taken in file path order). */
  title: string;
}

export interface LinkGraph {
  backlinksBySlug: Map<NoteSlug, Backlink[]>;
  missingPages: MissingPage[];
  /** Distinct pages each note links to, notes and missing titles alike. */
  outgoingBySlug: Map<NoteSlug, NoteSlug[]>;
}

export interface NoteLinks {
  note: NoteRef;
  links: readonly WikiLinkOccurrence[];
}

/** Notes must come in a stable order (the loader sorts by file path). */
export function buildLinkGraph(notes: readonly NoteLinks[]): LinkGraph {
  const backlinksBySlug = new Map<NoteSlug, Backlink[]>();
  const missingBySlug = new Map<NoteSlug, MissingPage>();
  const outgoingBySlug = new Map<NoteSlug, NoteSlug[]>();
  for (const { note, links } of notes) {
    const bySource = new Map<NoteSlug, Backlink>();
    for (const { link, context } of links) {
      if (link.kind === 'same-page-heading') continue;
      const target = link.kind === 'note' ? link.note.slug : link.slug;
      if (link.kind === 'missing' && !missingBySlug.has(target)) {
        missingBySlug.set(target, { slug: target, key: link.key, title: link.title });
      }
      if (target === note.slug) continue;
      let backlink = bySource.get(target);
      if (!backlink) {
        backlink = { sourceSlug: note.slug, sourceTitle: note.title, contexts: [], mentionCount: 0 };
        bySource.set(target, backlink);
        let list = backlinksBySlug.get(target);
        if (!list) backlinksBySlug.set(target, (list = []));
        list.push(backlink);
      }
      backlink.mentionCount++;
      if (backlink.contexts.length < CONTEXTS_PER_BACKLINK) backlink.contexts.push(context);
    }
    outgoingBySlug.set(note.slug, [...bySource.keys()]);
  }
  for (const list of backlinksBySlug.values()) list.sort((a, b) => compareTitles(a.sourceTitle, b.sourceTitle));
  return { backlinksBySlug, missingPages: [...missingBySlug.values()], outgoingBySlug };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Reader-facing title order: case- and accent-insensitive, numbers by value. */
export function compareTitles(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
