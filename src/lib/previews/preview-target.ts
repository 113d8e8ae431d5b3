// Bundled for the browser: imports nothing from node:*.
/**
 * Which links get a preview (`scripts/link-preview.ts`): links to another page of this
 * site's notes. A link to the page itself (a heading link) and links elsewhere do not.
 */

/** The parts of a URL the choice looks at (an `<a>` and `location` both have them). */
export interface UrlParts {
  origin: string;
  pathname: string;
}

/** The folder the notes' pages are under, for a site served under `base`. */
export function notesPathOf(base: string): string {
  return `${base}notes/`;
}

/** Whether a link to `link`, on the page at `page`, gets a preview. */
export function isPreviewable(link: UrlParts, page: UrlParts, notesPath: string): boolean {
  if (link.origin !== page.origin || !link.pathname.startsWith(notesPath)) return false;
  return link.pathname !== page.pathname; // same page: a heading link
}

/** The page a preview is read from, and cached under: the link without its query and fragment. */
export function previewUrl(link: UrlParts): string {
  return link.origin + link.pathname;
}
