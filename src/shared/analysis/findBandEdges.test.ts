import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBandEdges } from './findBandEdges.ts';
import { localMaxima } from './localMaxima.ts';
import { parabolicApex } from './parabolicApex.ts';
import { peakProminences } from './peakProminences.ts';

interface PeakCase {
  name: string;
  bias: number[];
  didv: number[];
  peaks: number[];
  prominences: number[];
  leftBases: number[];
  rightBases: number[];
  firstPeak: { vbm: number | null; cbm: number | null };
  onset: { sigma: number; vbm: number | null; cbm: number | null };
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/peaks.json', import.meta.url), 'utf8')) as {
  cases: PeakCase[];
};

function expectEdge(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 10);
}

describe('localMaxima and peakProminences', () => {
  for (const c of fixture.cases) {
    it(`equal scipy find_peaks / peak_prominences: ${c.name}`, () => {
      const peaks = localMaxima(c.didv);
      expect(Array.from(peaks)).toEqual(c.peaks);
      const p = peakProminences(c.didv, peaks);
      expect(Array.from(p.leftBases)).toEqual(c.leftBases);
      expect(Array.from(p.rightBases)).toEqual(c.rightBases);
      c.prominences.forEach((v, i) => expect(p.prominences[i]).toBeCloseTo(v, 12));
    });
  }

  it('a plateau counts once, at its middle', () => {
    expect(Array.from(localMaxima([0, 1, 2, 2, 2, 2, 1, 0]))).toEqual([3]);
    expect(Array.from(localMaxima([0, 1, 1]))).toEqual([]);
  });
});

describe('findBandEdges', () => {
  for (const c of fixture.cases) {
    it(`first-peak equals the independent python rules: ${c.name}`, () => {
      const e = findBandEdges(c.bias, c.didv, { method: 'first-peak' });
      expectEdge(e.vbm, c.firstPeak.vbm);
      expectEdge(e.cbm, c.firstPeak.cbm);
      if (e.vbm !== null && e.cbm !== null) expect(e.gap).toBeCloseTo(e.cbm - e.vbm, 12);
    });

    it(`onset equals the independent python rules: ${c.name}`, () => {
      const e = findBandEdges(c.bias, c.didv, { method: 'onset' });
      expectEdge(e.vbm, c.onset.vbm);
      expectEdge(e.cbm, c.onset.cbm);
      expect(e.reason === null).toBe(c.onset.vbm !== null && c.onset.cbm !== null);
    });
  }

  it('no qualifying peak gives null and a reason, never a number', () => {
    const bias = Array.from({ length: 101 }, (_, i) => -1 + i * 0.02);
    const e = findBandEdges(
      bias,
      bias.map((v) => v * v),
      { method: 'first-peak' },
    );
    expect(e).toMatchObject({ vbm: null, cbm: null, gap: null });
    expect(e.reason).toMatch(/VBM: no peak at V < 0/);
  });

  it('ignores peaks within 0.1 V of zero bias', () => {
    const bias = Array.from({ length: 201 }, (_, i) => -2 + i * 0.02);
    const g = (v: number, c: number) => Math.exp(-0.5 * ((v - c) / 0.05) ** 2);
    const didv = bias.map((v) => g(v, -1.2) + g(v, 1.4) + g(v, 0.04));
    const e = findBandEdges(bias, didv, { method: 'first-peak' });
    expect(e.vbm).toBeCloseTo(-1.2, 3);
    expect(e.cbm).toBeCloseTo(1.4, 3);
    expect(e.gap).toBeCloseTo(2.6, 3);
  });

  it('takes the peak nearest 0 V once it reaches 15 % of the principal one', () => {
    const bias = Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
    const g = (v: number, c: number, h: number) => h * Math.exp(-0.5 * ((v - c) / 0.05) ** 2);
    const weak = bias.map((v) => g(v, -1.6, 1) + g(v, -1.0, 0.1) + g(v, 1.5, 1));
    expect(findBandEdges(bias, weak, { method: 'first-peak' }).vbm).toBeCloseTo(-1.6, 3);
    const enough = bias.map((v) => g(v, -1.6, 1) + g(v, -1.0, 0.2) + g(v, 1.5, 1));
    expect(findBandEdges(bias, enough, { method: 'first-peak' }).vbm).toBeCloseTo(-1.0, 3);
  });
});

describe('parabolicApex', () => {
  it('recovers the vertex of a sampled parabola on an uneven grid', () => {
    const x = [0.9, 1.0, 1.3];
    const y = x.map((v) => 2 - 3 * (v - 1.07) ** 2);
    expect(parabolicApex(x, y, 1)).toBeCloseTo(1.07, 12);
  });
});
