/**
 * The files `/media/` serves: the encoded images and the other embedded files, as the loader
 * listed them (`src/loaders/assemble-notes.ts`). Names are content hashes, so a name always
 * means the same bytes.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MEDIA_FILES } from '../lib/cache/cache-files.ts';
import { settings } from '../settings.ts';

const listFile = join(settings().cacheDir, MEDIA_FILES);

export interface MediaFile {
  /** The file name under `/media/`. */
  name: string;
  /** Where its bytes are: the cache's media folder, or the content folder. */
  file: string;
  /** Where a file whose name is not UTF-8 is, as the base64 of its path's bytes (`file` is then its name as read). */
  fileBytes?: string;
}

export function mediaFiles(): MediaFile[] {
  try {
    return JSON.parse(readFileSync(listFile, 'utf8')) as MediaFile[];
  } catch {
    // No note embeds a file (or no notes were loaded).
    return [];
  }
}

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  ogv: 'video/ogg',
  zip: 'application/zip',
};

export function mediaType(name: string): string {
  return TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** The file's bytes as the response of its route. */
export async function mediaResponse(media: MediaFile): Promise<Response> {
  return new Response(new Uint8Array(await readFile(media.fileBytes === undefined ? media.file : Buffer.from(media.fileBytes, 'base64'))), { headers: { 'Content-Type': mediaType(media.name) } });
}
