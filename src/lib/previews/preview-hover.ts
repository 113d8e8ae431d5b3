// Bundled for the browser: imports nothing from node:*.
/**
 * When a link preview (`scripts/link-preview.ts`) goes away as the pointer moves, and when one
 * that arrives is no longer wanted. Over any tree of nodes, given how one contains another
 * (`Node.contains` in the page), so tested without a DOM.
 */

/**
 * Whether the pointer leaving `leaving` (a previewed link, or the popover's link when it
 * leaves the popover) for `entering` hides the preview: not when it moves within the link or
 * into the popover, which is how a reader reaches the popover's text.
 */
export function pointerLeavesPreview<N>(leaving: N | undefined, entering: N | null, popover: N, contains: (outer: N, inner: N) => boolean): boolean {
  if (!leaving) return false;
  return !(entering && (contains(leaving, entering) || contains(popover, entering)));
}

/**
 * A preview arrives after its fetch: it is shown only if its link is still the one shown
 * (the reader did not move to another link or away) and the page has a preview.
 */
export function isPreviewWanted<Link, Preview>(current: Link | undefined, link: Link, preview: Preview | undefined): preview is Preview {
  return current === link && preview !== undefined;
}
