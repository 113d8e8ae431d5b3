/**
 * The size an embedded image is shown at and the widths it is encoded in: the size written
 * after `|` (a width, or a box the image fits in, its ratio kept), never larger than the
 * file, at most `MAX_DISPLAY_WIDTH` wide; encoded at that size and, for high-density screens,
 * at twice it when the file has the pixels. An image asked for at more than
 * `MAX_EXACT_SIZES_PER_IMAGE` sizes is still shown at each, but encoded only at the widths of
 * `ENCODED_WIDTH_STEPS` (each the next one up), so no note can make the build encode one file
 * hundreds of times.
 */
import type { EmbedSize } from './embed-targets.ts';

/** Wider than the text column on any screen: the stylesheet shrinks images to the column. */
export const MAX_DISPLAY_WIDTH = 1200;

export interface PixelSize {
  width: number;
  height: number;
}

export function displaySize(original: PixelSize, requested?: EmbedSize): PixelSize {
  const widthLimit = Math.min(requested?.width ?? Infinity, MAX_DISPLAY_WIDTH, original.width);
  const heightLimit = Math.min(requested?.height ?? Infinity, original.height);
  const scale = Math.min(widthLimit / original.width, heightLimit / original.height, 1);
  return { width: Math.max(1, Math.round(original.width * scale)), height: Math.max(1, Math.round(original.height * scale)) };
}

/** The widths to encode: the shown width, and twice it (1.5 times or more of it) when the file is that large. */
export function encodedWidths(shown: PixelSize, original: PixelSize): number[] {
  const double = Math.min(shown.width * 2, original.width);
  return double >= shown.width * 1.5 ? [shown.width, double] : [shown.width];
}

/** More sizes of one file than this (across the build) are encoded at `ENCODED_WIDTH_STEPS` only. */
export const MAX_EXACT_SIZES_PER_IMAGE = 8;
/** The widths a much-resized image is encoded at: at most this many files per image. */
export const ENCODED_WIDTH_STEPS = [32, 64, 128, 256, 384, 512, 768, 1024, 1200, 1600, 2400] as const;

/**
 * Each width taken up to the next step (the browser scales it down to the shown size), at
 * most `largest` (the file's own width: never enlarged), without repeats.
 */
export function steppedWidths(widths: readonly number[], largest: number): number[] {
  const stepped = widths.map((width) => Math.min(ENCODED_WIDTH_STEPS.find((step) => step >= width) ?? width, largest));
  return [...new Set(stepped)];
}
