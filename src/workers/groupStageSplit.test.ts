// The pool's group stage split by whole labels across workers (poolDataset.ts splitLabels,
// aggregateGroupPart per worker on its labels' kept curves only, the bootstrap resamples shared
// out to even the loads (shareBootstrap, drawLabelMeans, joinMeans), compareGroups joining the
// parts) gives exactly aggregateGroups' groups and comparisons, for any number of workers (also
// more workers than labels: some parts empty) and several seeded datasets.
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { applyExclusions, resolveRecipe } from '../shared/analysis/index.ts';
import {
  aggregateGroupPart,
  aggregateGroups,
  compareGroups,
  drawLabelMeans,
  groupLabels,
} from '../shared/analysis/aggregateGroups.ts';
import { joinMeans, labelCounts, shareBootstrap, splitLabels } from './poolDataset.ts';
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

      // The same with the resamples shared out: each worker draws its labels' first resamples in
      // aggregateGroupPart and other shares with drawLabelMeans; joined, they are the whole means.
      const { resamples } = m.recipe.bootstrap;
      const shares = shareBootstrap(split, labelCounts(m.spectra, labels), 200, resamples);
      const drawn = new Map<string, Array<{ from: number; means: Float64Array | null }>>();
      const add = (label: string, part: { from: number; means: Float64Array | null }): void => {
        drawn.set(label, [...(drawn.get(label) ?? []), part]);
      };
      split.forEach((mine, w) => {
        const first = (label: string): number =>
          shares[w]!.find((s) => s.label === label && s.from === 0)?.to ?? 0;
        const part = aggregateGroupPart(m.spectra, kept, m.recipe, mine, undefined, { drawn: first });
        for (const sample of part.samples) add(sample.label, { from: 0, means: sample.means });
        for (const share of shares[w]!)
          if (!(mine.includes(share.label) && share.from === 0))
            add(share.label, {
              from: share.from,
              means: drawLabelMeans(m.spectra, m.recipe, share.label, share.from, share.to),
            });
      });
      const joined = new Map(
        [...samples.values()].map((s) => [
          s.label,
          { ...s, means: joinMeans(s.label, drawn.get(s.label)!, resamples) },
        ]),
      );
      expect(compareGroups(labels, joined, m.recipe)).toEqual(whole.comparisons);
      if (workers === 2) expect(shares.flat().length).toBeGreaterThan(3); // some resamples moved
    }
  });

  it('shares the resamples so the estimated loads even out, each resample drawn once', () => {
    const resamples = 2000;
    for (const [labelsOf, counts] of [
      [
        [['a'], ['b', 'c']],
        [3300, 3300, 3300],
      ],
      [
        [
          ['a', 'd'],
          ['b', 'c'],
        ],
        [5000, 3000, 1500, 10],
      ],
      [
        [['a'], ['b'], ['c']],
        [900, 50, 50],
      ],
      [
        [['a', 'b', 'c'], []],
        [10, 20, 30],
      ],
    ] as const) {
      const labels: string[] = labelsOf.flat();
      const count = new Map<string, number>(labels.map((l, i) => [l, counts[i]!]));
      const shares = shareBootstrap(labelsOf, count, 512, resamples);
      for (const label of labels) {
        const mine = shares
          .flat()
          .filter((s) => s.label === label)
          .sort((x, y) => x.from - y.from);
        let covered = 0;
        for (const s of mine) {
          expect(s.from).toBe(covered);
          covered = s.to;
        }
        expect(covered).toBe(resamples);
        // The owner's share of its own label starts at 0.
        const owner = labelsOf.findIndex((l) => (l as readonly string[]).includes(label));
        expect(shares[owner]!.some((s) => s.label === label && s.from === 0)).toBe(true);
      }
      const load = shares.map(
        (mine, w) =>
          (labelsOf[w] as readonly string[]).reduce((n, l) => n + 2 * 512 * count.get(l)!, 0) +
          mine.reduce((n, s) => n + count.get(s.label)! * (s.to - s.from), 0),
      );
      const total = load.reduce((a, b) => a + b, 0);
      // Evened where the bootstrap allows: a worker's load cannot drop below its own averaging.
      const floor = Math.max(
        ...labelsOf.map((mine) =>
          (mine as readonly string[]).reduce((n, l) => n + 2 * 512 * count.get(l)!, 0),
        ),
      );
      expect(Math.max(...load)).toBeLessThanOrEqual(
        Math.max(total / labelsOf.length, floor) + Math.max(...counts),
      );
    }
  });

  it('joins parts in resample order and refuses gaps', () => {
    const a = Float64Array.of(1, 2);
    const b = Float64Array.of(3);
    expect(
      Array.from(
        joinMeans(
          'x',
          [
            { from: 2, means: b },
            { from: 0, means: a },
          ],
          3,
        )!,
      ),
    ).toEqual([1, 2, 3]);
    expect(joinMeans('x', [{ from: 0, means: null }], 3)).toBeNull();
    expect(
      Array.from(
        joinMeans(
          'x',
          [
            { from: 0, means: new Float64Array(0) },
            { from: 0, means: a },
            { from: 2, means: b },
          ],
          3,
        )!,
      ),
    ).toEqual([1, 2, 3]);
    expect(() => joinMeans('x', [{ from: 0, means: a }], 3)).toThrow(/cover 2 of 3/);
    expect(() =>
      joinMeans(
        'x',
        [
          { from: 0, means: a },
          { from: 1, means: b },
        ],
        3,
      ),
    ).toThrow(/do not join/);
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
