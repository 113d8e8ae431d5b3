/**
 * The ids a page's headings get, set on them before rendering so `[[#heading]]` can be
 * resolved and no heading can take an id the page already has.
 */
import type { Root } from 'mdast';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import { PAGE_IDS } from '../../site/page-ids.ts';
import { textOfBlock } from '../block-text.ts';

/** The id `remark-rehype` gives the heading of a note's footnotes. */
export const FOOTNOTE_LABEL_ID = 'footnote-label';

/**
 * A slugger that has already handed out the page's own ids and the footnotes' heading, so a
 * heading "Main" gets `main-1` and the skip link, outline and backlinks keep their targets.
 * Every other heading keeps the id GitHub and Astro give it.
 */
export function headingSlugger(): GithubSlugger {
  const slugger = new GithubSlugger();
  for (const id of [...PAGE_IDS, FOOTNOTE_LABEL_ID]) slugger.slug(id);
  return slugger;
}

/**
 * Gives each heading its id (`data.hProperties.id`, which Astro's `rehypeHeadingIds` keeps)
 * and returns them: made from the text the reader sees (link labels, not link sources),
 * unique in document order.
 */
export function assignHeadingIds(tree: Root): Set<string> {
  const slugger = headingSlugger();
  const ids = new Set<string>();
  visit(tree, 'heading', (heading) => {
    const id = slugger.slug(textOfBlock(heading).text);
    const data = heading.data as { hProperties?: Record<string, unknown> } | undefined;
    heading.data = { ...data, hProperties: { ...data?.hProperties, id } };
    ids.add(id);
  });
  return ids;
}
