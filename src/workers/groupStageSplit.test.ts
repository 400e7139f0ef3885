// The pool's group stage split by whole labels across workers (poolDataset.ts splitLabels,
// aggregateGroupPart per worker on its labels' kept curves only, compareGroups joining the parts)
// gives exactly aggregateGroups' groups and comparisons, for any number of workers (also more
// workers than labels: some parts empty) and several seeded datasets.
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { applyExclusions, resolveRecipe } from '../shared/analysis/index.ts';
import {
  aggregateGroupPart,
  aggregateGroups,
  compareGroups,
  groupLabels,
} from '../shared/analysis/aggregateGroups.ts';
import { splitLabels } from './poolDataset.ts';
import { packKept, unpackKept } from './keptCurves.ts';
import { mergeChunks, planChunks, analyseChunk } from './splitPipeline.ts';

function merged(seed: number, overrides = {}) {
  const spectra = syntheticSpectra({ count: 240, points: 200, seed, noise: 2e-12 });
  const recipe = resolveRecipe(overrides);
  const plans = planChunks(spectra, recipe, 50);
  const chunks = plans.map((p) =>
    analyseChunk(
      p.indices.map((i) => spectra[i]!),
      p,
      overrides,
    ),
  );
  const m = mergeChunks(plans, chunks, spectra.length);
  applyExclusions(m.spectra, recipe);
  return { ...m, recipe };
}

describe('group stage split by labels', () => {
  it.each([1, 2, 3])('equals aggregateGroups for 1 to 5 workers (seed %i)', (seed) => {
    const m = merged(seed, seed === 2 ? { traps: { deep: [-0.6, 0.9] } } : {});
    const whole = aggregateGroups(m.spectra, m.kept, m.recipe);
    expect(whole.groups).toHaveLength(3);
    expect(whole.comparisons.some((c) => c.ci95 !== null)).toBe(true);
    const labels = groupLabels(m.spectra);
    for (let workers = 1; workers <= 5; workers++) {
      const split = splitLabels(m.spectra, labels, workers);
      expect(split.flat().sort()).toEqual(labels);
      // Kept curves as they cross: packed per label, each part gets only its labels'.
      const kept = packKept(m.kept).flatMap(unpackKept);
      const parts = split.map((mine) =>
        aggregateGroupPart(
          m.spectra,
          kept.filter((k) => mine.includes(k.label)),
          m.recipe,
          mine,
        ),
      );
      const groupOf = new Map(parts.flatMap((p) => p.groups).map((g) => [g.label, g]));
      const samples = new Map(parts.flatMap((p) => p.samples).map((s) => [s.label, s]));
      expect(labels.map((l) => groupOf.get(l))).toEqual(whole.groups);
      expect(compareGroups(labels, samples, m.recipe)).toEqual(whole.comparisons);
    }
  });

  it('packs each label of a chunk in its own buffer and unpacks the same curves', () => {
    for (const backward of [false, true]) {
      const spectra = syntheticSpectra({ count: 120, points: 90, seed: 4, backward });
      const recipe = resolveRecipe(backward ? { direction: 'mean' } : {});
      const [plan] = planChunks(spectra, recipe, 1000);
      const kept = analyseChunk(spectra, plan!, recipe).kept;
      const packs = packKept(kept);
      expect(packs.map((p) => p.label)).toEqual([...new Set(kept.map((k) => k.label))]);
      expect(new Set(packs.map((p) => p.data.buffer)).size).toBe(3);
      const unpacked = packs.flatMap(unpackKept);
      // Forward sweeps on one grid share one bias array; a pack keeps one copy of it per label.
      if (!backward) expect(new Set(unpacked.map((k) => k.curve.bias)).size).toBe(3);
      // In label order, each label's curves in chunk order.
      const byLabel = packs.flatMap((p) => kept.filter((k) => k.label === p.label));
      expect(unpacked.map((k) => [k.index, k.label])).toEqual(byLabel.map((k) => [k.index, k.label]));
      unpacked.forEach((k, i) => {
        const original = byLabel[i]!;
        expect(k.curve.bias).not.toBe(original.curve.bias); // copies
        expect(Array.from(k.curve.bias)).toEqual(Array.from(original.curve.bias));
        expect(Array.from(k.curve.current)).toEqual(Array.from(original.curve.current));
        // Curves of a label that shared one bias array still do (group averages compare biases by identity first).
        const j = byLabel.findIndex((o) => o.label === k.label && o.curve.bias === original.curve.bias);
        expect(k.curve.bias).toBe(unpacked[j]!.curve.bias);
      });
    }
  });

  it('balances labels by spectra, largest first', () => {
    const results = [...'aaaaabbbccd'].map((label) => ({ label }));
    expect(splitLabels(results, ['a', 'b', 'c', 'd'], 2)).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(splitLabels(results, ['a', 'b', 'c', 'd'], 1)).toEqual([['a', 'b', 'c', 'd']]);
  });
});
