// A recomputed window's per-spectrum deep-integral statistics read from result columns: with the
// first sweep of each series averaged they are the group statistics the pipeline itself computes
// for that window (its groups' stats.deepTrap); with every sweep averaged, the statistics of the
// decoded results of the spectra the run counted (countedResults, as the view read them before).
// Synthetic sessions, several seeds, exclusions by hand.
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../../../bench/analysis/synthetic.ts';
import { runPipeline, summaryStats } from '../../../../shared/analysis/index.ts';
import type { RecipeOverrides } from '../../../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../../../shared/api/contract.ts';
import { encodeResults } from '../../../../workers/resultColumns.ts';
import { countedResults } from '../runGroups.ts';
import { deepStatsOf } from './deepStats.ts';

describe('deepStatsOf', () => {
  it.each([1, 42, 31337])('equals the pipeline’s group statistics for another window (seed %i)', (seed) => {
    const spectra = syntheticSpectra({ count: 150, points: 256, seed, noise: 3e-12 });
    const exclusions = [3, 8, 21].map((id) => ({ id, action: 'exclude' as const, note: '' }));
    for (const recipe of [
      {},
      { exclusions },
      { averageSweeps: 'all' as const, exclusions },
    ] as RecipeOverrides[]) {
      const stored = runPipeline(spectra, recipe);
      // The fields of a stored run the statistics read (which spectra each group counted).
      const run = {
        recipe: stored.recipe,
        groups: stored.groups.map((g) => ({ label: g.label }) as AnalysisRunView['groups'][number]),
        spectra: stored.spectra.map((r) => ({ ...r, file: '', name: '', sweep: 1 })),
        quality: stored.spectra.map((r) => ({ ...r, file: '', name: '', sweep: 1 })),
      } as unknown as AnalysisRunView;
      const deep: [number, number] = [-0.45, 0.35];
      const recomputed = runPipeline(spectra, { ...recipe, traps: { deep } });
      const stats = deepStatsOf(run, encodeResults(recomputed.spectra));
      expect(stats.size).toBe(recomputed.groups.length);
      for (const g of recomputed.groups) {
        expect(g.stats.deepTrap.n).toBeGreaterThan(5);
        if (recipe.averageSweeps !== 'all') expect(stats.get(g.label)).toEqual(g.stats.deepTrap);
        else {
          const ids = new Set(countedResults(run, g.label).map((r) => r.spectrumId));
          const counted = recomputed.spectra.filter((r) => ids.has(r.spectrumId));
          expect(counted.length).toBeGreaterThan(g.stats.deepTrap.n);
          expect(stats.get(g.label)).toEqual(summaryStats(counted.map((r) => r.deepTrap ?? Number.NaN)));
        }
      }
      // Another window than the stored one: the numbers differ from the stored run's.
      expect(stats.get(stored.groups[0]!.label)).not.toEqual(stored.groups[0]!.stats.deepTrap);
    }
  });
});
