// Bounds-checked little-endian reading of Omicron MATRIX blocks. Every read checks the block's end
// first, so a crafted length can only end the parse with a ParseError, never over-read or allocate
// more than the bytes present.
import { ParseError } from './types.ts';

/** A typed MATRIX value: `BOOL`, `LONG` (int32), `DOUB` (float64) or `STRG` (UTF-16 string). */
export type MatrixValue = boolean | number | string;

const UTF16 = new TextDecoder('utf-16le');

export class MatrixCursor {
  private readonly view: DataView;
  readonly bytes: Uint8Array;
  at: number;
  readonly end: number;

  constructor(bytes: Uint8Array, at: number, end: number) {
    this.bytes = bytes;
    this.at = at;
    this.end = end;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get left(): number {
    return this.end - this.at;
  }

  need(count: number, what: string): void {
    if (count > this.end - this.at) {
      throw new ParseError('truncated', `${what} needs ${count} bytes at byte ${this.at}, ${this.left} left`);
    }
  }

  skip(count: number): void {
    this.need(count, 'padding');
    this.at += count;
  }

  /** A 4-byte tag as stored (MATRIX stores names reversed: `ATEM` is META). */
  tag(): string {
    this.need(4, 'block tag');
    const text = String.fromCharCode(...this.bytes.subarray(this.at, this.at + 4));
    this.at += 4;
    return text;
  }

  u32(): number {
    this.need(4, 'uint32');
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  i32(): number {
    this.need(4, 'int32');
    const value = this.view.getInt32(this.at, true);
    this.at += 4;
    return value;
  }

  f64(): number {
    this.need(8, 'float64');
    const value = this.view.getFloat64(this.at, true);
    this.at += 8;
    return value;
  }

  /** A 64-bit key (axis, channel) as hex text: exact for any value, unlike a JS number. */
  key(): string {
    this.need(8, 'key');
    const low = this.view.getUint32(this.at, true);
    const high = this.view.getUint32(this.at + 4, true);
    this.at += 8;
    return high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(8, '0');
  }

  /** uint32 count of UTF-16 code units, then the units. */
  string(): string {
    const units = this.u32();
    if (units > this.left / 2) {
      throw new ParseError(
        'truncated',
        `string of ${units} characters at byte ${this.at} runs past its block`,
      );
    }
    const text = UTF16.decode(this.bytes.subarray(this.at, this.at + 2 * units));
    this.at += 2 * units;
    return text;
  }

  /** A typed value: its type tag (stored reversed) then the value. */
  value(): MatrixValue {
    const type = this.tag();
    if (type === 'LOOB') return this.u32() !== 0;
    if (type === 'GNOL') return this.i32();
    if (type === 'BUOD') return this.f64();
    if (type === 'GRTS') return this.string();
    throw new ParseError('bad-header', `unknown MATRIX value type "${type}" at byte ${this.at - 4}`);
  }

  /** A sub-block: tag, uint32 length, content; returns a cursor over the content and moves past it. */
  block(): { tag: string; body: MatrixCursor } {
    const tag = this.tag();
    const length = this.u32();
    this.need(length, `block ${tag}`);
    const body = new MatrixCursor(this.bytes, this.at, this.at + length);
    this.at += length;
    return { tag, body };
  }
}
