// Byte-level helpers for the binary formats (.sxm, .3ds): locating ASCII markers in raw bytes and
// decoding a text header without touching the binary part.

/** The bytes of an ASCII string (markers such as `:SCANIT_END:`). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** First index of `needle` in `haystack[from, limit)`, or -1. Linear in the searched length. */
export function indexOfBytes(
  haystack: Uint8Array,
  needle: Uint8Array,
  from = 0,
  limit = haystack.length,
): number {
  if (needle.length === 0) return from;
  const first = needle[0] as number;
  const last = Math.min(limit, haystack.length) - needle.length;
  outer: for (
    let i = haystack.indexOf(first, from);
    i !== -1 && i <= last;
    i = haystack.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Header text: latin-1, which maps every byte to one character, so offsets stay byte offsets. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return new TextDecoder('latin1').decode(bytes.subarray(start, end));
}
