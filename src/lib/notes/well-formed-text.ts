/**
 * Text that every later step can encode. Two kinds of code points cannot be: a lone UTF-16
 * surrogate (U+D800-U+DFFF without its pair), which `encodeURIComponent` refuses with "URI
 * malformed" and UTF-8 cannot write, and the noncharacters (U+FDD0-U+FDEF and the last two
 * code points of every plane, U+FFFE, U+FFFF, U+1FFFE, …, U+10FFFF), which Unicode keeps out
 * of interchanged text. A decoded note file holds no lone surrogate (the decoders replace
 * them), but YAML escapes make them (`title: "\ud800"`); noncharacters come as plain UTF-8 too.
 * Each becomes U+FFFD (the replacement character, shown as �), as undecodable bytes do, and
 * the caller warns with the line.
 */

/** With the `u` flag a lone surrogate is a code point of its own, so `\p{Cs}` matches only lone ones. */
const UNENCODABLE = /[\p{Cs}\p{Noncharacter_Code_Point}]/gu;
const HAS_UNENCODABLE = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;

export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The text with each lone surrogate and noncharacter replaced by U+FFFD; well-formed text of neither is returned as it is. */
export function wellFormedText(text: string): string {
  return HAS_UNENCODABLE.test(text) ? text.replace(UNENCODABLE, REPLACEMENT_CHARACTER) : text;
}

export interface UnencodableText {
  /** The code points found, each once in the order met, as `U+D800`. */
  codePoints: string[];
  /** The 1-based line of the first one. */
  line: number;
}

/** Where the text holds code points that cannot be encoded; undefined when it holds none. */
export function findUnencodable(text: string): UnencodableText | undefined {
  const codePoints = new Set<string>();
  let first: number | undefined;
  for (const match of text.matchAll(UNENCODABLE)) {
    first ??= match.index;
    codePoints.add(codePointName(match[0]));
  }
  if (first === undefined) return undefined;
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < first; at = text.indexOf('\n', at + 1)) line++;
  return { codePoints: [...codePoints], line };
}

/**
 * A value read from YAML with every string in it (map keys too) well-formed, and the code
 * points that were replaced. Anything that is not a string, list or plain map (a Date) is
 * returned as it is.
 */
export function wellFormedData<T>(value: T): { value: T; codePoints: string[] } {
  const codePoints = new Set<string>();
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const found = findUnencodable(item);
      if (!found) return item;
      for (const codePoint of found.codePoints) codePoints.add(codePoint);
      return wellFormedText(item);
    }
    if (Array.isArray(item)) return item.map(clean);
    if (item !== null && typeof item === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(item))) {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [clean(key), clean(entry)]));
    }
    return item;
  };
  return { value: clean(value) as T, codePoints: [...codePoints] };
}

/** How a warning names what it found: "U+D800 (a lone surrogate)", "U+FFFF (a noncharacter)". */
export function describeUnencodable(codePoints: readonly string[]): string {
  const shown = codePoints.slice(0, 5).map((name) => `${name} (${/^U\+D[89A-F]/.test(name) ? 'a lone surrogate' : 'a noncharacter'})`);
  return codePoints.length > 5 ? `${shown.join(', ')} and ${codePoints.length - 5} more` : shown.join(', ');
}

function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
