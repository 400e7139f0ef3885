import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wireCodec.ts';

describe('wire codec', () => {
  it('round-trips typed arrays bit for bit, NaN and subnormals included', () => {
    const curve = new Float64Array([0, -1.5e-9, Number.NaN, 5e-324, Infinity, 1 / 3]);
    const image = new Float32Array([1.25, Number.NaN, -3.4e38]);
    const decoded = decodeWire(encodeWire({ curve, nested: { image }, n: 3 })) as {
      curve: Float64Array;
      nested: { image: Float32Array };
      n: number;
    };
    expect(decoded.curve).toBeInstanceOf(Float64Array);
    expect(Array.from(decoded.curve)).toEqual(Array.from(curve));
    expect(decoded.nested.image).toBeInstanceOf(Float32Array);
    expect(Array.from(decoded.nested.image)).toEqual(Array.from(image));
    expect(decoded.n).toBe(3);
  });

  it('encodes a view into a larger buffer without the rest of the buffer', () => {
    const whole = new Float64Array([1, 2, 3, 4]);
    const decoded = decodeWire(encodeWire(whole.subarray(1, 3))) as Float64Array;
    expect(Array.from(decoded)).toEqual([2, 3]);
  });

  it('handles arrays larger than one encoding chunk', () => {
    const big = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i));
    const decoded = decodeWire(encodeWire(big)) as Float64Array;
    expect(decoded.length).toBe(big.length);
    expect(decoded[99_999]).toBe(big[99_999]);
  });
});
