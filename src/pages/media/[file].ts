/**
 * `/media/<name>`: the images and files notes embed, encoded and listed by the loader
 * (`src/data/media-files.ts`). Each name is a content hash, which is also its cache key: an
 * incremental build copies the file from the last build instead of reading it again.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { mediaFiles, mediaType, type MediaFile } from '../../data/media-files.ts';

export const getStaticPaths = (() =>
  mediaFiles().map((media) => ({ params: { file: media.name }, props: { media }, cacheKey: media.name }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ media: MediaFile }> = async ({ props }) =>
  new Response(new Uint8Array(await readFile(props.media.file)), { headers: { 'Content-Type': mediaType(props.media.name) } });
