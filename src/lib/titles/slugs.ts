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
 *   empty segments (`-`), `.` and `..` (`-dot`), control characters and lone surrogates
 *   (`-`), Windows device names (`con`, `nul`, `com1.txt`: `con~`, `com1~.txt`), the page
 *   file's own name (`index.html`: `index.html~`, else `a/index.html` would be a folder
 *   where the page of `a` is a file), and segments longer than a file name may be (cut);
 * - the whole path is bounded too (`MAX_SLUG_BYTES`, `MAX_SLUG_DEPTH`): a longer one keeps
 *   its first segments and folds the rest into one last segment, cut;
 * - every rewrite that two keys could share ends in `~` and a hash of the whole key, so
 *   distinct keys always get distinct slugs: the rewritten segments above, and keys that
 *   hold `＃ ？ ％ ＼` themselves or end a segment in `~` and a hash's 26 characters.
 *
 * The hash is SHA-256, cut to 130 bits (26 base32 characters): finding two titles with one
 * hash takes about 2^65 tries, so a title cannot be made to land on another's URL. What
 * would still meet (a hash collision, or two slugs that only a case-insensitive file system
 * confuses) is settled by the title index, which gives each page a URL of its own.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { TitleKey } from './titles.ts';

declare const slugBrand: unique symbol;
/** A page's path below the notes route, segments joined by `/`, not encoded. */
export type NoteSlug = string & { readonly [slugBrand]: true };

/** File systems allow 255 bytes per name; keep room for suffixes such as `.html`. */
export const MAX_SEGMENT_BYTES = 200;
/**
 * The whole slug, `/`s included. Linux refuses paths over 4,096 bytes: this leaves 3,000
 * for the output folder, `notes/`, the base path and `/index.html`.
 */
export const MAX_SLUG_BYTES = 1024;
/** Segments (folders) in one slug; the corpora's deepest title has 8. */
export const MAX_SLUG_DEPTH = 32;
/** The characters of a slug hash: 26 base32 characters, 130 bits. */
export const HASH_LENGTH = 26;

/** A hash of a title key for slugs: lower case letters and digits, `HASH_LENGTH` of them. */
export type SlugHash = (text: string) => string;

const encoder = new TextEncoder();
const bytesOf = (text: string): number => encoder.encode(text).length;

/**
 * @param hash injectable so that tests can force two keys onto one slug (the title index
 *   must still give them a URL each); the build always uses `shortHash`.
 */
export function slugForKey(key: TitleKey, hash: SlugHash = shortHash): NoteSlug {
  return explainSlug(key, hash).slug;
}

/**
 * The slug of a key whose slug has no hash, else undefined: what the browser works out from
 * a title without SHA-256 (the build spells out the others, see `title-list.ts`), so that
 * the hash stays out of the pages' scripts.
 */
export function plainSlugForKey(key: TitleKey): NoteSlug | undefined {
  let hashed = false;
  const { slug } = buildSlug(key, () => {
    hashed = true;
    return '';
  });
  return hashed ? undefined : slug;
}

/**
 * Why a slug is not the title as written, where a writer would want to know: the rewrites
 * that keep a page's path one that file systems accept. (The others, such as a cut long
 * segment or `#` as `＃`, keep the title readable in the URL.)
 * - `long-path`: more than `MAX_SLUG_BYTES` bytes or `MAX_SLUG_DEPTH` segments;
 * - `device-name`: a segment Windows keeps for a device (`con`, `nul.txt`);
 * - `page-file`: a segment named as a page's own file (`index.html`).
 */
export type PathRewrite = 'long-path' | 'device-name' | 'page-file';

export function explainSlug(key: TitleKey, hash: SlugHash = shortHash): { slug: NoteSlug; rewrites: PathRewrite[] } {
  return buildSlug(key, hash);
}

// Apart from `explainSlug`, whose default hash would bring SHA-256 into every script that
// imports `plainSlugForKey`.
function buildSlug(key: TitleKey, hash: SlugHash): { slug: NoteSlug; rewrites: PathRewrite[] } {
  const segments = key.split('/').map(slugSegment);
  let texts = segments.map((segment) => segment.text);
  const rewrites = new Set(segments.flatMap((segment) => segment.pathRewrite ?? []));
  // A rewrite that two keys could share gets the key's hash, so every key keeps its own URL.
  let needsHash = MAY_CLASH.test(key) || segments.some((segment) => segment.rewritten);
  texts = texts.map((text) => (bytesOf(text) > MAX_SEGMENT_BYTES ? withHash(text, hash(key)) : text));
  if (texts.length > MAX_SLUG_DEPTH || bytesOf(texts.join('/')) > MAX_SLUG_BYTES) {
    texts = foldPathTail(texts);
    needsHash = true;
    rewrites.add('long-path');
  }
  if (needsHash) texts[texts.length - 1] = withHash(texts.at(-1)!, hash(key));
  return { slug: texts.join('/') as NoteSlug, rewrites: [...rewrites] };
}

