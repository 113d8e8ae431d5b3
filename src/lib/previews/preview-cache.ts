// Bundled for the browser: imports nothing from node:*.
/**
 * One fetch per page for the link previews (`scripts/link-preview.ts`): the fetch starts when
 * the pointer reaches a link, and the preview shown after the delay, and on every later visit,
 * is that same one. A failed fetch counts as no preview, and is not tried again on this page.
 */

/** Asks for a page's preview by its URL, fetching each URL once. */
export function previewCache<Preview>(fetchPreview: (url: string) => Promise<Preview | undefined>): (url: string) => Promise<Preview | undefined> {
  const previews = new Map<string, Promise<Preview | undefined>>();
  return (url) => {
    let preview = previews.get(url);
    if (!preview) {
      preview = fetchPreview(url).catch(() => undefined);
      previews.set(url, preview);
    }
    return preview;
  };
}
