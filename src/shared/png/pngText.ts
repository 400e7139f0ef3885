// Provenance in a PNG: an iTXt chunk (PNG 1.2 §11.3.4.5) right after IHDR, its text UTF-8 and
// uncompressed, so label names in any script survive (tEXt is Latin-1 only), and a reader that
// lists a PNG's text chunks (tEXt, iTXt) for tests and tools.
import { crc32 } from './crc32.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC). */
const AFTER_IHDR = 33;

function isPng(png: Uint8Array): boolean {
  return (
    png.length >= AFTER_IHDR &&
    SIGNATURE.every((b, i) => png[i] === b) &&
    String.fromCharCode(...png.subarray(12, 16)) === 'IHDR'
  );
}

/** A whole chunk: length, type, data, CRC over type + data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(
    Array.from(type, (c) => c.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** `png` with an iTXt chunk `keyword` = `text` inserted after its IHDR. */
export function withPngITxt(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG (no signature and IHDR)');
  // The keyword is Latin-1, 1–79 printable characters (PNG spec); ours are fixed ASCII names.
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || keyword !== keyword.trim())
    throw new Error(`PNG keyword '${keyword}' must be 1–79 printable ASCII characters`);
  const encoder = new TextEncoder();
  const head = encoder.encode(keyword);
  const body = encoder.encode(text);
  // keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text.
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head);
  data.set([0, 0, 0, 0, 0], head.length);
  data.set(body, head.length + 5);
  const extra = chunk('iTXt', data);
  const out = new Uint8Array(png.length + extra.length);
  out.set(png.subarray(0, AFTER_IHDR));
  out.set(extra, AFTER_IHDR);
  out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + extra.length);
  return out;
}

export interface PngTextChunk {
  type: 'tEXt' | 'iTXt';
  keyword: string;
  text: string;
}

/**
 * The uncompressed text chunks of a PNG, in file order. Throws on a chunk whose CRC does not
 * match (naming the chunk) or a compressed iTXt (we never write one).
 */
export function readPngText(png: Uint8Array): PngTextChunk[] {
  if (!isPng(png)) throw new Error('not a PNG (no signature and IHDR)');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const found: PngTextChunk[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > png.length) throw new Error(`PNG chunk ${type} at byte ${at} runs past the end`);
    const stored = view.getUint32(at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== stored)
      throw new Error(`PNG chunk ${type} at byte ${at}: CRC mismatch`);
    const data = png.subarray(at + 8, at + 8 + length);
    const nul = data.indexOf(0);
    if (type === 'tEXt' && nul > 0)
      found.push({
        type,
        keyword: latin1.decode(data.subarray(0, nul)),
        text: latin1.decode(data.subarray(nul + 1)),
      });
    if (type === 'iTXt' && nul > 0) {
      if (data[nul + 1] !== 0)
        throw new Error(`PNG iTXt '${latin1.decode(data.subarray(0, nul))}' is compressed`);
      const language = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, language + 1);
      found.push({
        type,
        keyword: latin1.decode(data.subarray(0, nul)),
        text: utf8.decode(data.subarray(translated + 1)),
      });
    }
    if (type === 'IEND') break;
    at = end;
  }
  return found;
}
