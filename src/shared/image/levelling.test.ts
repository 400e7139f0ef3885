import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitPlane } from './fitPlane.ts';
import { levelImage, levelRows, planLevelling } from './levelImage.ts';
import { levelLineOffsetRows, rowOffset } from './levelLines.ts';
import type { LevellingMethod } from './types.ts';

type Values = Array<number | null>;
const fixture = JSON.parse(readFileSync(new URL('./fixtures/levelling.json', import.meta.url), 'utf8')) as {
  cases: Array<{
    name: string;
    width: number;
    height: number;
    data: Values;
    plane: Values;
    planeRobust: Values;
    lineMedian: Values;
    lineMean: Values;
    lineSlope: Values;
  }>;
};

const toArray = (values: Values): Float64Array => Float64Array.from(values, (v) => v ?? Number.NaN);

/** Equal to numpy within 1e-9 of the image's value range; NaN exactly where numpy has NaN. */
function expectClose(actual: Float64Array, expected: Values, scale: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => {
    const a = actual[i] as number;
    if (v === null) expect(a, `pixel ${i}`).toBeNaN();
    else expect(Math.abs(a - v), `pixel ${i}`).toBeLessThan(1e-9 * scale);
  });
}

describe('levelling equals numpy', () => {
  for (const c of fixture.cases) {
    const image = { data: toArray(c.data), width: c.width, height: c.height };
    const finite = c.data.filter((v): v is number => v !== null);
    const scale = Math.max(...finite) - Math.min(...finite);
    const expected: Record<Exclude<LevellingMethod, 'none'>, Values> = {
      plane: c.plane,
      'plane-robust': c.planeRobust,
      'line-offset': c.lineMedian,
      'line-slope': c.lineSlope,
    };
    for (const [method, values] of Object.entries(expected)) {
      it(`${method}: ${c.name}`, () => {
        expectClose(levelImage(image, method as LevellingMethod), values, scale);
      });
    }
    it(`line offset by mean: ${c.name}`, () => {
      const out = new Float64Array(c.width * c.height);
      levelLineOffsetRows(image, out, 0, c.height, 'mean');
      expectClose(out, c.lineMean, scale);
    });
    it(`levelling in bands of rows equals levelling at once: ${c.name}`, () => {
      for (const method of ['plane', 'plane-robust', 'line-offset', 'line-slope'] as const) {
        const plan = planLevelling(image, method);
        const banded = new Float64Array(c.width * c.height);
        for (let row = 0; row < c.height; row += 5) levelRows(image, plan, banded, row, row + 5);
        expect(Array.from(banded)).toEqual(Array.from(levelImage(image, method)));
      }
    });
  }
});

describe('background plane', () => {
  it('levels the substrate flat where a plain plane fit leaves it tilted', () => {
    const c = fixture.cases.find((k) => k.name.startsWith('platelets'));
    if (!c) throw new Error('fixture case missing');
    const image = { data: toArray(c.data), width: c.width, height: c.height };
    // Substrate pixels: well below the 4 nm plateaus.
    const substrate = (levelled: Float64Array): number[] =>
      Array.from(levelled).filter((v, i) => Number.isFinite(v) && (c.data[i] ?? 1) < 1e-9);
    const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);
    const robust = spread(substrate(levelImage(image, 'plane-robust')));
    const plain = spread(substrate(levelImage(image, 'plane')));
    expect(robust).toBeLessThan(3e-11);
    expect(plain).toBeGreaterThan(3 * robust);
  });
});

describe('levelling edge cases', () => {
  it('none returns the data unchanged', () => {
    const data = [1, Number.NaN, 3, 4];
    expect(Array.from(levelImage({ data, width: 2, height: 2 }, 'none'))).toEqual(data);
  });

  it('an all-NaN image stays NaN', () => {
    const data = new Float32Array(6).fill(Number.NaN);
    for (const method of ['plane', 'plane-robust', 'line-offset', 'line-slope'] as const) {
      expect(Array.from(levelImage({ data, width: 3, height: 2 }, method)).every(Number.isNaN)).toBe(true);
    }
    expect(fitPlane({ data, width: 3, height: 2 })).toBeNull();
  });

  it('plane of a single finite row: fits along the row only', () => {
    const nan = Number.NaN;
    const data = [nan, nan, nan, nan, 1, 3, 5, 7, nan, nan, nan, nan];
    const plane = fitPlane({ data, width: 4, height: 3 });
    expect(plane?.slopeX).toBeCloseTo(2, 12);
    expect(plane?.slopeY).toBeCloseTo(0, 12);
    const levelled = levelImage({ data, width: 4, height: 3 }, 'plane');
    [4, 5, 6, 7].forEach((i) => expect(levelled[i]).toBeCloseTo(0, 12));
  });

  it('an exact plane levels to zero', () => {
    const width = 7;
    const height = 5;
    const data = Float32Array.from(
      { length: width * height },
      (_, i) => 3 + 0.5 * (i % width) - 0.25 * Math.floor(i / width),
    );
    levelImage({ data, width, height }, 'plane').forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-6));
  });

  it('median of an even row is the mean of the middle two', () => {
    expect(rowOffset({ data: [4, 1, Number.NaN, 3, 2], width: 5, height: 1 }, 0, 'median')).toBe(2.5);
  });

  it('rejects a size that does not match the data', () => {
    expect(() => levelImage({ data: [1, 2, 3], width: 2, height: 2 }, 'plane')).toThrow(RangeError);
  });
});
