/**
 * File names as the file system holds them: bytes. Linux and zip archives keep whatever bytes
 * a tool wrote (Shift_JIS from Japanese Windows, Latin-1 from older tools), and Node's string
 * paths cannot name such a file: reading `R\xe9sum\xe9.md` as text gives `R�sum�.md`, a
 * path that does not exist. So names are read as bytes and decoded here, and a file is read
 * by its real bytes.
 */
import { isUtf8 } from 'node:buffer';

/** How a name that is not UTF-8 was read. */
export type NameEncoding = 'shift_jis' | 'replacement';

export interface DecodedName {
  text: string;
  /** Set where the bytes are not UTF-8. */
  encoding?: NameEncoding;
}

const shiftJis = new TextDecoder('shift_jis', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false });

/**
 * A name as text: UTF-8 as it is; otherwise Shift_JIS (CP932) where every byte decodes,
 * else UTF-8 with U+FFFD for each byte that is not. Control characters Shift_JIS would
 * yield are not accepted as a clean decoding.
 */
export function decodeName(bytes: Uint8Array): DecodedName {
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  try {
    const text = shiftJis.decode(bytes);
    if (!text.includes('\uFFFD') && !/[\u0000-\u001f\u007f]/.test(text)) return { text, encoding: 'shift_jis' };
  } catch {
    // Not Shift_JIS either.
  }
  return { text: utf8Lossy.decode(bytes), encoding: 'replacement' };
}

/** The bytes of a name as a reader can type them: printable ASCII as it is, every other byte as `\xHH`. */
export function escapedName(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}
