/**
 * Step 4: each rendered note with what its page and the build report need (its frontmatter
 * tags as links, too), in file terms:
 * its problems and its links damaged by the translation, by line of the file (the renderer
 * counts lines of the body, which starts after the frontmatter).
 */
import { frontmatterTags, tagLinks, type TagLink } from '../lib/links/tags.ts';
import type { RenderedNote } from '../lib/markdown/rendered-note.ts';
import { guardNoteStep } from '../lib/notes/note-guard.ts';
import type { SourceProblem } from '../lib/notes/source-problem.ts';
import type { NoteSlug } from '../lib/titles/slugs.ts';
import type { NoteRef, TitleIndex } from '../lib/titles/title-index.ts';
import { linkDamage, type LinkDamage } from '../lib/translation/translation-issues.ts';
import type { ReadNote } from './loader-types.ts';

export interface NotePage extends ReadNote {
  note: NoteRef;
  /** The rendering, its links followed by the frontmatter tags' (`lib/links/tags.ts`). */
  result: RenderedNote;
  tags: TagLink[];
  damagedLinks: { text: string; damage: LinkDamage; line: number | undefined }[];
  /** The titles no note has that only this note links (`mark-single-mentions.ts`), once the link graph is known. */
  singleMentions?: SingleMentionMade[];
}

/** A title only this note links: no page; the search leads to its first mention in the note. */
export interface SingleMentionMade {
  title: string;
  /** The URL its page would have (it has one again once a second note links it). */
  slug: NoteSlug;
  /** The id of its first mention in the note's HTML; none when only a frontmatter tag makes it. */
  id: string | undefined;
}

export function notePages(notes: readonly ReadNote[], index: TitleIndex, results: readonly RenderedNote[]): { pages: NotePage[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const pages = notes.map((read, i): NotePage => {
    const { source } = read;
    const fileLine = (line: number | undefined) => (line === undefined ? undefined : line + source.bodyStartLine - 1);
    const rendered = results[i]!;
    // Tags are read here, not rendered: the render cache keys a rendering by the body only.
    const tags = tagLinks(frontmatterTags(source.frontmatter), index);
    const result = tags.occurrences.length === 0 ? rendered : { ...rendered, links: [...rendered.links, ...tags.occurrences] };
    for (const problem of result.problems) {
      problems.push({ filePath: source.filePath, line: fileLine(problem.line), message: problem.message });
    }
    const damagedLinks = guardNoteStep(
      { filePath: source.filePath, step: 'checking its links for translation damage', fallbackText: 'with no links listed as damaged' },
      problems,
      () =>
        result.links.flatMap(({ text, line, path }) => {
          const damage = path === undefined ? linkDamage(text) : undefined;
          return damage ? [{ text, damage, line: fileLine(line) }] : [];
        }),
      () => [],
    );
    return { ...read, note: index.notes[i]!, result, tags: tags.links, damagedLinks };
  });
  return { pages, problems };
}
