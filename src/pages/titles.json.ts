/**
 * The title list the search box loads once (src/lib/search/title-list.ts): every page a
 * title reaches and the other names of notes, so a title always finds its page; and the titles
 * only one note links, which lead to their mention in it.
 */
import { allPages, isNote, slugOf } from '../data/pages.ts';
import { buildTitleList, type TitledPage } from '../lib/search/title-list.ts';
import { buildTitleIndex } from '../lib/titles/title-index.ts';

export async function GET(): Promise<Response> {
  const pages = await allPages();
  const notes = pages.filter(isNote).sort((a, b) => (a.data.filePath < b.data.filePath ? -1 : a.data.filePath > b.data.filePath ? 1 : 0));
  // The link rules' index, built as the loader builds it (loaders/index-titles.ts).
  const index = buildTitleIndex(
    notes.map((note) => ({
      title: note.data.title,
      filePath: note.data.filePath,
      originalTitles: note.data.translations.map((translation) => translation.title),
    })),
  );
  const titled: TitledPage[] = pages.flatMap((entry) =>
    isNote(entry)
      ? [
          {
            title: entry.data.title,
            slug: slugOf(entry),
            kind: 'note',
            filePath: entry.data.filePath,
            originalTitles: entry.data.translations.map((translation) => translation.title),
          },
          // Titles only this note links: no page, found by title all the same.
          ...entry.data.singleMentions.map(({ title, slug, id }): TitledPage => ({ title, slug, kind: 'missing', mentionedIn: { note: slugOf(entry), id } })),
        ]
      : [{ title: entry.data.title, slug: slugOf(entry), kind: entry.data.kind }],
  );
  return new Response(JSON.stringify(buildTitleList(titled, index)), { headers: { 'content-type': 'application/json' } });
}
