// Re-analysis after a change of the trap windows alone (src/workers/trapsOnlyRun.ts): on real
// worker_threads, the pool must take the short path (the workers asked for trap integrals only,
// no chunk analysed again), give exactly runPipeline's result, on objects and on the columns a UI
// thread keeps, leave the previous result as it was, and go back to the full path as soon as any
// other field changes. In process, the group stage must reuse a label's result but its trap parts.
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../bench/analysis/synthetic.ts';
import { resolveRecipe, runPipeline } from '../../shared/analysis/index.ts';
import type { GroupInput, RecipeOverrides } from '../../shared/analysis/index.ts';
import { createAnalysisPool } from '../../workers/analysisPool.ts';
import { aggregateHeld, createReanalysisState, holdKept } from '../../workers/reanalysis.ts';
import { analyseHeldChunk } from '../../workers/reanalysis.ts';
import { packKept } from '../../workers/keptCurves.ts';
import { decodeResults } from '../../workers/resultColumns.ts';
import { planChunks } from '../../workers/splitPipeline.ts';
import { applyExclusions } from '../../shared/analysis/aggregateGroups.ts';
import { interceptedWorker } from '../../testing/interceptedWorker.ts';

/** A worker whose calls are counted by method name. */
const countingWorker = (calls: Map<string, number>) =>
  interceptedWorker((method, post) => {
    if (method) calls.set(method, (calls.get(method) ?? 0) + 1);
    post();
  });

const calls = new Map<string, number>();
const counted = (): Record<string, number> => {
  const out = Object.fromEntries(calls);
  calls.clear();
  return out;
};

describe('a change of the trap windows alone', () => {
  for (const packSlice of [undefined, 40]) {
    const where = packSlice ? 'columns merged in a worker (a UI thread)' : 'objects (worker threads)';
    const pool = createAnalysisPool({ size: 2, createWorker: () => countingWorker(calls), packSlice });
    afterAll(() => pool.terminate());

    it(`asks the workers for trap integrals only and equals runPipeline: ${where}`, async () => {
      for (const seed of [3, 44]) {
        const spectra = syntheticSpectra({ count: 300, points: 256, seed, backward: true, noise: 3e-12 });
        const steps: Array<{ recipe: RecipeOverrides; short: boolean }> = [
          { recipe: {}, short: false },
          { recipe: { traps: { deep: [-0.7, 0.9] } }, short: true },
          { recipe: { traps: { deep: [-0.4, 0.3] } }, short: true },
          { recipe: { traps: { deep: [-0.4, 0.3] }, derivative: { window: 21 } }, short: false },
          { recipe: { traps: { deep: [-1.1, 1.2] }, derivative: { window: 21 } }, short: true },
          { recipe: { traps: { deep: [-1.1, 1.2] }, quality: { outlierK: 2 } }, short: false },
          { recipe: { traps: { deep: [-0.2, 0.2] }, quality: { outlierK: 2 } }, short: true },
        ];
        let previous: { run: unknown; copy: unknown } | null = null;
        counted();
        for (const { recipe, short } of steps) {
          const input = spectra.map((s) => ({ ...s }));
          const pooled = await pool.run(input, { recipe });
          const methods = counted();
          if (short) {
            expect(methods.retrapChunks, JSON.stringify(recipe)).toBe(2);
            expect(methods.analyseChunks ?? 0).toBe(0);
            expect(methods.analyseChunk ?? 0).toBe(0);
          } else {
            expect(methods.retrapChunks ?? 0, JSON.stringify(recipe)).toBe(0);
          }
          expect(pooled).toEqual(runPipeline(spectra, recipe));
          // The run before is left as it was (its caller may still show it).
          if (previous) expect(previous.run).toEqual(previous.copy);
          previous = { run: pooled, copy: structuredClone(pooled) };
        }
        if (packSlice) {
          // Same recipe as the last step but the windows.
          const recipe = { traps: { deep: [-0.9, 0.6] as [number, number] }, quality: { outlierK: 2 } };
          const { spectra: columns, ...rest } = await pool.runColumns(spectra, { recipe });
          expect(counted().retrapChunks).toBe(2);
          const { spectra: expected, ...expectedRest } = runPipeline(spectra, recipe);
          expect(decodeResults(columns)).toEqual(expected);
          expect(rest).toEqual(expectedRest);
        }
      }
    }, 120_000);
  }
});

describe("the group stage's held results", () => {
  it("recomputes only a label's trap parts under the same recipe but the windows", () => {
    const spectra = syntheticSpectra({ count: 120, points: 256, seed: 17 });
    const [plan] = planChunks(spectra, resolveRecipe(), 10_000);
    const state = createReanalysisState();
    const chunk = analyseHeldChunk(state, 1, 0, {}, true, { spectra, plan: plan! });
    holdKept(state, 1, 1, packKept(chunk.kept));
    const labels = ['core', 'crown-centre', 'crown-edge'];
    const groupsUnder = (recipe: RecipeOverrides) => {
      const results = analyseHeldChunk(state, 1, 0, recipe, false).spectra;
      applyExclusions(results, resolveRecipe(recipe));
      return aggregateHeld(state, 1, results as Array<GroupInput<number>>, 1, recipe, labels).groups;
    };
    const before = groupsUnder({});
    const recipe = { traps: { deep: [-0.5, 0.6] as [number, number] } };
    const after = groupsUnder(recipe);
    const full = runPipeline(spectra, recipe).groups;
    for (const [k, group] of after.entries()) {
      const first = before[k]!;
      expect(group).toEqual(full.find((g) => g.label === group.label));
      // The average's curves are the held ones (not averaged or differentiated again) …
      expect(group.average.ok && first.average.ok).toBe(true);
      if (group.average.ok && first.average.ok) {
        expect(group.average.didv).toBe(first.average.didv);
        expect(group.average.traps).not.toEqual(first.average.traps);
      }
      expect(group.histograms).toBe(first.histograms);
      expect(group.stats.deepTrap).not.toEqual(first.stats.deepTrap);
    }
    // … while another Savitzky–Golay window computes the group afresh.
    const other = groupsUnder({ ...recipe, derivative: { window: 21 } });
    expect(other[0]!.histograms).not.toBe(after[0]!.histograms);
    expect(other).toEqual(runPipeline(spectra, { ...recipe, derivative: { window: 21 } }).groups);
  });
});
