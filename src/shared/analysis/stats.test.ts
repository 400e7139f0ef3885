import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapCi, mean } from './bootstrapCi.ts';
import { histogram } from './histogram.ts';
import { percentileInPlace, percentileSorted } from './percentile.ts';
import { mulberry32 } from './random.ts';
import { summaryStats } from './summaryStats.ts';

interface HistogramCase {
  name: string;
  values: number[];
  width: number;
  widthEdges: number[];
  widthCounts: number[];
  autoEdges: number[];
  autoCounts: number[];
  mean: number;
  std: number | null;
  median: number;
  p2_5: number;
  p97_5: number;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/histogram.json', import.meta.url), 'utf8')) as {
  cases: HistogramCase[];
};

describe('histogram', () => {
  for (const c of fixture.cases) {
    it(`equals numpy.histogram: ${c.name}`, () => {
      const w = histogram(c.values, { binWidth: c.width });
      expect(Array.from(w.counts)).toEqual(c.widthCounts);
      c.widthEdges.forEach((e, i) => expect(w.edges[i]).toBeCloseTo(e, 12));
      const a = histogram(c.values, { bins: 'auto' });
      expect(Array.from(a.counts)).toEqual(c.autoCounts);
      expect(a.edges.length).toBe(c.autoEdges.length);
      c.autoEdges.forEach((e, i) => expect(a.edges[i]).toBeCloseTo(e, 12));
    });
  }

  it('default is 20 mV bins; no values gives no bins', () => {
    expect(histogram([0.001, 0.015, 0.021]).counts).toEqual(Float64Array.from([2, 1]));
    expect(histogram([Number.NaN]).counts.length).toBe(0);
  });
});

describe('summaryStats', () => {
  for (const c of fixture.cases) {
    it(`equals numpy mean/std(ddof=1)/median: ${c.name}`, () => {
      const s = summaryStats(c.values);
      expect(s.n).toBe(c.values.length);
      expect(s.mean).toBeCloseTo(c.mean, 12);
      expect(s.median).toBeCloseTo(c.median, 12);
      if (c.std === null) expect(s.std).toBeNull();
      else expect(s.std).toBeCloseTo(c.std, 12);
    });
  }

  it('empty and single values', () => {
    expect(summaryStats([])).toEqual({ n: 0, mean: null, std: null, median: null, min: null, max: null });
    expect(summaryStats([Number.NaN, 2])).toEqual({ n: 1, mean: 2, std: null, median: 2, min: 2, max: 2 });
  });
});

describe('percentileSorted', () => {
  for (const c of fixture.cases) {
    it(`equals numpy.percentile: ${c.name}`, () => {
      const sorted = Float64Array.from(c.values).sort();
      expect(percentileSorted(sorted, 2.5)).toBeCloseTo(c.p2_5, 13);
      expect(percentileSorted(sorted, 97.5)).toBeCloseTo(c.p97_5, 13);
    });
  }
});

describe('bootstrapCi', () => {
  it('is reproducible for a seed and brackets the mean', () => {
    const random = mulberry32(1);
    const values = Array.from({ length: 80 }, () => random());
    const a = bootstrapCi([values], ([v]) => mean(v!));
    const b = bootstrapCi([values], ([v]) => mean(v!));
    expect(a).toEqual(b);
    expect(a.valid).toBe(2000);
    expect(a.ci[0]).toBeLessThan(a.estimate);
    expect(a.ci[1]).toBeGreaterThan(a.estimate);
    // Normal approximation: half-width ≈ 1.96 σ/√n with σ = 1/√12 for uniform values.
    const halfWidth = (a.ci[1] - a.ci[0]) / 2;
    expect(halfWidth).toBeGreaterThan(0.8 * 1.96 * (1 / Math.sqrt(12) / Math.sqrt(80)));
    expect(halfWidth).toBeLessThan(1.2 * 1.96 * (1 / Math.sqrt(12) / Math.sqrt(80)));
    const other = bootstrapCi([values], ([v]) => mean(v!), { seed: 2 });
    expect(other.ci).not.toEqual(a.ci);
  });

  it('a constant sample has a zero-width interval', () => {
    expect(bootstrapCi([[3, 3, 3]], ([v]) => mean(v!)).ci).toEqual([3, 3]);
  });
});

describe('percentileInPlace', () => {
  it('equals percentileSorted on the sorted values, ties and small sizes included', () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      for (const n of [1, 2, 3, 10, 57, 2000]) {
        // Rounded to 0.01 so many values tie.
        const values = Float64Array.from({ length: n }, () => Math.round(random() * 100) / 100);
        const sorted = values.slice().sort();
        for (const q of [0, 2.5, 5, 50, 97.5, 100]) {
          expect(percentileInPlace(values.slice(), q)).toBe(percentileSorted(sorted, q));
        }
      }
    }
  });
});
