/** The ids a page's headings will get, known before rendering so `[[#heading]]` can be resolved. */
import type { Root } from 'mdast';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import { textOfBlock } from '../block-text.ts';

/**
 * Made the way Astro's `rehypeHeadingIds` makes them: from the text the reader sees (link
 * labels, not link sources), unique in document order.
 */
export function headingIdsOf(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(tree, 'heading', (heading) => {
    ids.add(slugger.slug(textOfBlock(heading).text));
  });
  return ids;
}
