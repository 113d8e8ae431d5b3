/**
 * A note file's bytes as text. Notes are UTF-8; bytes that are not valid UTF-8 become
 * U+FFFD (the replacement character, shown as �) and the note is published with a warning
 * naming the first line where that happened, so nothing is lost silently.
 */

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export interface NoteText {
  text: string;
  /** The first line (1-based) with bytes that are not UTF-8; undefined when all are. */
  invalidUtf8Line: number | undefined;
}

export function decodeNoteBytes(bytes: Uint8Array): NoteText {
  try {
    return { text: strict.decode(bytes), invalidUtf8Line: undefined };
  } catch {
    const text = lenient.decode(bytes);
    return { text, invalidUtf8Line: firstInvalidLine(bytes) };
  }
}

/** The line of the first byte sequence that strict decoding rejects. */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(lineStart, i));
    } catch {
      return line;
    }
    line++;
    lineStart = i + 1;
  }
  return line;
}
