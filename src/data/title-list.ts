/**
 * The site's title list (src/lib/search/title-list.ts), built from the collection: every page
 * a title reaches, the other names of notes, and the titles only one note links (which lead
 * to their mention in it). Written whole as `/titles.json` (for tools)
 * and in pieces under `/titles/` (what the search box loads, `title-pieces.ts`).
 */
import { allPages, isNote, slugOf } from './pages.ts';
import { buildTitleList, type TitledPage, type TitleListFile } from '../lib/search/title-list.ts';
import { buildTitleIndex } from '../lib/titles/title-index.ts';

export async function siteTitleList(): Promise<TitleListFile> {
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
  return buildTitleList(titled, index);
}
