// zlib (RFC 1950) and raw DEFLATE (RFC 1951) decompression, synchronous and pure, for the binary
// formats that compress their data (Createc .dat images, RHK .sm4 parameter blocks). The platform's
// DecompressionStream is asynchronous, and readers are synchronous. Throws ParseError('bad-compression')
// on any malformed stream and never reads outside the input; `maxOutput` bounds the allocation.
import { ParseError } from './types.ts';

/** Largest code length in DEFLATE (RFC 1951 §3.2.2). */
const MAX_BITS = 15;
/** Base lengths and extra bits of length codes 257..285 (RFC 1951 §3.2.5). */
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Base distances and extra bits of distance codes 0..29. */
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** Order in which code-length code lengths are sent in a dynamic block header. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function fail(message: string): never {
  throw new ParseError('bad-compression', `compressed data: ${message}`);
}

/** A canonical Huffman code: symbol count per length and symbols sorted by code (RFC 1951 §3.2.2). */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function buildHuffman(lengths: ArrayLike<number>, n: number): Huffman {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let i = 0; i < n; i++) {
    const len = lengths[i] as number;
    counts[len] = (counts[len] as number) + 1;
  }
  counts[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - (counts[len] as number);
    if (left < 0) fail('over-subscribed Huffman code');
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++)
    offsets[len + 1] = (offsets[len] as number) + (counts[len] as number);
  const symbols = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const len = lengths[i] as number;
    if (len !== 0) symbols[offsets[len]!++] = i;
  }
  return { counts, symbols };
}

const FIXED_LITLEN = buildHuffman(
  Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)),
  288,
);
const FIXED_DIST = buildHuffman(new Array<number>(30).fill(5), 30);

class Inflater {
  private readonly input: Uint8Array;
  private pos: number;
  private bitBuf = 0;
  private bitCount = 0;
  out: Uint8Array;
  outLen = 0;
  private readonly maxOutput: number;

  constructor(input: Uint8Array, start: number, maxOutput: number, sizeHint: number) {
    this.input = input;
    this.pos = start;
    this.maxOutput = maxOutput;
    this.out = new Uint8Array(Math.max(1024, Math.min(maxOutput, sizeHint)));
  }

  get position(): number {
    return this.pos;
  }

  bits(n: number): number {
    while (this.bitCount < n) {
      if (this.pos >= this.input.length) fail('stream ends early');
      this.bitBuf |= (this.input[this.pos++] as number) << this.bitCount;
      this.bitCount += 8;
    }
    const value = this.bitBuf & ((1 << n) - 1);
    this.bitBuf >>>= n;
    this.bitCount -= n;
    return value;
  }

  /** Discards the bits left in the current byte (stored blocks and the zlib trailer are byte-aligned). */
  alignToByte(): void {
    this.bitBuf = 0;
    this.bitCount = 0;
  }

  private ensure(extra: number): void {
    const need = this.outLen + extra;
    if (need > this.maxOutput) fail(`output exceeds ${this.maxOutput} bytes`);
    if (need <= this.out.length) return;
    const grown = new Uint8Array(Math.min(this.maxOutput, Math.max(need, this.out.length * 2)));
    grown.set(this.out.subarray(0, this.outLen));
    this.out = grown;
  }

  decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= this.bits(1);
      const count = h.counts[len] as number;
      if (code - count < first) return h.symbols[index + (code - first)] as number;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return fail('invalid Huffman code');
  }

  stored(): void {
    this.alignToByte();
    if (this.pos + 4 > this.input.length) fail('stored block header cut');
    const len = (this.input[this.pos] as number) | ((this.input[this.pos + 1] as number) << 8);
    const nlen = (this.input[this.pos + 2] as number) | ((this.input[this.pos + 3] as number) << 8);
    if (len !== (~nlen & 0xffff)) fail('stored block length check failed');
    this.pos += 4;
    if (this.pos + len > this.input.length) fail('stored block cut');
    this.ensure(len);
    this.out.set(this.input.subarray(this.pos, this.pos + len), this.outLen);
    this.outLen += len;
    this.pos += len;
  }

  codes(litlen: Huffman, dist: Huffman): void {
    for (;;) {
      const symbol = this.decode(litlen);
      if (symbol < 256) {
        this.ensure(1);
        this.out[this.outLen++] = symbol;
      } else if (symbol === 256) {
        return;
      } else {
        const li = symbol - 257;
        if (li >= 29) fail(`invalid length code ${symbol}`);
        const length = (LENGTH_BASE[li] as number) + this.bits(LENGTH_EXTRA[li] as number);
        const di = this.decode(dist);
        if (di >= 30) fail(`invalid distance code ${di}`);
        const distance = (DIST_BASE[di] as number) + this.bits(DIST_EXTRA[di] as number);
        if (distance > this.outLen) fail(`distance ${distance} reaches before the start`);
        this.ensure(length);
        const out = this.out;
        let from = this.outLen - distance;
        for (let i = 0; i < length; i++) out[this.outLen++] = out[from++] as number;
      }
    }
  }

  dynamicTables(): [Huffman, Huffman] {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) fail('too many length or distance codes');
    const clens = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) clens[CLEN_ORDER[i] as number] = this.bits(3);
    const clenCode = buildHuffman(clens, 19);
    const lengths = new Uint8Array(nlen + ndist);
    let i = 0;
    while (i < nlen + ndist) {
      const symbol = this.decode(clenCode);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) fail('repeat with no previous length');
        value = lengths[i - 1] as number;
        repeat = 3 + this.bits(2);
      } else if (symbol === 17) {
        repeat = 3 + this.bits(3);
      } else {
        repeat = 11 + this.bits(7);
      }
      if (i + repeat > nlen + ndist) fail('code lengths overflow');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) fail('no end-of-block code');
    return [buildHuffman(lengths.subarray(0, nlen), nlen), buildHuffman(lengths.subarray(nlen), ndist)];
  }
}

export interface InflateOptions {
  /** Refuse to produce more than this many bytes (default 256 MiB): a corrupt stream must not exhaust memory. */
  maxOutput?: number;
  /** Expected output size in bytes, to allocate once. */
  sizeHint?: number;
}

/** Decompresses raw DEFLATE data starting at `start`; returns the output and where the stream ended. */
export function inflateRaw(
  input: Uint8Array,
  start = 0,
  options: InflateOptions = {},
): { data: Uint8Array; end: number } {
  const maxOutput = options.maxOutput ?? 256 * 1024 * 1024;
  const z = new Inflater(input, start, maxOutput, options.sizeHint ?? input.length * 4);
  let last = 0;
  while (last === 0) {
    last = z.bits(1);
    const type = z.bits(2);
    if (type === 0) z.stored();
    else if (type === 1) z.codes(FIXED_LITLEN, FIXED_DIST);
    else if (type === 2) {
      const [litlen, dist] = z.dynamicTables();
      z.codes(litlen, dist);
    } else fail('invalid block type 3');
  }
  z.alignToByte();
  return { data: z.out.slice(0, z.outLen), end: z.position };
}

/** Adler-32 checksum (RFC 1950 §8.2). */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  const NMAX = 5552; // largest block before the sums can overflow 2^32
  for (let i = 0; i < data.length;) {
    const end = Math.min(data.length, i + NMAX);
    for (; i < end; i++) {
      a += data[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Decompresses a zlib stream (2-byte header, DEFLATE data, Adler-32 trailer) starting at `start`. */
export function inflateZlib(input: Uint8Array, start = 0, options: InflateOptions = {}): Uint8Array {
  if (input.length < start + 2) fail('zlib header missing');
  const cmf = input[start] as number;
  const flg = input[start + 1] as number;
  if ((cmf & 0x0f) !== 8) fail(`zlib method ${cmf & 0x0f} (only deflate, 8, exists)`);
  if (cmf >> 4 > 7) fail('zlib window larger than 32 KiB');
  if (((cmf << 8) | flg) % 31 !== 0) fail('zlib header check failed');
  if (flg & 0x20) fail('zlib preset dictionary (not used by any known format)');
  const { data, end } = inflateRaw(input, start + 2, options);
  if (end + 4 > input.length) fail('zlib checksum missing (stream cut)');
  const stored =
    (((input[end] as number) << 24) |
      ((input[end + 1] as number) << 16) |
      ((input[end + 2] as number) << 8) |
      (input[end + 3] as number)) >>>
    0;
  if (stored !== adler32(data)) fail('zlib checksum mismatch');
  return data;
}
