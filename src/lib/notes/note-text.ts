/**
 * A note file's bytes as text. Notes are UTF-8; a file that starts with a UTF-16 byte order
 * mark (what older Windows editors save as "Unicode") is read as UTF-16 of that byte order,
 * since the mark makes its encoding unambiguous. Bytes that are valid in neither become
 * U+FFFD (the replacement character, shown as �) and the note is published with a warning
 * naming the first line where that happened, so nothing is lost silently.
 */

export type NoteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface NoteText {
  text: string;
  /** The first line (1-based) with bytes that are not valid in the encoding; undefined when all are. */
  invalidUtf8Line: number | undefined;
  encoding: NoteEncoding;
}

/** The encoding a file's first bytes declare: a UTF-16 byte order mark, else UTF-8. */
export function noteEncoding(bytes: Uint8Array): NoteEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeNoteBytes(bytes: Uint8Array): NoteText {
  const encoding = noteEncoding(bytes);
  // The decoders drop the byte order mark (`ignoreBOM` false).
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), invalidUtf8Line: undefined, encoding };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    return { text, invalidUtf8Line: firstInvalidLine(text), encoding };
  }
}

/** The line of the first character the lenient decoder replaced (a � written as such counts too, harmlessly). */
function firstInvalidLine(text: string): number {
  const at = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}
