/**
 * `/media/<name>.webp`: the images notes embed, encoded by the loader
 * (`src/data/media-files.ts`). Each name is a content hash, which is also its cache key: an
 * incremental build copies the file from the last build instead of reading it again. The
 * route names the extension so that `astro dev` serves it without a trailing slash.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { mediaFiles, mediaResponse, type MediaFile } from '../../data/media-files.ts';

export const getStaticPaths = (() =>
  mediaFiles()
    .filter(({ name }) => name.endsWith('.webp'))
    .map((media) => ({ params: { file: media.name.slice(0, -'.webp'.length) }, props: { media }, cacheKey: media.name }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ media: MediaFile }> = ({ props }) => mediaResponse(props.media);
