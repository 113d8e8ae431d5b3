/** Where a resolved link points and how it is drawn: the same for wiki links and Markdown path links. */
import { AMBIGUOUS_LINK_CLASS, MISSING_LINK_CLASS, WIKI_LINK_CLASS } from './link-nodes.ts';
import { hrefForSlug } from '../titles/slugs.ts';
import type { ResolvedWikiLink } from './resolved-wiki-link.ts';

/** The link's href under the site's base path; a heading of this page is a bare fragment. */
export function hrefFor(link: ResolvedWikiLink, base: string): string {
  if (link.kind === 'same-page-heading') return `#${link.headingId}`;
  if (link.kind === 'note') return hrefForSlug(link.note.slug, base) + (link.headingId ? `#${link.headingId}` : '');
  return hrefForSlug(link.slug, base);
}

/** The classes of the rendered link: missing titles and shared titles are drawn apart. */
export function classesFor(link: ResolvedWikiLink): string[] {
  if (link.kind === 'missing') return [WIKI_LINK_CLASS, MISSING_LINK_CLASS];
  if (link.kind === 'ambiguous') return [WIKI_LINK_CLASS, AMBIGUOUS_LINK_CLASS];
  return [WIKI_LINK_CLASS];
}
