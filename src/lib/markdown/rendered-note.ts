/** What rendering a note gives: its HTML and what the loader reads from it. Shared by the renderer, its fallbacks, the render cache and the loader. */
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { WikiLinkOccurrence } from '../links/link-nodes.ts';

export interface RenderedNote {
  html: string;
  headings: MarkdownHeading[];
  links: WikiLinkOccurrence[];
  /** The destination of every Markdown link to a path, as written (see `path-links.ts`). */
  pathLinks: string[];
  /** The first lines as plain text (see `note-excerpt.ts`). */
  excerpt: string;
  /** Problems found while rendering, by line of the Markdown given. */
  problems: { line: number | undefined; message: string }[];
  /**
   * Set when the render deadline cut the note off: what it shows then depends on the machine's
   * load, so the render cache does not keep it and the next build renders the note again.
   */
  cutOffByTime?: true;
}
