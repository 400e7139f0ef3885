// Gwyddion's object serialisation, read generically. An object is its type name (NUL-terminated),
// uint32 byte size, then components `name\0, type char, value` (b c i q d s o, arrays C I Q D S O
// with a uint32 count). Old `GWYO` files (Gwyddion 1) write GwyContainer items differently: uint32
// GType code, key, value. Every count is checked against the bytes left before anything is
// allocated, and nesting is bounded, so crafted input ends in a ParseError.
import { ParseError } from './types.ts';

export type GwyValue = boolean | number | string | GwyObject | Float64Array | string[] | GwyObject[];

export interface GwyObject {
  type: string;
  items: Map<string, GwyValue>;
}

/** Deepest object nesting accepted (real files nest 3–4 deep). */
const MAX_DEPTH = 32;
/** GType fundamental codes used by Gwyddion 1 containers (type << 2). */
const OLD_CONTAINER_TYPES: Record<number, string> = {
  12: 'c',
  16: 'c',
  20: 'b',
  24: 'i',
  28: 'i',
  40: 'q',
  44: 'q',
  60: 'd',
  64: 's',
  80: 'o',
};
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('latin1');

/** UTF-8, else latin-1: Gwyddion 1 wrote strings in the locale's 8-bit encoding (`µm` as 0xB5 m). */
function decodeText(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return LATIN1.decode(bytes);
  }
}

class Reader {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly oldContainers: boolean;
  at = 0;

  constructor(bytes: Uint8Array, oldContainers: boolean) {
    this.bytes = bytes;
    this.oldContainers = oldContainers;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(count: number, end: number, what: string): void {
    if (count > end - this.at)
      throw new ParseError('truncated', `${what} at byte ${this.at} runs past its object`);
  }

  cString(end: number): string {
    const stop = this.bytes.indexOf(0, this.at);
    if (stop === -1 || stop >= end)
      throw new ParseError('truncated', `unterminated string at byte ${this.at}`);
    const text = decodeText(this.bytes.subarray(this.at, stop));
    this.at = stop + 1;
    return text;
  }

  u32(end: number): number {
    this.need(4, end, 'uint32');
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  object(end: number, depth: number): GwyObject {
    if (depth > MAX_DEPTH) throw new ParseError('bad-structure', `objects nested deeper than ${MAX_DEPTH}`);
    const type = this.cString(end);
    const size = this.u32(end);
    this.need(size, end, `${type} of ${size} bytes`);
    const stop = this.at + size;
    const items = new Map<string, GwyValue>();
    const old = this.oldContainers && type === 'GwyContainer';
    while (this.at < stop) {
      let name: string;
      let kind: string;
      if (old) {
        const code = this.u32(stop);
        kind = OLD_CONTAINER_TYPES[code] ?? '';
        if (kind === '')
          throw new ParseError('bad-structure', `unknown container item type ${code} at byte ${this.at - 4}`);
        name = this.cString(stop);
      } else {
        name = this.cString(stop);
        this.need(1, stop, 'component type');
        kind = String.fromCharCode(this.bytes[this.at] as number);
        this.at += 1;
      }
      items.set(name, this.value(kind, stop, depth));
    }
    return { type, items };
  }

  private scalar(kind: string, end: number): number | boolean {
    const width = kind === 'b' || kind === 'c' ? 1 : kind === 'i' ? 4 : 8;
    this.need(width, end, `value of type ${kind}`);
    const at = this.at;
    this.at += width;
    if (kind === 'b') return this.bytes[at] !== 0;
    if (kind === 'c') return this.bytes[at] as number;
    if (kind === 'i') return this.view.getInt32(at, true);
    if (kind === 'q') return Number(this.view.getBigInt64(at, true));
    return this.view.getFloat64(at, true);
  }

  private value(kind: string, end: number, depth: number): GwyValue {
    if ('bciqd'.includes(kind) && kind.length === 1) return this.scalar(kind, end);
    if (kind === 's') return this.cString(end);
    if (kind === 'o') return this.object(end, depth + 1);
    const count = this.u32(end);
    if (kind === 'C' || kind === 'I' || kind === 'Q' || kind === 'D') {
      const width = kind === 'C' ? 1 : kind === 'I' ? 4 : 8;
      this.need(count * width, end, `array of ${count}`);
      const values = new Float64Array(count);
      for (let i = 0; i < count; i++) values[i] = this.scalar(kind.toLowerCase(), end) as number;
      return values;
    }
    // Each string or object takes at least one byte, so the count is bounded by the bytes left.
    this.need(count, end, `array of ${count}`);
    if (kind === 'S') return Array.from({ length: count }, () => this.cString(end));
    if (kind === 'O') return Array.from({ length: count }, () => this.object(end, depth + 1));
    throw new ParseError('bad-structure', `unknown component type "${kind}" at byte ${this.at - 5}`);
  }
}

/** Reads the top-level object after the 4-byte magic (`GWYP`, `GWYQ` or the old `GWYO`). */
export function readGwyFile(bytes: Uint8Array): GwyObject {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== 'GWYP' && magic !== 'GWYO' && magic !== 'GWYQ') {
    throw new ParseError('bad-signature', 'no GWYP/GWYO signature');
  }
  const reader = new Reader(bytes, magic === 'GWYO');
  reader.at = 4;
  return reader.object(bytes.length, 0);
}
