/**
 * Markdown links written to a path (`[text](features)`, `[text](Other note.md)`), resolved to
 * notes (`links/path-links.ts`) and rendered like wiki links; one that leads to no note is
 * shown as text, marked, and reported with its line.
 */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { classesFor, hrefFor } from '../../links/link-href.ts';
import { UNRESOLVED_PATH_LINK_CLASS, UNRESOLVED_PATH_LINK_RULE } from '../../links/link-nodes.ts';
import { isPathLink, resolvePathLink, type ResolvedPathLink } from '../../links/path-links.ts';
import type { TitleIndex } from '../../titles/title-index.ts';

/**
 * Resolves and renders a Markdown link if it is written to a path; undefined for URLs and
 * fragments, which stay as written.
 */
export function renderPathLink(node: Link, fromFile: string, index: TitleIndex, base: string, file: VFile): ResolvedPathLink | undefined {
  if (!isPathLink(node.url)) return undefined;
  const label = toString(node);
  const link = resolvePathLink(node.url, fromFile, index, label, base);
  if (link.kind === 'unresolved') {
    file.message(
      `the Markdown link [${label}](${node.url}) leads to no note: nothing has the file path or title ${link.path.slice(1) || '/'}. ` +
        'It is shown as text. Link to a note by its file path or title, e.g. [text](folder/Note.md) or [[Note]], or to a full https:// URL',
      node,
      UNRESOLVED_PATH_LINK_RULE,
    );
    node.data = {
      ...node.data,
      hName: 'span',
      hProperties: { href: undefined, title: `No page on this site: ${node.url}`, className: [UNRESOLVED_PATH_LINK_CLASS] },
    };
    return link;
  }
  node.url = hrefFor(link, base);
  node.data = { ...node.data, hProperties: { className: classesFor(link) } };
  return link;
}
