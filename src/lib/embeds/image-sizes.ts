/**
 * The size an embedded image is shown at and the widths it is encoded in: the size written
 * after `|` (a width, or a box the image fits in, its ratio kept), never larger than the
 * file, at most `MAX_DISPLAY_WIDTH` wide; encoded at that size and, for high-density screens,
 * at twice it when the file has the pixels.
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
