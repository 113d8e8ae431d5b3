/** The feed of notes (RSS 2.0): the most recently changed notes, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allPages, isNote, slugOf } from '../data/pages.ts';
import { feedNotes } from '../lib/site/feed-notes.ts';
import { hrefForSlug } from '../lib/titles/slugs.ts';
import { settings } from '../settings.ts';

const { siteTitle, siteDescription, siteLanguage } = settings();

export async function GET(context: APIContext): Promise<Response> {
  const notes = (await allPages()).filter(isNote).map((entry) => ({ slug: slugOf(entry), ...entry.data }));
  return rss({
    title: siteTitle,
    description: siteDescription,
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    customData: `<language>${siteLanguage}</language>`,
    items: feedNotes(notes).map((note) => ({
      title: note.title,
      link: hrefForSlug(note.slug, import.meta.env.BASE_URL),
      pubDate: new Date(note.updated),
      description: note.excerpt,
    })),
  });
}
