import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { resolveRecipe, runPipeline } from '../shared/analysis/index.ts';
import { packSpectra, unpackSpectra } from './packSpectra.ts';
import { planChunks, runPipelineInChunks } from './splitPipeline.ts';

const spectra = syntheticSpectra({ count: 300, points: 256, backward: true, noise: 2e-12 });

describe('runPipeline split into chunks', () => {
  it('keeps whole series in one chunk', () => {
    const plans = planChunks(spectra, resolveRecipe(), 10);
    expect(plans.length).toBeGreaterThan(20);
    const seen = new Set<number>();
    for (const p of plans) for (const i of p.indices) seen.add(i);
    expect(seen.size).toBe(spectra.length);
  });

  it.each([1, 7, 64, 10_000])('equals runPipeline on everything (chunks of %i)', (size) => {
    const direct = runPipeline(spectra, {});
    expect(runPipelineInChunks(spectra, {}, size)).toEqual(direct);
    expect(direct.series.length).toBeGreaterThan(10);
    expect(direct.groups).toHaveLength(3);
  });

  it('equals runPipeline with another recipe (mean of directions, median, all sweeps, onset)', () => {
    const recipe = {
      direction: 'mean' as const,
      average: 'median' as const,
      averageSweeps: 'all' as const,
      edges: { method: 'onset' as const },
    };
    expect(runPipelineInChunks(spectra, recipe, 17)).toEqual(runPipeline(spectra, recipe));
  });

  it('packs and unpacks spectra without changing a value', () => {
    const back = unpackSpectra(packSpectra(spectra.slice(0, 5)));
    back.forEach((s, i) => {
      expect(Array.from(s.bias)).toEqual(Array.from(spectra[i]!.bias));
      expect(Array.from(s.current)).toEqual(Array.from(spectra[i]!.current));
      expect(Array.from(s.backward!.current)).toEqual(Array.from(spectra[i]!.backward!.current));
      expect(s.fileName).toBe(spectra[i]!.fileName);
    });
  });

  it('packs a bias once for consecutive spectra with the same values, and only then', () => {
    const base = spectra.slice(0, 6).map((s) => ({ ...s, backward: null }));
    const bias = Float64Array.from(base[0]!.bias);
    const zeroed = Float64Array.from(bias, (v, i) => (i === 3 ? -0 : v));
    const shifted = Float64Array.from(bias, (v, i) => (i === 5 ? v + 1e-12 : v));
    const input = base.map((s, i) => ({
      ...s,
      bias: i === 3 ? shifted : i === 4 ? zeroed : Float64Array.from(bias),
    }));
    input[1]!.bias[3] = 0;
    input[2]!.bias[3] = 0; // equal to input[1], another array
    const packed = packSpectra(input);
    const offsets = unpackSpectra(packed).map((s) => (s.bias as Float64Array).byteOffset);
    expect(offsets[2]).toBe(offsets[1]);
    expect(new Set(offsets).size).toBe(5); // 0 | 1 = 2 | 3 (shifted) | 4 (−0) | 5
    unpackSpectra(packed).forEach((s, i) => {
      expect(Array.from(s.bias)).toEqual(Array.from(input[i]!.bias));
      expect(Object.is(s.bias[3], input[i]!.bias[3])).toBe(true);
      expect(Array.from(s.current)).toEqual(Array.from(input[i]!.current));
    });
  });
});
