/**
 * Step 2: every page name known before any note renders (titles, file paths, the titles of
 * the originals a note translates), and a warning for each note whose title another note
 * also has, or whose URL is not the one its title gives.
 */
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import { MAX_SLUG_BYTES, MAX_SLUG_DEPTH } from '../lib/titles/slugs.ts';
import { buildTitleIndex, type UrlNotice } from '../lib/titles/title-index.ts';
import type { LoaderMemory } from './loader-memory.ts';
import type { IndexedTitles, ReadNote } from './loader-types.ts';

/**
 * `memory`: in `astro dev`, a load whose titles are those of the last reuses its index (0.3 s
 * at 24,000 notes); the index is built from the titles alone, so it is the same index.
 */
export function indexTitles(notes: readonly ReadNote[], memory?: Pick<LoaderMemory, 'titles'>): IndexedTitles & { problems: SourceProblem[] } {
  const indexInput = notes.map(({ source, translations }) => ({
    title: source.title,
    filePath: source.filePath,
    originalTitles: translations.map((translation) => translation.title),
  }));
  const inputJson = JSON.stringify(indexInput);
  const index = memory?.titles?.inputJson === inputJson ? memory.titles.index : buildTitleIndex(indexInput);
  if (memory) memory.titles = { index, indexInput, inputJson };
  const titleLines = new Map(notes.map(({ source }) => [source.filePath, source.titleLine]));
  const problems = index.ambiguousTitles.flatMap((shared) =>
    shared.notes.map((ref): SourceProblem => {
      const others = shared.notes.filter((other) => other !== ref).map((other) => `${other.filePath} ("${other.title}")`);
      return {
        filePath: ref.filePath,
        line: titleLines.get(ref.filePath),
        message:
          `the title "${ref.title}" is also the title of ${others.join(', ')}: titles match ignoring case, "_" versus space and Unicode form. ` +
          `Both are published, each at its own URL (this one at /notes/${ref.slug}/), and links to the title go to a page listing them. ` +
          'Give one of them another title to make links reach it directly.',
      };
    }),
  );
  for (const notice of index.urlNotices) {
    problems.push({ filePath: notice.note.filePath, line: titleLines.get(notice.note.filePath), message: urlNoticeMessage(notice) });
  }
  return { index, indexInput, inputJson, problems };
}

function urlNoticeMessage({ note, wanted, reason, holder }: UrlNotice): string {
  const at = `this note is at /notes/${note.slug}/`;
  switch (reason) {
    case 'taken': {
      const page = holder?.filePath ?? `the page listing the notes titled "${holder?.title}"`;
      const has = holder?.slug === wanted ? 'has' : `takes on macOS and Windows, which ignore case, with its own /notes/${holder?.slug}/`;
      return `the title "${note.title}" gives the URL /notes/${wanted}/, which ${page} ("${holder?.title}") ${has}: ${at}. Change one of the titles to give each a URL of its own.`;
    }
    case 'long-path':
      return (
        `the title "${note.title.length > 120 ? `${note.title.slice(0, 120)}…` : note.title}" is too long a path for a URL (more than ${MAX_SLUG_BYTES} bytes or ${MAX_SLUG_DEPTH} segments between "/"): ` +
        `${at}, its last segments joined into one and cut. Shorten the title or use fewer "/".`
      );
    case 'device-name':
      return `the title "${note.title}" has a segment that Windows keeps for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9): ${at}. Rename it to give it a plain URL.`;
    case 'page-file':
      return `the title "${note.title}" has a segment "index.html", the name of a page's own file: ${at}. Rename it to give it a plain URL.`;
  }
}
