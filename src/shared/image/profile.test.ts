import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from './pointInPolygon.ts';
import { bilinearAt, sampleProfile } from './sampleProfile.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/profile.json', import.meta.url), 'utf8')) as {
  width: number;
  height: number;
  data: number[];
  pixelWidth: number;
  pixelHeight: number;
  cases: Array<{
    name: string;
    start: [number, number];
    end: [number, number];
    samples: number;
    value: number[];
    distance: number[];
  }>;
};

describe('sampleProfile equals scipy.ndimage.map_coordinates (order 1)', () => {
  const image = { data: fixture.data, width: fixture.width, height: fixture.height };
  for (const c of fixture.cases) {
    it(c.name, () => {
      const profile = sampleProfile(
        image,
        { x: c.start[0], y: c.start[1] },
        { x: c.end[0], y: c.end[1] },
        { samples: c.samples, pixelWidth: fixture.pixelWidth, pixelHeight: fixture.pixelHeight },
      );
      expect(profile.value.length).toBe(c.samples);
      c.value.forEach((v, i) => expect(Math.abs((profile.value[i] as number) - v)).toBeLessThan(1e-22));
      c.distance.forEach((d, i) => expect(Math.abs((profile.distance[i] as number) - d)).toBeLessThan(1e-21));
    });
  }
});

describe('sampleProfile', () => {
  const nan = Number.NaN;
  // 3 x 2: row 0 = 0 1 2, row 1 = 10 NaN 12
  const image = { data: [0, 1, 2, 10, nan, 12], width: 3, height: 2 };

  it('interpolates between pixel centres', () => {
    expect(bilinearAt(image, 0.5, 0)).toBeCloseTo(0.5, 12);
    expect(bilinearAt(image, 0, 0.5)).toBeCloseTo(5, 12);
  });

  it('a NaN pixel spoils only the samples it contributes to', () => {
    expect(bilinearAt(image, 1, 0)).toBe(1);
    expect(bilinearAt(image, 0.5, 0.5)).toBeNaN();
    expect(bilinearAt(image, 2, 1)).toBe(12);
  });

  it('is NaN outside the image and uses the edge pixel within half a pixel of it', () => {
    expect(bilinearAt(image, -0.4, 0)).toBe(0);
    expect(bilinearAt(image, -0.6, 0)).toBeNaN();
    expect(bilinearAt(image, 1, 1.6)).toBeNaN();
  });

  it('defaults to one sample per pixel of length and distances in pixels', () => {
    const profile = sampleProfile(image, { x: 0, y: 0 }, { x: 2, y: 0 });
    expect(Array.from(profile.distance)).toEqual([0, 1, 2]);
    expect(Array.from(profile.value)).toEqual([0, 1, 2]);
  });

  it('works on a one-pixel-wide image', () => {
    expect(bilinearAt({ data: [4, 6], width: 1, height: 2 }, 0, 0.5)).toBe(5);
  });
});

describe('pointInPolygon', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 2, y: 0 },
    { x: 2, y: 2 },
    { x: 0, y: 2 },
  ];
  it('simple case', () => {
    expect(pointInPolygon({ x: 1, y: 1 }, square)).toBe(true);
    expect(pointInPolygon({ x: 3, y: 1 }, square)).toBe(false);
  });
  it('concave lasso', () => {
    const u = [
      { x: 0, y: 0 },
      { x: 3, y: 0 },
      { x: 3, y: 3 },
      { x: 2, y: 3 },
      { x: 2, y: 1 },
      { x: 1, y: 1 },
      { x: 1, y: 3 },
      { x: 0, y: 3 },
    ];
    expect(pointInPolygon({ x: 1.5, y: 2 }, u)).toBe(false);
    expect(pointInPolygon({ x: 0.5, y: 2 }, u)).toBe(true);
  });
  it('fewer than three points enclose nothing', () => {
    expect(pointInPolygon({ x: 0, y: 0 }, square.slice(0, 2))).toBe(false);
  });
});
