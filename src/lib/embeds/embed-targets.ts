/**
 * What an embed names: a file by its extension (`picture.png`, `paper.pdf`), else a note.
 * Decided by the text alone, so that a note's rendering does not depend on which files
 * exist (those are looked up when the page is assembled). A note whose title ends in one of
 * these extensions is reached by `[[…]]`, not `![[…]]`.
 */

/** Shown as images (SVG rasterized, never inlined: see `image-files.ts`). */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'bmp', 'tif', 'tiff']);
/** Linked to as files (Obsidian plays audio and video in place; a link is the safe minimum). */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(['pdf', 'mp3', 'wav', 'ogg', 'oga', 'm4a', 'flac', 'mp4', 'm4v', 'webm', 'mov', 'ogv', 'zip']);

export type AttachmentKind = 'image' | 'file';

/** An image size as Obsidian writes it after `|`: `300` (width) or `300x200` (a box). */
export interface EmbedSize {
  width: number;
  height?: number | undefined;
}

export interface AttachmentEmbed {
  /** The path as written (`\|` read as `|`), without size or alt text. */
  path: string;
  kind: AttachmentKind;
  /** Alt text: what was written after `|` when it is not a size; else empty. */
  alt: string;
  size?: EmbedSize | undefined;
}

/** The kind of file a path names by its extension (case ignored), or undefined for a note. */
export function attachmentKind(path: string): AttachmentKind | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(path.trim())?.[1]?.toLowerCase();
  if (!extension) return undefined;
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (FILE_EXTENSIONS.has(extension)) return 'file';
  return undefined;
}

const SIZE = /^\s*(\d{1,5})\s*(?:[x×]\s*(\d{1,5}))?\s*$/i;

/** `300` or `300x200`; undefined for anything else or a zero. */
export function parseEmbedSize(text: string): EmbedSize | undefined {
  const match = SIZE.exec(text);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = match[2] === undefined ? undefined : Number(match[2]);
  if (width === 0 || height === 0) return undefined;
  return height === undefined ? { width } : { width, height };
}

/**
 * The text of `![[…]]` read as a file embed: `picture.png`, `picture.png|300`,
 * `picture.png|300x200`, `picture.png|alt text`, `picture.png|alt text|300`. Undefined when
 * the path has no file extension this site serves (then it is a note embed).
 */
export function readAttachmentEmbed(text: string): AttachmentEmbed | undefined {
  const parts = text.replace(/\\\|/g, '|').split('|');
  const path = parts[0]!.trim();
  const kind = attachmentKind(path);
  if (!kind) return undefined;
  const rest = parts.slice(1);
  const size = rest.length > 0 ? parseEmbedSize(rest.at(-1)!) : undefined;
  const alt = (size ? rest.slice(0, -1) : rest).join('|').trim();
  return { path, kind, alt, ...(size ? { size } : {}) };
}

/** A Markdown image's alt text with Obsidian's size suffix (`![chart|300](chart.png)`) split off. */
export function readImageAlt(alt: string): { alt: string; size?: EmbedSize | undefined } {
  const pipe = alt.lastIndexOf('|');
  const size = pipe >= 0 ? parseEmbedSize(alt.slice(pipe + 1)) : undefined;
  return size ? { alt: alt.slice(0, pipe).trim(), size } : { alt };
}
