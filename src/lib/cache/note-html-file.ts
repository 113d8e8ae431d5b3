/**
 * Notes' HTML lives outside Astro's content store, in one file of the build's cache folder
 * that the loader writes and the note pages read a slice of. In the store, the HTML of tens
 * of thousands of notes was serialized, bundled and parsed back whole (memory and time that
 * grew with the wiki); a slice read per page costs neither.
 */

/** Where a note's HTML is in the file: UTF-8 bytes. */
export interface HtmlSlice {
  offset: number;
  length: number;
}

/**
 * Lays the notes' HTML end to end; returns the bytes and each note's slice. Encoded straight
 * into one buffer: a buffer per note and then their concatenation copied 100 MB twice at
 * 24,000 notes.
 */
export function packHtml(htmls: readonly string[]): { bytes: Buffer; slices: HtmlSlice[] } {
  const slices: HtmlSlice[] = [];
  let offset = 0;
  for (const html of htmls) {
    const length = Buffer.byteLength(html, 'utf8');
    slices.push({ offset, length });
    offset += length;
  }
  const bytes = Buffer.allocUnsafe(offset);
  htmls.forEach((html, i) => bytes.write(html, slices[i]!.offset, 'utf8'));
  return { bytes, slices };
}

/** What a loader that keeps running (`astro dev`) knows the file holds: its size and each HTML's slice, by hash. */
export interface HtmlFileState {
  size: number;
  byHash: Map<string, HtmlSlice>;
}

export interface HtmlLayout {
  /** One per note, in order. */
  slices: HtmlSlice[];
  /** `replace`: the file is `bytes`; `append`: `bytes` go at the end of the file as it is. */
  write: { mode: 'replace' | 'append'; bytes: Buffer };
  state: HtmlFileState;
}

/**
 * Where each note's HTML goes in the file. With the state of the file this process wrote
 * last, HTML the file already holds keeps its slice and only new HTML is appended, so the
 * entries of unchanged notes stay the same; without one, or once more than half of the
 * file would be HTML no note shows any more, the file is written anew.
 */
export function layoutHtml(notes: readonly { html: string; hash: string }[], state?: HtmlFileState): HtmlLayout {
  if (state) {
    const slices: HtmlSlice[] = [];
    const appended: Buffer[] = [];
    const byHash = new Map<string, HtmlSlice>();
    let size = state.size;
    let live = 0;
    for (const { html, hash } of notes) {
      let slice = byHash.get(hash) ?? state.byHash.get(hash);
      if (!slice) {
        const bytes = Buffer.from(html, 'utf8');
        slice = { offset: size, length: bytes.length };
        appended.push(bytes);
        size += bytes.length;
      }
      if (!byHash.has(hash)) live += slice.length;
      byHash.set(hash, slice);
      slices.push(slice);
    }
    if (live * 2 >= size) return { slices, write: { mode: 'append', bytes: Buffer.concat(appended) }, state: { size, byHash } };
  }
  const { bytes, slices } = packHtml(notes.map(({ html }) => html));
  const byHash = new Map(notes.map(({ hash }, i) => [hash, slices[i]!]));
  return { slices, write: { mode: 'replace', bytes }, state: { size: bytes.length, byHash } };
}
