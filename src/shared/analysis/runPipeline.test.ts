import { describe, expect, it } from 'vitest';
import { deepTrapReduction } from './deepTrapReduction.ts';
import { findBandEdges } from './findBandEdges.ts';
import { DEFAULT_SEED, labelSeed, mulberry32 } from './random.ts';
import { DEFAULT_RECIPE } from './recipe.ts';
import { runPipeline } from './runPipeline.ts';
import type { PipelineSpectrum } from './results.ts';

/**
 * A model platelet: dI/dV has sech² band-edge peaks at vbm and cbm (A/V), a continuum that sets in
 * 0.35 V beyond each edge, and a broad in-gap trap band of relative strength `traps`.
 * I(V) is the exact antiderivative, so dI/dV of the model is known in closed form.
 */
interface Model {
  vbm: number;
  cbm: number;
  traps: number;
}
const W = 0.07; // V, edge peak width
const PEAK = 1e-9; // A/V, edge peak height
const model = {
  current(m: Model, v: number): number {
    const edges = -PEAK * W * Math.tanh((m.vbm - v) / W) + PEAK * W * Math.tanh((v - m.cbm) / W);
    const cont = (x: number) => 0.3 * PEAK * (x + 0.1 * Math.log(Math.cosh(x / 0.1))) * 0.5;
    const continuum = cont(v - (m.cbm + 0.35)) - cont(-v + (m.vbm - 0.35));
    const traps = m.traps * 0.08 * PEAK * 0.4 * Math.tanh((v - 0.1) / 0.4);
    return edges + continuum + traps;
  },
  didv(m: Model, v: number): number {
    const h = 1e-5;
    return (model.current(m, v + h) - model.current(m, v - h)) / (2 * h);
  },
};

/** Apex of the model's dI/dV nearest `guess`, on a 0.1 mV scan: the truth the pipeline must find. */
function trueApex(m: Model, guess: number): number {
  let best = guess;
  for (let v = guess - 0.05; v <= guess + 0.05; v += 1e-4)
    if (model.didv(m, v) > model.didv(m, best)) best = v;
  return best;
}

const GROUPS: Record<string, Model> = {
  core: { vbm: -1.13, cbm: 1.53, traps: 1 },
  'crown-centre': { vbm: -1.11, cbm: 1.59, traps: 0.53 },
  'crown-edge': { vbm: -1.27, cbm: 1.66, traps: 0.8 },
};

/** `noise`: white current noise per point, A. */
function makeSpectra(perGroup: number, points: number, noise: number): PipelineSpectrum<number>[] {
  const random = mulberry32(42);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const spectra: PipelineSpectrum<number>[] = [];
  let id = 0;
  let spot = 0;
  for (const [label, m] of Object.entries(GROUPS)) {
    for (let s = 0; s < perGroup; s++) {
      spot++;
      // Every fifth core spot is swept three times; later sweeps see a shrinking gap.
      const sweeps = label === 'core' && s % 5 === 0 ? 3 : 1;
      for (let k = 1; k <= sweeps; k++) {
        const shrink = (k - 1) * 0.25;
        const mk = { vbm: m.vbm + shrink, cbm: m.cbm - shrink, traps: m.traps * (1 + 0.3 * (k - 1)) };
        const gain = 1 + 0.1 * gauss();
        // Sweeps run + → − as on the instrument.
        const bias = Float64Array.from({ length: points }, (_, i) => 2 - (4 * i) / (points - 1));
        const current = bias.map((v) => gain * model.current(mk, v) + noise * gauss());
        spectra.push({
          id: id++,
          label,
          bias,
          current,
          fileName: `spot${String(spot).padStart(4, '0')}.dat`,
          time: spot * 60_000,
          x: spot * 10e-9,
          y: 0,
          sweep: k,
        });
      }
    }
  }
  return spectra;
}

