/**
 * Notes' HTML lives outside Astro's content store, in one file of the build's cache folder
 * that the loader writes and the note pages read a slice of. In the store, the HTML of tens
 * of thousands of notes was serialized, bundled and parsed back whole (memory and time that
 * grew with the wiki); a slice read per page costs neither.
 */

export const NOTE_HTML_FILE = 'note-html.bin';

/** Where a note's HTML is in the file: UTF-8 bytes. */
export interface HtmlSlice {
  offset: number;
  length: number;
}

/** Lays the notes' HTML end to end; returns the bytes and each note's slice. */
export function packHtml(htmls: readonly string[]): { bytes: Buffer; slices: HtmlSlice[] } {
  const buffers = htmls.map((html) => Buffer.from(html, 'utf8'));
  const slices: HtmlSlice[] = [];
  let offset = 0;
  for (const buffer of buffers) {
    slices.push({ offset, length: buffer.length });
    offset += buffer.length;
  }
  return { bytes: Buffer.concat(buffers, offset), slices };
}
