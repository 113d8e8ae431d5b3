/**
 * The entries the loader stores and the pages read: one zod schema per kind of page, the one
 * source of their types (`z.infer`). Slugs are branded `NoteSlug`s here, so a page can pass
 * them to `hrefForSlug` as they are.
 */
import { z } from 'astro/zod';
import type { NoteSlug } from '../lib/titles/slugs.ts';

/** A page's URL slug (`lib/titles/slugs.ts`): made only by the slug rules, never typed by hand. */
const noteSlug = z.custom<NoteSlug>((value) => typeof value === 'string', 'a page slug');

const linkContext = z.object({ before: z.string(), linkText: z.string(), after: z.string() });

const translationSource = z.object({
  title: z.string(),
  url: z.string(),
  project: z.string().optional(),
  engine: z.string().optional(),
});

const backlink = z.object({
  /** The linking note's URL slug. */
  sourceSlug: noteSlug,
  sourceTitle: z.string(),
  /** The words around the first links from that note (at most 3, `CONTEXTS_PER_BACKLINK`). */
  contexts: z.array(linkContext),
  /** How many links that note has to this page in all. */
  mentionCount: z.number(),
});

export const noteEntry = z.object({
  kind: z.literal('note'),
  title: z.string(),
  /** The note's file, relative to the content folder. */
  filePath: z.string(),
  backlinks: z.array(backlink),
  /** How many distinct pages the note links to. */
  linkCount: z.number(),
  /** The first lines as plain text (about 240 characters): page description and link preview. */
  excerpt: z.string(),
  /** Where the note's HTML is in the note HTML file of the build's cache (see lib/cache/note-html-file.ts). */
  html: z.object({ offset: z.number(), length: z.number() }),
  /** A hash of the note's HTML: what the page's cache key holds in place of the HTML (lib/cache/page-cache-key.ts). */
  htmlHash: z.string(),
  /** The note's headings, for the outline. */
  headings: z.array(z.object({ depth: z.number(), slug: z.string(), text: z.string() })),
  /** When the note last changed (ISO 8601, UTC): frontmatter, else its last commit, else the file's modification time (lib/notes/note-dates.ts). */
  updated: z.string(),
  /** When the note first appeared (ISO 8601, UTC): frontmatter `created`/`date`, else its first commit; unknown without either. */
  created: z.string().optional(),
  /** The distinct pages the note links to (slugs), notes and missing titles alike; with the backlinks, the link graph 2-hop links are made from. */
  outgoing: z.array(noteSlug),
  /** What the note is a translation of: from its footer(s), or frontmatter `original_title`/`source` (several when wiki pages were merged into one note). */
  translations: z.array(translationSource),
  /** Links whose text the translation damaged, with their file lines. */
  damagedLinks: z.array(z.object({ text: z.string(), damage: z.enum(['broken-url', 'padded']), line: z.number().optional() })),
  /** File lines of translation footers that could not be read. */
  unreadableFooterLines: z.array(z.number()),
  /** The frontmatter as written, for fields other features read. */
  frontmatter: z.record(z.string(), z.unknown()),
  /** The frontmatter tags, each with the page it links to (`lib/links/tags.ts`). */
  tags: z.array(z.object({ tag: z.string(), slug: noteSlug, kind: z.enum(['note', 'missing', 'ambiguous', 'single-mention']) })),
  /**
   * The titles no note has that only this note links (`lib/links/single-mentions.ts`): they
   * have no page; the title list leads to the id of their first mention in the note's HTML.
   */
  singleMentions: z.array(
    z.object({
      title: z.string(),
      slug: noteSlug,
      id: z.string().optional(),
      /** A note whose title differs only by a plural ending or a full stop: probably meant (the translation issues page lists it). */
      nearNote: z.object({ title: z.string(), slug: noteSlug }).optional(),
    }),
  ),
});

export const disambiguationEntry = z.object({
  kind: z.literal('disambiguation'),
  /** The title several notes share (equal under the link rules), as the first of them writes it. */
  title: z.string(),
  /** The notes that have it, each at its own URL, in file path order. */
  notes: z.array(z.object({ title: z.string(), slug: noteSlug, filePath: z.string(), excerpt: z.string() })),
  backlinks: z.array(backlink),
});

export const missingEntry = z.object({
  kind: z.literal('missing'),
  /** The title as first written in a link. */
  title: z.string(),
  backlinks: z.array(backlink),
  /** A note whose title differs only by a plural ending or a full stop: probably meant. */
  nearNote: z.object({ title: z.string(), slug: noteSlug }).optional(),
});

/** Every page a wiki link can reach: notes, titles several notes share, and missing titles. */
export const pageEntry = z.discriminatedUnion('kind', [noteEntry, disambiguationEntry, missingEntry]);

export type NoteEntryData = z.infer<typeof noteEntry>;
export type DisambiguationEntryData = z.infer<typeof disambiguationEntry>;
export type MissingEntryData = z.infer<typeof missingEntry>;
