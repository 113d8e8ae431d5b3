/**
 * Embedded images resized and encoded as WebP with sharp (the image library Astro's own
 * image service uses), into the media folder of the build's cache (`CACHE_DIR`). A file is
 * named by a hash of the source image's bytes, the size asked for and this pipeline's
 * version, so the same image gives the same URL on every build and machine, and an image
 * whose bytes change gets a new URL (pages that show it change with it). The last build's
 * encodings are reused: `images.json` remembers each source file's hash (by size and times)
 * and each encoding, so a rebuild reads no unchanged image and encodes nothing again.
 *
 * SVG is rasterized (a script in an SVG on the site's own origin would run when the file is
 * opened); animated GIF and WebP stay animated. Files larger than `MAX_SOURCE_BYTES` or
 * images of more than `MAX_SOURCE_PIXELS` are refused (decompression bombs).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import type { EmbedSize } from './embed-targets.ts';
import { displaySize, encodedWidths, MAX_EXACT_SIZES_PER_IMAGE, steppedWidths, type PixelSize } from './image-sizes.ts';
import { IMAGE_INDEX_FILE } from '../cache/cache-files.ts';

/** Changes every encoding's name when the way images are encoded changes. */
const PIPELINE = `webp-q80-1 sharp-${sharp.versions.sharp}`;
/** The format of `images.json`. */
const INDEX_FORMAT = 2;
export const MAX_SOURCE_BYTES = 50_000_000;
export const MAX_SOURCE_PIXELS = 100_000_000;

export interface ImageJob {
  /** Absolute path of the source image, as text: the key it is remembered by. */
  file: string;
  /** Where to read it, where that differs from `file` (a name that is not UTF-8, read as bytes). */
  diskPath?: string | Buffer | undefined;
  size?: EmbedSize | undefined;
}

export interface EncodedImage {
  /** The size it is shown at (`width`/`height` attributes). */
  width: number;
  height: number;
  /** File names in the media folder, with their width and size in bytes: the shown width first. */
  variants: { name: string; width: number; bytes: number }[];
}

export type ImageResult = { ok: true; image: EncodedImage } | { ok: false; reason: string };

interface ImageIndex {
  format: typeof INDEX_FORMAT;
  sources: Record<string, { stamp: string; hash: string }>;
  images: Record<string, EncodedImage>;
}

export function imageJobKey(job: ImageJob): string {
  return `${job.file}\0${job.size?.width ?? ''}x${job.size?.height ?? ''}`;
}

export interface ProcessedImages {
  results: Map<string, ImageResult>;
  /** The files in the media folder this build's pages use. */
  names: Set<string>;
  encoded: number;
  reused: number;
  /** Why the last build's `images.json` was ignored, when it was there but could not be read. */
  cacheProblem?: string;
}

/** Encodes what is not encoded yet; removes the media folder's files no job uses any more. */
export async function processImages(jobs: readonly ImageJob[], mediaDir: string): Promise<ProcessedImages> {
  await mkdir(mediaDir, { recursive: true });
  const { index: previous, problem: cacheProblem } = await readIndex(join(mediaDir, IMAGE_INDEX_FILE));
  const next: ImageIndex = { format: INDEX_FORMAT, sources: {}, images: {} };
  const results = new Map<string, ImageResult>();
  const names = new Set<string>([IMAGE_INDEX_FILE]);
  let encoded = 0;
  let reused = 0;
  // A file asked for at many sizes is encoded at the stepped widths only (`image-sizes.ts`).
  const sizesByFile = new Map<string, Set<string>>();
  for (const job of jobs) {
    const sizes = sizesByFile.get(job.file) ?? new Set<string>();
    sizesByFile.set(job.file, sizes.add(imageJobKey(job)));
  }
  // Read and hashed once per file, whatever the number of sizes; stepped encodings shared by sizes.
  const hashOfFile = new Map<string, { stamp: string; hash: string; bytes?: Buffer }>();
  const written = new Map<string, number>();
  for (const job of jobs) {
    const key = imageJobKey(job);
    if (results.has(key)) continue;
    const stepped = sizesByFile.get(job.file)!.size > MAX_EXACT_SIZES_PER_IMAGE;
    try {
      const info = await stat(job.diskPath ?? job.file);
      if (info.size > MAX_SOURCE_BYTES) {
        results.set(key, { ok: false, reason: `the file has ${(info.size / 1e6).toFixed(0)} MB, more than ${MAX_SOURCE_BYTES / 1e6} MB` });
        continue;
      }
      const stamp = `${info.size} ${info.mtimeMs} ${info.ino}`;
      let source = hashOfFile.get(job.file);
      if (source?.stamp !== stamp) {
        source = previous.sources[job.file]?.stamp === stamp ? { stamp, hash: previous.sources[job.file]!.hash } : undefined;
        if (!source) {
          const fileBytes = await readFile(job.diskPath ?? job.file);
          source = { stamp, hash: createHash('sha256').update(fileBytes).digest('base64url'), bytes: fileBytes };
        }
        hashOfFile.set(job.file, source);
      }
      const sourceHash = source.hash;
      let bytes = source.bytes;
      next.sources[job.file] = { stamp, hash: sourceHash };
      const id = createHash('sha256')
        .update(`${PIPELINE}\0${sourceHash}\0${job.size?.width ?? ''}x${job.size?.height ?? ''}${stepped ? '\0stepped' : ''}`)
        .digest('hex')
        .slice(0, 20);
      const known = previous.images[id];
      // A file cut short (a build killed while writing it) is encoded again.
      if (known && known.variants.every(({ name, bytes }) => statSync(join(mediaDir, name), { throwIfNoEntry: false })?.size === bytes)) {
        reused++;
        next.images[id] = known;
      } else {
        bytes ??= source.bytes = await readFile(job.diskPath ?? job.file);
        const filePrefix = stepped ? createHash('sha256').update(`${PIPELINE}\0${sourceHash}\0stepped`).digest('hex').slice(0, 20) : id;
        next.images[id] = await encode(bytes, extname(job.file), { filePrefix, stepped, written }, job.size, mediaDir);
        encoded++;
      }
      for (const { name } of next.images[id]!.variants) names.add(name);
      results.set(key, { ok: true, image: next.images[id]! });
    } catch (error) {
      results.set(key, { ok: false, reason: `the image could not be read (${reasonOf(error)})` });
    }
  }
  await writeFile(join(mediaDir, `${IMAGE_INDEX_FILE}.tmp`), JSON.stringify(next));
  await rename(join(mediaDir, `${IMAGE_INDEX_FILE}.tmp`), join(mediaDir, IMAGE_INDEX_FILE));
  for (const file of await readdir(mediaDir)) if (!names.has(file)) await rm(join(mediaDir, file), { force: true });
  names.delete(IMAGE_INDEX_FILE);
  return { results, names, encoded, reused, ...(cacheProblem ? { cacheProblem } : {}) };
}

