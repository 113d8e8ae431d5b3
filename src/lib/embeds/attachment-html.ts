/**
 * The HTML of an embedded file: an image at its size (`width`/`height` reserve its place
 * before it loads), loaded lazily and decoded off the main thread, with a 2x source for
 * high-density screens; a link to any other file; and, for a file that is not there or
 * cannot be shown, a visible placeholder naming it (never a broken image).
 */
import type { EncodedImage } from './image-files.ts';
import { escapeAttribute, escapeText } from './note-embeds.ts';

export const MISSING_ATTACHMENT_CLASS = 'embed-missing';
export const FILE_LINK_CLASS = 'embed-file';

/** `mediaBase`: the URL of the media folder, ending in `/`. */
export function imageHtml(image: EncodedImage, alt: string, mediaBase: string): string {
  const [shown, double] = image.variants;
  const srcset = double ? ` srcset="${escapeAttribute(`${mediaBase}${shown!.name} 1x, ${mediaBase}${double.name} 2x`)}"` : '';
  return (
    `<img src="${escapeAttribute(mediaBase + shown!.name)}"${srcset} alt="${escapeAttribute(alt)}" ` +
    `width="${image.width}" height="${image.height}" loading="lazy" decoding="async" class="embed-image">`
  );
}

export function fileLinkHtml(href: string, label: string): string {
  return `<a href="${escapeAttribute(href)}" class="${FILE_LINK_CLASS}">${escapeText(label)}</a>`;
}

/** Shown where a file could not be: `text` says which and that it is missing. */
export function missingAttachmentHtml(text: string, title: string): string {
  return `<span class="${MISSING_ATTACHMENT_CLASS}" title="${escapeAttribute(title)}">${escapeText(text)}</span>`;
}
