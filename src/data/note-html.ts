/** Reads a note's HTML from the file the loader wrote (see lib/cache/note-html-file.ts). */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlSlice } from '../lib/cache/note-html-file.ts';
import { NOTE_HTML_FILE } from '../lib/cache/cache-files.ts';
import { settings } from '../settings.ts';

const file = join(settings().cacheDir, NOTE_HTML_FILE);

export function noteHtml(slice: HtmlSlice): string {
  // Opened per read: in `astro dev` the loader replaces the file when notes change.
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(slice.length);
    const read = readSync(fd, buffer, 0, slice.length, slice.offset);
    if (read !== slice.length) throw new Error(`${file} is shorter than the content store says: build again (npm run build)`);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