/**
 * How an encoding's files are named: `filePrefix` and the width. Stepped encodings of one
 * file share their files: `written` holds the ones written in this build, with their bytes.
 */
interface EncodingNames {
  filePrefix: string;
  stepped: boolean;
  written: Map<string, number>;
}

async function encode(bytes: Buffer, extension: string, naming: EncodingNames, size: EmbedSize | undefined, mediaDir: string): Promise<EncodedImage> {
  const isSvg = extension.toLowerCase() === '.svg';
  const animated = /^\.(gif|webp)$/i.test(extension);
  const options = { animated, limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error' as const };
  const metadata = await sharp(bytes, options).metadata();
  const upright = (metadata.orientation ?? 1) >= 5;
  const frameHeight = animated && metadata.pageHeight ? metadata.pageHeight : metadata.height;
  const original: PixelSize = upright ? { width: frameHeight, height: metadata.width } : { width: metadata.width, height: frameHeight };
  if (!original.width || !original.height) throw new Error('it has no size');
  const shown = displaySize(original, size);
  // A drawing has the pixels for any width: twice the shown width for high-density screens.
  const exactWidths = isSvg ? [shown.width, shown.width * 2] : encodedWidths(shown, original);
  const widths = naming.stepped ? steppedWidths(exactWidths, isSvg ? Infinity : original.width) : exactWidths;
  const variants: EncodedImage['variants'] = [];
  for (const width of widths) {
    const name = `${naming.filePrefix}-${width}.webp`;
    const known = naming.written.get(name);
    if (known !== undefined) {
      variants.push({ name, width, bytes: known });
      continue;
    }
    // An SVG is drawn at the density that gives this width, so it is sharp, not scaled up.
    const density = isSvg ? Math.min(72 * 8, Math.max(72, Math.ceil((72 * width) / original.width))) : undefined;
    const output = await sharp(bytes, { ...options, ...(density ? { density } : {}) })
      .rotate()
      .resize({ width, withoutEnlargement: !isSvg })
      .webp({ quality: 80, effort: 4 })
      .toBuffer();
    await writeFile(join(mediaDir, name), output);
    naming.written.set(name, output.length);
    variants.push({ name, width, bytes: output.length });
  }
  return { width: shown.width, height: shown.height, variants };
}

async function readIndex(file: string): Promise<{ index: ImageIndex; problem?: string }> {
  const empty: ImageIndex = { format: INDEX_FORMAT, sources: {}, images: {} };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { index: empty };
  }
  try {
    const index = JSON.parse(text) as ImageIndex;
    if (index.format === INDEX_FORMAT && index.sources && index.images) return { index };
  } catch {
    // cut short or not ours: said below
  }
  return { index: empty, problem: `The image cache ${file} cannot be read: it is ignored, every embedded image is encoded again.` };
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
