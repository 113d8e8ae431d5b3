/**
 * Rehype plugin for images on other hosts (Scrapbox icons, Gyazo, Twitter: nishio-en has
 * about 11,800): each loads only when the reader scrolls near it (`loading="lazy"`, unless
 * the note says otherwise), is decoded off the main thread (`decoding="async"`) and sends no
 * referrer, so those hosts do not learn which page the reader is on
 * (`referrerpolicy="no-referrer"`).
 *
 * Its size is reserved where the note gives one, so the text does not jump when it loads or
 * fails: with `width` and `height` the browser keeps the ratio itself; a `height` alone (as
 * the Scrapbox icons carry) is kept as the image's height, which the stylesheet's
 * `height: auto` would otherwise drop. Icons are sized by the stylesheet
 * (`img[alt$='.icon']`, a square of the line's height).
 *
 * It runs after the sanitizer. With `TRUSTED_HTML` raw HTML is published as written, so only
 * Markdown images are marked there.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** `http:`, `https:` or protocol-relative: an image the reader's browser fetches from another host. */
export function isRemoteImageSource(src: unknown): boolean {
  return typeof src === 'string' && /^\s*(?:https?:)?\/\//i.test(src);
}

/** A size attribute the browser reads as pixels: a plain positive number. */
function pixels(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

export function rehypeRemoteImages() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || !isRemoteImageSource(node.properties.src)) return;
      const { properties } = node;
      properties.loading ??= 'lazy';
      properties.decoding = 'async';
      properties.referrerPolicy = 'no-referrer';
      const height = pixels(properties.height);
      const isIcon = typeof properties.alt === 'string' && properties.alt.endsWith('.icon');
      if (height !== undefined && pixels(properties.width) === undefined && !isIcon && properties.style === undefined) {
        properties.style = `height: ${height}px`;
      }
    });
  };
}
