// Bundled for the browser: imports nothing from node:*.
/**
 * A page's preview, read from the top of its HTML (`scripts/link-preview.ts` fetches it):
 * only up to `</head>`, where its title, description and kind are, then the rest is not read.
 */

export interface PagePreview {
  title: string;
  description: string;
  isMissing: boolean;
}

/** What `readHead` reads from: a stream's reader of text (`ReadableStreamDefaultReader<string>`). */
export interface TextReader {
  read(): Promise<{ done: boolean; value?: string | undefined }>;
  cancel(): Promise<void>;
}

const HEAD_END = '</head>';

/** Reads text until `</head>` has come, then stops the stream: the text before it (all of it if it never comes). */
export async function readHead(reader: TextReader): Promise<string> {
  let head = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) head += value;
    const end = head.indexOf(HEAD_END);
    if (end >= 0) {
      void reader.cancel();
      return head.slice(0, end);
    }
    if (done) return head;
  }
}

/**
 * The preview a page's head gives, from its meta tags' content ('' for a tag it lacks): none
 * without an `og:title` (not one of the site's pages).
 */
export function pagePreviewFrom(meta: (selector: string) => string): PagePreview | undefined {
  const title = meta('meta[property="og:title"]');
  if (!title) return undefined;
  return {
    title,
    description: meta('meta[name="description"]'),
    isMissing: meta('meta[name="page-kind"]') === 'missing',
  };
}
