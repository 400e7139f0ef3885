// 'no-gap' is a finding, not an exclusion (docs/ANALYSIS.md, "Exclusions"): on seeded synthetic
// sessions with a metallic group and a semiconducting group of known truth, every metallic
// spectrum is flagged no-gap AND still counted and averaged: its group's averaged I(V) is the
// point-wise mean of all its (tidied) sweeps, and that average has no band edges; a clipped
// metallic sweep still leaves (saturated excludes). The semiconductor's edges are unaffected.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { runPipeline } from './runPipeline.ts';
import type { PipelineSpectrum } from './results.ts';

const POINTS = 301;
/** Sweeps + → −, as recorded. */
const BIAS = Float64Array.from({ length: POINTS }, (_, i) => 1.5 - (3 * i) / (POINTS - 1));
const gauss = (v: number, c: number, w: number): number => Math.exp(-0.5 * ((v - c) / w) ** 2);

/** I(V) (A) as the cumulative trapezoid of dI/dV (A/V) from 0 V, plus white noise (A). */
function currentOf(didv: (v: number) => number, noise: number, random: () => number): Float64Array {
  const d = Array.from(BIAS, didv);
  const zero = (POINTS - 1) / 2; // BIAS[zero] = 0
  const current = new Float64Array(POINTS);
  for (let i = zero + 1; i < POINTS; i++)
    current[i] = current[i - 1]! + 0.5 * (d[i]! + d[i - 1]!) * (BIAS[i]! - BIAS[i - 1]!);
  for (let i = zero - 1; i >= 0; i--)
    current[i] = current[i + 1]! - 0.5 * (d[i]! + d[i + 1]!) * (BIAS[i + 1]! - BIAS[i]!);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let i = 0; i < POINTS; i++) current[i] = current[i]! + noise * gaussian();
  return current;
}

interface Session {
  spectra: Array<PipelineSpectrum<number>>;
  semiconductor: { vbm: number; cbm: number };
  metals: number;
  clipped: number;
}

function session(seed: number): Session {
  const random = mulberry32(seed);
  const vbm = -0.9 + 0.1 * random();
  const cbm = 0.8 + 0.1 * random();
  const spectra: Array<PipelineSpectrum<number>> = [];
  const add = (label: string, current: Float64Array): void => {
    const id = spectra.length;
    // Spots 50 nm apart, an hour apart: every spectrum is its own series.
    spectra.push({
      id,
      label,
      bias: BIAS,
      current,
      fileName: `s${id}.dat`,
      time: id * 3600,
      x: id * 50e-9,
      y: 0,
      sweep: 1,
    });
  };
  for (let k = 0; k < 12; k++) {
    const e = 0.02 * (random() - 0.5);
    add(
      'semiconductor',
      currentOf(
        (v) =>
          1e-9 *
          (gauss(v, vbm + e, 0.08) +
            1.3 * gauss(v, cbm + e, 0.08) +
            2 * Math.max(0, vbm - 0.2 - v) ** 1.2 +
            2.5 * Math.max(0, v - cbm - 0.2) ** 1.2 +
            0.01),
        2e-12,
        random,
      ),
    );
  }
  // Metals: a smooth, gapless density of states (conductance ≥ 0.5 nA/V everywhere).
  const metals = 10;
  for (let k = 0; k < metals; k++) {
    const a = 1 + 0.2 * random();
    const b = 0.3 * random();
    add(
      'metal',
      currentOf((v) => 1e-9 * (0.5 * a + b * v * v + 0.05 * v), 2e-12, random),
    );
  }
  // One metallic sweep clipped at +0.6 nA (a current limit): saturated, excluded.
  const clipped = currentOf((v) => 1e-9 * (0.6 + 0.2 * v * v), 2e-12, random).map((c) => Math.min(c, 0.6e-9));
  add('metal', clipped);
  return { spectra, semiconductor: { vbm, cbm }, metals, clipped: spectra.length - 1 };
}

describe('no-gap is a finding, not an exclusion', () => {
  for (const seed of [3, 19, 2026]) {
    it(`metallic spectra are flagged, counted and averaged (seed ${seed})`, () => {
      const { spectra, semiconductor, metals, clipped } = session(seed);
      const result = runPipeline(spectra);
      const metalResults = result.spectra.filter((r) => r.label === 'metal' && r.spectrumId !== clipped);
      expect(metalResults).toHaveLength(metals);
      for (const r of metalResults) {
        expect(r.flags).toEqual(['no-gap']);
        expect(r.excluded).toBe(false);
        expect(r.exclusionReason).toBeNull();
      }
      const clip = result.spectra[clipped]!;
      expect(clip.flags).toContain('saturated');
      expect(clip.excluded).toBe(true);

      const metal = result.groups.find((g) => g.label === 'metal')!;
      expect(metal.counted).toBe(metals);
      expect(metal.excluded).toBe(1);
      expect(metal.average.ok).toBe(true);
      if (!metal.average.ok) return;
      expect(metal.average.n).toBe(metals);
      // The average is the point-wise mean of the unclipped metallic sweeps (ascending bias).
      const ascending = Array.from(BIAS).reverse();
      expect(Array.from(metal.average.bias)).toEqual(ascending);
      for (let i = 0; i < POINTS; i++) {
        let sum = 0;
        for (const r of metalResults) sum += spectra[r.spectrumId]!.current[POINTS - 1 - i]!;
        expect(metal.average.current[i]).toBeCloseTo(sum / metals, 21);
      }
      expect(metal.average.edges.gap).toBeNull();

      const semi = result.groups.find((g) => g.label === 'semiconductor')!;
      expect(semi.counted).toBe(12);
      expect(Math.abs(semi.stats.vbm.mean! - semiconductor.vbm)).toBeLessThan(0.03);
      expect(Math.abs(semi.stats.cbm.mean! - semiconductor.cbm)).toBeLessThan(0.03);
      expect(semi.average.ok && semi.average.edges.gap).toBeGreaterThan(0);
    });
  }
});
