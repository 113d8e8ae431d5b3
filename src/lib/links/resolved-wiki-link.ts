/** Where a wiki link leads once resolved (`wiki-links.ts`): the type the renderer, the link graph and the link nodes share. */
import type { NoteSlug } from '../titles/slugs.ts';
import type { NameKind, NoteRef } from '../titles/title-index.ts';
import type { TitleKey } from '../titles/titles.ts';

export type ResolvedWikiLink =
  | {
      kind: 'note';
      note: NoteRef;
      /** The id of the heading linked to, as the heading ids on the page are made, or a block's `^id`. */
      headingId?: string | undefined;
      label: string;
      /** Which of the note's names the link used; undefined when it shares the note's URL. */
      via?: NameKind | undefined;
    }
  | {
      kind: 'missing';
      key: TitleKey;
      /** The title as written in this link. */
      title: string;
      slug: NoteSlug;
      label: string;
    }
  | {
      /** A title several notes share (see `AmbiguousTitle`): the link goes to the page listing them. */
      kind: 'ambiguous';
      key: TitleKey;
      /** The title as the first of those notes writes it. */
      title: string;
      slug: NoteSlug;
      label: string;
    }
  | { kind: 'same-page-heading'; headingId: string; label: string };
