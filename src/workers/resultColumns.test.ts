// Per-spectrum results through their column encoding (the worker → pool wire) come back equal:
// every field, null vs number, −0, flags with reasons, in-gap states, lock-in fits, failed sweeps.
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { groupInputOf, runPipeline } from '../shared/analysis/index.ts';
import type { SpectrumResult } from '../shared/analysis/index.ts';
import {
  decodeGroupInputs,
  decodeResults,
  decodeResultsInTasks,
  encodeGroupInputs,
  encodeResults,
  resultNumber,
} from './resultColumns.ts';

const roundTrip = <Id extends number | string>(results: Array<SpectrumResult<Id>>) =>
  decodeResults(structuredClone(encodeResults(results)));

describe('result columns', () => {
  it('round-trip the pipeline results of noisy spectra (flags, in-gap states, nulls)', () => {
    const spectra = syntheticSpectra({ count: 240, points: 256, noise: 2e-12, seed: 5 });
    // An unusable sweep and a clipped one, so failures and flags are in the set.
    spectra[3] = {
      ...spectra[3]!,
      current: Float64Array.from(spectra[3]!.current).slice(0, 5),
      bias: Float64Array.from(spectra[3]!.bias).slice(0, 5),
    };
    const clipped = Float64Array.from(spectra[8]!.current, (v) => Math.min(v, 2e-10));
    spectra[8] = { ...spectra[8]!, current: clipped };
    const { spectra: results } = runPipeline(spectra);
    expect(results.some((r) => !r.ok)).toBe(true);
    expect(results.some((r) => r.flags.length > 0)).toBe(true);
    expect(results.some((r) => r.inGapStates.length > 0)).toBe(true);
    expect(results.some((r) => r.vbm === null)).toBe(true);
    expect(results.some((r) => r.label === null)).toBe(true);
    const back = roundTrip(results);
    expect(back).toEqual(results);
    const inputs = results.map(groupInputOf);
    expect(decodeGroupInputs(structuredClone(encodeGroupInputs(inputs)))).toEqual(inputs);
    // Same field order as the pipeline builds (stored JSON compares as text elsewhere).
    back.forEach((r, i) => expect(Object.keys(r)).toEqual(Object.keys(results[i]!)));
  });

  it('keeps −0, string ids and lock-in fits', () => {
    const base = runPipeline(syntheticSpectra({ count: 3, points: 128 })).spectra[0]!;
    const odd: Array<SpectrumResult<string>> = [
      {
        ...base,
        spectrumId: 'a',
        vbm: -0,
        deepTrap: null,
        lockInFit: { scale: 2.5e-9, phase: -0.1, r2: 0.99 },
      },
      { ...base, spectrumId: 'b', flags: ['outlier', 'no-gap'], flagReasons: ['far', 'no gap'], reason: 'x' },
    ];
    const back = roundTrip(odd);
    expect(back).toEqual(odd);
    expect(Object.is(back[0]!.vbm, -0)).toBe(true);
  });

  it('decodes in slices (a UI thread over several tasks) exactly as at once; single numbers on demand', async () => {
    for (const [seed, count] of [
      [11, 97],
      [12, 240],
    ] as const) {
      const { spectra } = runPipeline(syntheticSpectra({ count, points: 128, noise: 2e-12, seed }));
      const encoded = structuredClone(encodeResults(spectra));
      let pauses = 0;
      const sliced = await decodeResultsInTasks(encoded, 20, async () => {
        pauses++;
      });
      expect(pauses).toBe(Math.ceil(count / 20) - 1); // after results 20, 40, …
      expect(sliced).toEqual(spectra);
      spectra.forEach((r, i) => {
        expect(resultNumber(encoded, i, 'deepTrap')).toBe(r.deepTrap);
        expect(resultNumber(encoded, i, 'gap')).toBe(r.gap);
      });
    }
  });
});
