import { describe, expect, it } from 'vitest';
import { colourise, percentileRange } from './contrast.ts';

const grey = new Uint8Array(256 * 3).map((_, i) => Math.floor(i / 3));

describe('image contrast', () => {
  it('takes the 1st and 99th percentiles of the finite pixels', () => {
    const data = Float32Array.from({ length: 1001 }, (_, i) => i);
    data[5] = Number.NaN;
    // 1000 finite values 0..1000 without 5: the 1st percentile is the 11th smallest.
    expect(percentileRange(data)).toEqual({ lo: 11, hi: 990 });
  });

  it('returns null for an all-NaN image and keeps a constant image constant', () => {
    expect(percentileRange(new Float32Array([Number.NaN, Number.NaN]))).toBeNull();
    expect(percentileRange(new Float32Array([-1.4e-8, -1.4e-8]))).toEqual({
      lo: Math.fround(-1.4e-8),
      hi: Math.fround(-1.4e-8),
    });
  });

  it('maps the range onto the table, clips outside it and leaves NaN transparent', () => {
    const rgba = colourise(new Float32Array([0, 50, 100, 200, Number.NaN]), { lo: 0, hi: 100 }, grey);
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0, 0, 0, 255]);
    expect(rgba[4]).toBe(127);
    expect(rgba[8]).toBe(255);
    expect(rgba[12]).toBe(255);
    expect(rgba[19]).toBe(0);
  });

  it('paints a constant image mid-scale', () => {
    const rgba = colourise(new Float32Array([3, 3]), { lo: 3, hi: 3 }, grey);
    expect(rgba[0]).toBe(127);
  });
});