/**
 * The URL of one of several notes whose titles have the same key (they share a
 * disambiguation page at `slugForKey(key)`): that slug, `~` and a hash of the key and the
 * note's file, so each note has its own.
 */
export function slugForDuplicate(key: TitleKey, filePath: string, hash: SlugHash = shortHash): NoteSlug {
  return slugWithSuffix(slugForKey(key, hash), hash(`${key}\n${filePath}`));
}

/** `slug` with `~` and `suffix` after its last segment, cut so that the segment still fits. */
export function slugWithSuffix(slug: NoteSlug, suffix: string): NoteSlug {
  const texts = slug.split('/');
  texts[texts.length - 1] = withHash(texts.at(-1)!, suffix);
  return texts.join('/') as NoteSlug;
}

/** Whether a slug's segments tell apart only ignoring case (macOS, Windows): see `fileSystemKey`. */
export function fileSystemKey(slug: NoteSlug): string {
  // Per code point, as NTFS's upcase table and APFS compare names: `ı`, `ſ`, `ς`, `K` (Kelvin)
  // meet `i`, `s`, `σ`, `k`; `ß` has no one-character upper case and stays.
  // Slugs are lower case: ASCII ones are already what these file systems compare.
  if (ASCII.test(slug)) return slug;
  let out = '';
  for (const char of slug) {
    const upper = char.toUpperCase();
    const single = [...upper].length === 1 ? upper : char;
    const lower = single.toLowerCase();
    out += [...lower].length === 1 ? lower : single;
  }
  return out.normalize('NFC');
}

const ASCII = /^[\u0000-\u007f]*$/;
const FULL_WIDTH: Record<string, string> = { '#': '＃', '?': '？', '%': '％', '\\': '＼' };
/**
 * Keys whose plain slug another key could also get: they hold a full-width replacement
 * character themselves (`a＃b` next to `a#b`), or end a segment like a hashed slug does.
 */
const MAY_CLASH = new RegExp(`[＃？％＼]|~[a-z2-7]{${HASH_LENGTH}}(?:/|$)`, 'u');
/** `~` and the hash. */
const HASH_SUFFIX_BYTES = 1 + HASH_LENGTH;
/** Names Windows keeps for devices, alone or before an extension (`con`, `nul.txt`, `com¹`). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/u;
/** The file a page is written to in its folder (`build.format: 'directory'`). */
const PAGE_FILE = 'index.html';

function slugSegment(segment: string): { text: string; rewritten: boolean; pathRewrite?: PathRewrite } {
  let rewritten = false;
  let out = segment
    .replace(/[#?%\\]/g, (char) => FULL_WIDTH[char] ?? char)
    // Control characters and lone surrogates cannot be part of a file name or a URL.
    .replace(/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, () => {
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
  const folded = fileSystemKey(out as NoteSlug);
  if (WINDOWS_DEVICE.test(folded)) {
    return { text: out.replace(/^[^.]*/, (stem) => `${stem}~`), rewritten: true, pathRewrite: 'device-name' };
  }
  if (folded === PAGE_FILE) return { text: `${out}~`, rewritten: true, pathRewrite: 'page-file' };
  return { text: out, rewritten };
}

/**
 * A path over the bounds: its first segments as they are, and the rest joined by `／`
 * (full width, so it reads as the slash it replaces) into one last segment, which the
 * caller cuts and hashes.
 */
function foldPathTail(texts: readonly string[]): string[] {
  const kept: string[] = [];
  let bytes = 0;
  for (const text of texts.slice(0, -1)) {
    const next = bytes + bytesOf(text) + 1;
    if (kept.length + 1 >= MAX_SLUG_DEPTH || next + MAX_SEGMENT_BYTES > MAX_SLUG_BYTES) break;
    kept.push(text);
    bytes = next;
  }
  return [...kept, texts.slice(kept.length).join('／')];
}

function withHash(text: string, hash: string): string {
  return `${truncateToBytes(text, MAX_SEGMENT_BYTES - HASH_SUFFIX_BYTES)}~${hash}`;
}

function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const size = bytesOf(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function utf16Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(1 + 2 * text.length);
  bytes[0] = 0xff;
  for (let i = 0; i < text.length; i++) {
    bytes[1 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/**
 * SHA-256 of the text, its first 130 bits as 26 base32 characters (lower case, so a
 * case-insensitive file system keeps them apart): stable across runs and platforms. Text
 * with lone surrogates is hashed as UTF-16 after a byte UTF-8 never holds, so that it stays
 * apart from every other text (its UTF-8 would turn each lone surrogate into U+FFFD).
 */
export function shortHash(text: string): string {
  const digest = sha256(text.isWellFormed() ? encoder.encode(text) : utf16Bytes(text));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < HASH_LENGTH) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length === HASH_LENGTH) break;
  }
  return out;
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
  // A lone surrogate would make encodeURIComponent throw; slugs never hold one (see above).
  return encodeURIComponent(segment.toWellFormed()).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
