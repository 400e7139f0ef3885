// The levelling worker's API gives what src/shared/image/levelImage.ts gives, in Float32 (the
// figure's type), for every method, NaN pixels kept.
import { describe, expect, it } from 'vitest';
import { levelImage } from '../shared/image/levelImage.ts';
import type { LevellingMethod } from '../shared/image/types.ts';
import { levelImageWorkerApi } from './levelImageApi.ts';

const width = 40;
const height = 30;
/** A tilted plane (nm) with a bump, a line offset every 7th row and a few NaN pixels. */
const data = Float32Array.from({ length: width * height }, (_, i) => {
  const x = i % width;
  const y = Math.floor(i / width);
  if (i % 97 === 5) return Number.NaN;
  return 0.3 * x - 0.2 * y + 5 * Math.exp(-((x - 20) ** 2 + (y - 15) ** 2) / 20) + (y % 7 === 0 ? 2 : 0);
});

describe('levelImageWorkerApi.level', () => {
  it.each<LevellingMethod>(['none', 'plane', 'plane-robust', 'line-offset', 'line-slope'])('%s', (method) => {
    const expected = levelImage({ data, width, height }, method);
    const out = levelImageWorkerApi.level(data, width, height, method);
    expect(out).toBeInstanceOf(Float32Array);
    expect(out).toHaveLength(width * height);
    for (let i = 0; i < out.length; i++) {
      if (Number.isNaN(expected[i]!)) expect(out[i]).toBeNaN();
      else expect(out[i]).toBe(Math.fround(expected[i]!));
    }
  });
});
