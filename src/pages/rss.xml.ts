/** The feed of notes (RSS 2.0): the most recently changed notes, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allPages, isNote } from '../data/pages.ts';
import { feedNotes } from '../lib/site/feed-notes.ts';
import { hrefForSlug, type NoteSlug } from '../lib/titles/slugs.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../site.ts';

export async function GET(context: APIContext): Promise<Response> {
  const notes = (await allPages()).filter(isNote).map((entry) => ({ slug: entry.id, ...entry.data }));
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    items: feedNotes(notes).map((note) => ({
      title: note.title,
      link: hrefForSlug(note.slug as NoteSlug, import.meta.env.BASE_URL),
      pubDate: new Date(note.updated),
      description: note.excerpt,
    })),
  });
}
