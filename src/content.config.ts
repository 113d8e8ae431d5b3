import { defineCollection } from 'astro:content';
import { notesLoader } from './loaders/notes-loader.ts';
import { pageEntry } from './loaders/entry-schema.ts';
import { settings } from './settings.ts';

/**
 * One collection for every page a wiki link can reach: notes (from files) and missing-link
 * pages (titles that are linked to but have no note). The entry id is the page's URL slug.
 */
const notes = defineCollection({
  loader: notesLoader(settings()),
  schema: pageEntry,
});

export const collections = { notes };