describe('runPipeline', () => {
  // 5 pA noise: single sweeps are too noisy for the first-peak rule (noise wiggles in the gap
  // pass the 5 % prominence test), their average is not.
  const noisy = runPipeline(makeSpectra(60, 401, 5e-12));
  // 1 pA noise: single sweeps give their edges too.
  const spectra = makeSpectra(60, 401, 1e-12);
  const result = runPipeline(spectra);
  // Why any spectrum was left out (printed when the exclusion count assertions fail).
  const excludedReasons = result.spectra.filter((r) => r.excluded).map((r) => r.exclusionReason);

  it('stores the resolved recipe', () => {
    expect(result.recipe).toEqual(DEFAULT_RECIPE);
  });

  it('recovers the known band edges within 20 mV from 60 averaged noisy curves', () => {
    for (const group of noisy.groups) {
      const m = GROUPS[group.label]!;
      expect(group.average.ok).toBe(true);
      if (!group.average.ok) continue;
      // Single 5 pA sweeps whose own edges are noise are flagged (outlier, no-gap) and left out
      // of the average; the rest of the group is averaged.
      expect(group.average.n).toBe(group.counted);
      expect(group.average.n).toBeGreaterThanOrEqual(30);
      expect(Math.abs(group.average.edges.vbm! - trueApex(m, m.vbm))).toBeLessThan(0.02);
      expect(Math.abs(group.average.edges.cbm! - trueApex(m, m.cbm))).toBeLessThan(0.02);
    }
  });

  it('per-spectrum edges and first-of-series statistics near the truth', () => {
    for (const group of result.groups) {
      const m = GROUPS[group.label]!;
      const truthV = trueApex(m, m.vbm);
      const truthC = trueApex(m, m.cbm);
      expect(Math.abs(truthV - m.vbm)).toBeLessThan(0.005);
      expect(group.average.ok).toBe(true);
      if (!group.average.ok) continue;
      expect(group.average.n).toBe(60);
      expect(Math.abs(group.average.edges.vbm! - truthV)).toBeLessThan(0.02);
      expect(Math.abs(group.average.edges.cbm! - truthC)).toBeLessThan(0.02);
      // Statistics count each spot once: first sweeps only.
      expect(excludedReasons).toEqual([]);
      expect(group.counted).toBe(60);
      expect(group.stats.vbm.n).toBe(60);
      expect(Math.abs(group.stats.vbm.mean! - truthV)).toBeLessThan(0.02);
      expect(Math.abs(group.stats.gap.median! - (truthC - truthV))).toBeLessThan(0.02);
      expect(group.histograms.gap.counts.reduce((a, b) => a + b, 0)).toBe(60);
    }
  });

  it('the averaged dI/dV matches the model dI/dV', () => {
    const core = result.groups.find((g) => g.label === 'core')!.average;
    if (!core.ok) throw new Error(core.reason);
    const scale = PEAK;
    for (let i = 20; i < core.bias.length - 20; i += 10) {
      // Gain noise averages to ~1 ± 0.013; SG smoothing flattens the peaks slightly.
      expect(Math.abs(core.didv[i]! - model.didv(GROUPS.core!, core.bias[i]!))).toBeLessThan(0.12 * scale);
    }
    expect(core.didvByVbPeak).not.toBeNull();
    expect(core.normalisedConductance.length).toBe(core.bias.length);
  });

  it('compares every ordered pair; core → crown-centre loses about half its deep-trap density', () => {
    expect(result.comparisons.length).toBe(6);
    const c = result.comparisons.find((x) => x.a === 'core' && x.b === 'crown-centre')!;
    expect(c.nA).toBe(60);
    expect(c.reduction!).toBeGreaterThan(0.3);
    expect(c.reduction!).toBeLessThan(0.6);
    expect(c.ci95![0]).toBeLessThan(c.reduction!);
    expect(c.ci95![1]).toBeGreaterThan(c.reduction!);
    // Shared resampled means give exactly what deepTrapReduction gives for the pair alone.
    const deep = (label: string) =>
      result.spectra
        .filter((r) => r.label === label && r.sweepInSeries === 1)
        .map((r) => r.deepTrap ?? Number.NaN);
    const alone = deepTrapReduction(deep('core'), deep('crown-centre'), {
      seed: labelSeed(DEFAULT_SEED, 'core'),
      seedB: labelSeed(DEFAULT_SEED, 'crown-centre'),
    });
    expect({ a: c.a, b: c.b, ...alone, ciReason: null }).toEqual(c);
  });

  it('finds the repeated-sweep series and their degradation', () => {
    expect(result.series.length).toBe(12);
    for (const s of result.series) {
      expect(s.label).toBe('core');
      expect(s.sweeps.map((r) => r.k)).toEqual([1, 2, 3]);
      expect(s.sweeps[0]!.deltaGap).toBe(0);
      expect(s.sweeps[1]!.deltaGap!).toBeCloseTo(-0.5, 1);
      expect(s.sweeps[2]!.inGap!).toBeGreaterThan(s.sweeps[0]!.inGap!);
    }
    const later = result.spectra.filter((r) => r.sweepInSeries > 1);
    expect(later.length).toBe(24);
  });

  it('per-spectrum results carry edges and trap integrals, in input order', () => {
    expect(result.spectra.map((r) => r.spectrumId)).toEqual(spectra.map((s) => s.id));
    const r = result.spectra[1]!;
    expect(r.ok).toBe(true);
    expect(r.deepTrap).not.toBeNull();
    expect(r.shallowVb).not.toBeNull();
  });

  it('reports unusable sweeps with a reason and keeps going', () => {
    const bad: PipelineSpectrum<number> = {
      ...spectra[0]!,
      id: 10_000,
      fileName: 'bad.dat',
      x: 1,
      bias: [1, 2],
      current: [1, 2],
    };
    const r = runPipeline([bad, ...spectra.slice(1, 4)]);
    expect(r.spectra[0]).toMatchObject({ ok: false, vbm: null });
    expect(r.spectra[0]!.reason).toMatch(/valid points/);
  });

  it('onset method and central differences run through the same pipeline', () => {
    const r = runPipeline(spectra.slice(0, 30), {
      edges: { method: 'onset' },
      derivative: { method: 'central' },
    });
    expect(r.recipe.edges.method).toBe('onset');
    expect(r.groups[0]!.average.ok).toBe(true);
  });

  it('agrees with findBandEdges on the averaged spectrum', () => {
    const g = result.groups[0]!.average;
    if (!g.ok) throw new Error(g.reason);
    expect(findBandEdges(g.bias, g.didv)).toEqual(g.edges);
  });
});
