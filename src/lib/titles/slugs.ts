// Bundled for the browser: imports nothing from node:*.
/**
 * URL slugs for titles. One slug per title key, so every spelling of a title
 * (case, `_`, NFD) lands on the same page and the URL never depends on which
 * spelling was met first.
 *
 * Rules, chosen so that distinct titles in the corpora keep distinct URLs:
 * - the slug is the title key (lower case, NFC) with spaces turned into `_`, as in Scrapbox
 *   URLs; keys never hold `_` (it counts as a space), so `2 hop links` and `2-hop links`
 *   keep different URLs;
 * - `/` stays a path separator: `Start/expand/connect` becomes `start/expand/connect`
 *   (replacing it with `-` would merge `Product/Market Fit` with `product market fit`);
 * - `#`, `?`, `%` and `\` become their full-width forms `＃`, `？`, `％`, `＼`: Astro cannot route
 *   them in a path parameter (it writes `%23` into the file name, or fails on `%`), and the
 *   full-width forms read the same in the address bar without dropping the character;
 * - every other character is kept as written (quotes, `:`, a trailing `.`, Japanese, emoji)
 *   and percent-encoded only in hrefs, see `hrefForSlug`;
 * - segments that a browser or file system would read specially are rewritten:
 *   empty segments (`-`), `.` and `..` (`-dot`), control characters (`-`), and segments
 *   longer than a file name may be (cut);
 * - every rewrite that two keys could share ends in `~` and a hash of the whole key, so
 *   distinct keys always get distinct slugs: the rewritten segments above, and keys that
 *   hold `＃ ？ ％ ＼` themselves or end a segment in `~` and 8 hex digits.
 */
import type { TitleKey } from './titles.ts';

declare const slugBrand: unique symbol;
/** A page's path below the notes route, segments joined by `/`, not encoded. */
export type NoteSlug = string & { readonly [slugBrand]: true };

/** File systems allow 255 bytes per name; keep room for suffixes such as `.html`. */
export const MAX_SEGMENT_BYTES = 200;

const encoder = new TextEncoder();

export function slugForKey(key: TitleKey): NoteSlug {
  const segments = key.split('/').map((segment) => slugSegment(segment, key));
  const texts = segments.map((segment) => segment.text);
  // A rewrite that two keys could share gets the key's hash, so every key keeps its own URL.
  if (MAY_CLASH.test(key) || segments.some((segment) => segment.rewritten)) {
    const last = texts.length - 1;
    texts[last] = `${truncateToBytes(texts[last]!, MAX_SEGMENT_BYTES - HASH_SUFFIX_BYTES)}~${shortHash(key)}`;
  }
  return texts.join('/') as NoteSlug;
}

/**
 * The URL of one of several notes whose titles have the same key (they share a
 * disambiguation page at `slugForKey(key)`): that slug, `~` and a hash of the key and the
 * note's file, so each note has its own.
 */
export function slugForDuplicate(key: TitleKey, filePath: string): NoteSlug {
  const texts = slugForKey(key).split('/');
  const last = texts.length - 1;
  texts[last] = `${truncateToBytes(texts[last]!, MAX_SEGMENT_BYTES - HASH_SUFFIX_BYTES)}~${shortHash(`${key}\n${filePath}`)}`;
  return texts.join('/') as NoteSlug;
}

const FULL_WIDTH: Record<string, string> = { '#': '＃', '?': '？', '%': '％', '\\': '＼' };
/**
 * Keys whose plain slug another key could also get: they hold a full-width replacement
 * character themselves (`a＃b` next to `a#b`), or end a segment like a hashed slug does.
 */
const MAY_CLASH = /[＃？％＼]|~[0-9a-f]{8}(?:\/|$)/u;
/** `~` and 8 hex digits. */
const HASH_SUFFIX_BYTES = 9;

function slugSegment(segment: string, wholeKey: string): { text: string; rewritten: boolean } {
  let rewritten = false;
  let out = segment
    .replace(/[#?%\\]/g, (char) => FULL_WIDTH[char] ?? char)
    // Control characters cannot be part of a file name or a URL.
    .replace(/[\u0000-\u001f\u007f]/g, () => {
      rewritten = true;
      return '-';
    })
    .replace(/ /g, '_');
  if (out === '') {
    out = '-';
    rewritten = true;
  }
  if (/^\.+$/.test(out)) {
    out = out.replace(/\./g, '-dot');
    rewritten = true;
  }
  if (encoder.encode(out).length > MAX_SEGMENT_BYTES) {
    out = `${truncateToBytes(out, MAX_SEGMENT_BYTES - HASH_SUFFIX_BYTES)}~${shortHash(wholeKey)}`;
  }
  return { text: out, rewritten };
}

function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and platforms. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The route every note and missing-link page lives under. */
export const NOTES_ROUTE = 'notes';

/** The href of a page, percent-encoded segment by segment, with a trailing slash. */
export function hrefForSlug(slug: NoteSlug, base = '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const path = slug.split('/').map(encodePathSegment).join('/');
  return `${prefix}${NOTES_ROUTE}/${path}/`;
}

/**
 * Percent-encodes a path segment, leaving the characters a path may hold as they are
 * (RFC 3986 `pchar`: `: @ ! $ & ' ( ) * + , ; =`). Static servers decode paths with
 * `decodeURI` (sirv, under `astro preview`), which leaves `%3A` and the like encoded, so a
 * page at `…/a:b/` must be linked as `a:b`, not `a%3Ab`.
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
