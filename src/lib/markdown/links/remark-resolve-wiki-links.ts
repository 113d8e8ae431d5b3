/**
 * Remark plugin that runs after `remark-wiki-link` has parsed `[[links]]` into `wikiLink`
 * nodes: turns `![[embeds]]` into wiki links or file markers and Markdown images with a
 * path into file markers (`embeds.ts`), takes wiki links out of the
 * Markdown links around them (`../faithful-brackets.ts`), reads `#hashtags` as wiki links
 * (`hashtags.ts`), resolves every wiki link through
 * `resolveWikiLink` and renders it as an `<a>`, resolves Markdown links written to a path
 * (`markdown-path-links.ts`), and records every link with its context in
 * `file.data.wikiLinks` for the link graph (`link-occurrences.ts`). Last, note embeds that
 * reached a note become block markers (`embeds.ts`), filled in when the page is assembled.
 */
import type { Link, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { classesFor, hrefFor } from '../../links/link-href.ts';
import { HASHTAG_CLASS, type WikiLinkNode } from '../../links/link-nodes.ts';
import { resolveTag } from '../../links/tags.ts';
import { resolveWikiLink } from '../../links/wiki-links.ts';
import type { ResolvedWikiLink } from '../../links/resolved-wiki-link.ts';
import type { TitleIndex } from '../../titles/title-index.ts';
import { hoistWikiLinksOutOfLinks } from '../faithful-brackets.ts';
import { markLocalImages, placeNoteEmbeds, splitEmbeds } from './embeds.ts';
import { splitHashtags } from './hashtags.ts';
import { assignHeadingIds } from './heading-ids.ts';
import { isBlockReference } from '../../links/block-references.ts';
import { linkOccurrences, nearestBlock, type FoundLink } from './link-occurrences.ts';
import { renderPathLink } from './markdown-path-links.ts';

export interface RemarkResolveWikiLinksOptions {
  index: TitleIndex;
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
  /** Read `#word` as a link (`hashtags.ts`); default true. */
  hashtags?: boolean;
}

export const remarkResolveWikiLinks: Plugin<[RemarkResolveWikiLinksOptions], Root> = ({ index, base, hashtags = true }) => {
  return (tree, file) => {
    splitEmbeds(tree);
    markLocalImages(tree);
    hoistWikiLinksOutOfLinks(tree);
    if (hashtags) splitHashtags(tree, file);
    // Render every link first: a block's text, shared by its links' contexts, uses their labels.
    const found: FoundLink[] = [];
    const pathLinks: string[] = [];
    const noteEmbeds: { node: WikiLinkNode; ancestors: Parent[] }[] = [];
    const fromFile = (file.path ?? '').replace(/^\/+/, '');
    visitParents(tree, (node) => node.type === 'wikiLink' || node.type === 'link', (node, ancestors) => {
      if (node.type === 'link') {
        const written = (node as Link).url;
        const link = renderPathLink(node as Link, fromFile, index, base, file);
        if (link) {
          pathLinks.push(written);
          if (link.kind !== 'unresolved') found.push({ node: node as Link, block: nearestBlock(ancestors), link, written });
        }
        return;
      }
      const wikiLink = node as WikiLinkNode;
      const link = wikiLink.data?.hashtag ? resolveTag(wikiLink.value, index) : resolveWikiLink(wikiLink.value, index);
      renderWikiLink(wikiLink, link, base);
      found.push({ node: wikiLink, block: nearestBlock(ancestors), link });
      if (wikiLink.data?.embed && link.kind === 'note') noteEmbeds.push({ node: wikiLink, ancestors: [...ancestors] });
    });
    // `[[#heading]]` needs the page's heading ids, which depend on the labels of links inside
    // headings: so those links are resolved again once every label is known.
    const headingIds = new Set([...assignHeadingIds(tree), ...(file.data.blockIds ?? [])]);
    for (const entry of found) {
      if (entry.node.type !== 'wikiLink' || !entry.node.value.trimStart().startsWith('#')) continue;
      entry.link = resolveWikiLink(entry.node.value, index, headingIds);
      const fragment = entry.node.value.trim().slice(1);
      if (isBlockReference(fragment) && entry.link.kind !== 'same-page-heading') {
        // `[[#^id]]` with no such block: a link to the top of this note, as Obsidian has it.
        file.message(`the link [[${entry.node.value}]] names a block id this note does not have: it links to the top of the note. Write ^${fragment.slice(1)} at the end of the block`, entry.node);
        entry.link = { kind: 'same-page-heading', headingId: '', label: entry.link.label };
      }
      renderWikiLink(entry.node, entry.link, base);
    }
    file.data.wikiLinks = linkOccurrences(found);
    file.data.pathLinks = pathLinks;
    placeNoteEmbeds(noteEmbeds);
  };
};

function renderWikiLink(node: WikiLinkNode, link: ResolvedWikiLink, base: string): void {
  node.data = {
    ...node.data,
    hName: 'a',
    hProperties: { href: hrefFor(link, base), className: node.data?.hashtag ? [...classesFor(link), HASHTAG_CLASS] : classesFor(link) },
    hChildren: [{ type: 'text', value: node.data?.hashtag ?? link.label }],
  };
}
