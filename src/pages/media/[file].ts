/**
 * `/media/<name>.<extension>`: the other files notes embed (`![[paper.pdf]]`), as they are
 * (`src/data/media-files.ts`), named by a hash of their bytes. `astro dev` serves these only
 * at `/media/<name>/` (a route without an extension takes the trailing slash); the built site
 * has them at their names.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { mediaFiles, mediaResponse, type MediaFile } from '../../data/media-files.ts';

export const getStaticPaths = (() =>
  mediaFiles()
    .filter(({ name }) => !name.endsWith('.webp'))
    .map((media) => ({ params: { file: media.name }, props: { media }, cacheKey: media.name }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ media: MediaFile }> = ({ props }) => mediaResponse(props.media);
