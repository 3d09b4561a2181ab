/**
 * Reading a urlencoded form the way the URL Standard does (what
 * `Request#formData` does), except for one thing: bytes that are not UTF-8
 * are not turned into U+FFFD, which would store "���" as if it had been typed.
 * Each such byte becomes a NUL instead, which the field builders refuse as an
 * error on the field that holds it (app/utils/fields.ts). Not an unpaired
 * surrogate, the more exact mark: FormData holds well-formed text only and
 * would turn one into U+FFFD again; NUL is the one character nothing stores.
 */

// ignoreBOM: a value that starts with U+FEFF keeps it, as URLSearchParams does.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const INVALID_BYTE_MARK = "\u0000";

const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const PERCENT = 0x25;
const SPACE = 0x20;

/** How many bytes the UTF-8 sequence at `index` takes, or 0 when it is not one (RFC 3629, table 3-7 of Unicode). */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index]!;
  if (first < 0x80) return 1;
  const inRange = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[index + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first >= 0xc2 && first <= 0xdf) return inRange(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    // No overlong forms (E0 80–9F) and no surrogates (ED A0–BF).
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return inRange(1, low, high) && inRange(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    // No overlong forms (F0 80–8F) and nothing past U+10FFFF (F4 90–BF).
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return inRange(1, low, high) && inRange(2) && inRange(3) ? 4 : 0;
  }
  return 0;
}

/** UTF-8 to text, each byte that is not part of valid UTF-8 marked by a NUL. */
export function decodeUtf8MarkingInvalid(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Slow path, only for bytes a browser never sends.
  }
  let text = "";
  let runStart = 0;
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length > 0) {
      index += length;
      continue;
    }
    text += STRICT_UTF8.decode(bytes.subarray(runStart, index)) + INVALID_BYTE_MARK;
    index += 1;
    runStart = index;
  }
  return text + STRICT_UTF8.decode(bytes.subarray(runStart));
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** A name or value: `+` is a space, `%XX` a byte, a `%` without two hex digits itself. */
function decodeComponent(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    const high = byte === PERCENT ? hexValue(bytes[index + 1]) : -1;
    const low = high >= 0 ? hexValue(bytes[index + 2]) : -1;
    if (low >= 0) {
      out[length++] = high * 16 + low;
      index += 2;
    } else {
      out[length++] = byte === PLUS ? SPACE : byte;
    }
  }
  return decodeUtf8MarkingInvalid(out.subarray(0, length));
}

/** The name-value pairs of an application/x-www-form-urlencoded body, in order. */
export function parseUrlEncoded(bytes: Uint8Array): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(AMPERSAND, start);
    if (end === -1) end = bytes.length;
    if (end > start) {
      const pair = bytes.subarray(start, end);
      const equals = pair.indexOf(EQUALS);
      const name = equals === -1 ? pair : pair.subarray(0, equals);
      const value = equals === -1 ? new Uint8Array() : pair.subarray(equals + 1);
      entries.push([decodeComponent(name), decodeComponent(value)]);
    }
    start = end + 1;
  }
  return entries;
}
