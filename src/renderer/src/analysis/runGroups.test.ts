// The Spectra figure's in-gap markers (inGapBiasesByGroup, one pass over the rows) are the states
// of exactly the spectra countedResults counts, as the figure drew them before: runs of the real
// pipeline on synthetic sessions (several seeds, exclusions by hand, every sweep or first ones).
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../../bench/analysis/synthetic.ts';
import { runPipeline } from '../../../shared/analysis/index.ts';
import type { RecipeOverrides } from '../../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../../shared/api/contract.ts';
import { countedResults, inGapBiasesByGroup, inGapStatesById } from './runGroups.ts';

/** The fields of a stored run these functions read, from a pipeline result. */
function runOf(seed: number, recipe: RecipeOverrides): AnalysisRunView {
  const result = runPipeline(syntheticSpectra({ count: 150, points: 256, seed, noise: 3e-12 }), recipe);
  const view: Pick<AnalysisRunView, 'recipe' | 'groups' | 'spectra' | 'quality'> = {
    recipe: result.recipe,
    groups: result.groups.map((g) => ({ label: g.label }) as AnalysisRunView['groups'][number]),
    spectra: result.spectra.map((r) => ({ ...r, file: '', name: '', sweep: 1 })),
    quality: result.spectra.map((r) => ({
      spectrumId: r.spectrumId,
      file: '',
      name: '',
      sweep: 1,
      inGapStates: r.inGapStates,
      flags: r.flags,
      flagReasons: r.flagReasons,
      excluded: r.excluded,
      exclusionReason: r.exclusionReason,
      currentNoiseRaise: r.currentNoiseRaise,
    })),
  };
  return view as AnalysisRunView;
}

describe('inGapBiasesByGroup', () => {
  it.each([1, 42, 31337])('equals the counted spectra’s states, sorted (seed %i)', (seed) => {
    const exclusions = [3, 8, 21].map((id) => ({ id, action: 'exclude' as const, note: '' }));
    for (const recipe of [{}, { exclusions }, { averageSweeps: 'all' as const, exclusions }]) {
      const run = runOf(seed, recipe);
      const states = inGapStatesById(run);
      const fast = inGapBiasesByGroup(run);
      let total = 0;
      for (const g of run.groups) {
        const expected = countedResults(run, g.label)
          .flatMap((r) => (states.get(r.spectrumId) ?? []).map((s) => s.bias))
          .sort((a, b) => a - b);
        expect(Array.from(fast.get(g.label)!)).toEqual(expected);
        total += expected.length;
      }
      // Not vacuous: the synthetic groups have in-gap states.
      expect(total).toBeGreaterThan(0);
    }
  });
});
