import { describe, expect, it } from 'vitest';
import { decodeBinaryWire, encodeBinaryWire } from './binaryWire.ts';

/** The chunks as one ArrayBuffer, as fetch's arrayBuffer() returns them. */
function join(chunks: Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

describe('binary wire frames', () => {
  it('round-trips typed arrays bit for bit (NaN, subnormals, odd lengths, views) beside JSON values', () => {
    const whole = new Float64Array([9, 0, -1.5e-9, Number.NaN, 5e-324, Infinity, 1 / 3, 9]);
    const curve = whole.subarray(1, 7);
    const image = new Float32Array([1.25, Number.NaN, -3.4e38]); // 12 bytes: padded to 16
    const after = new Float64Array([42]);
    const value = { ok: true, value: { curve, nested: { image, after }, name: 'é ✓', n: 3, none: null } };
    const decoded = decodeBinaryWire(join(encodeBinaryWire(value))) as typeof value;
    expect(decoded.value.curve).toBeInstanceOf(Float64Array);
    expect(Object.is(decoded.value.curve[2], Number.NaN)).toBe(true);
    expect(Array.from(decoded.value.curve)).toEqual(Array.from(curve));
    expect(decoded.value.nested.image).toBeInstanceOf(Float32Array);
    expect(Array.from(decoded.value.nested.image)).toEqual(Array.from(image));
    expect(Array.from(decoded.value.nested.after)).toEqual([42]);
    expect(decoded.value.name).toBe('é ✓');
    expect(decoded.value.none).toBeNull();
  });

  it('sends the bytes as they are: the frame is the arrays plus the JSON head', () => {
    const big = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i));
    const chunks = encodeBinaryWire({ big });
    expect(chunks[1]!.buffer).toBe(big.buffer);
    const total = chunks.reduce((n, c) => n + c.byteLength, 0);
    expect(total - big.byteLength).toBeLessThan(100);
    const decoded = decodeBinaryWire(join(chunks)) as { big: Float64Array };
    expect(decoded.big[99_999]).toBe(big[99_999]);
  });
});
