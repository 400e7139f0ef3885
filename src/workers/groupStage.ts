// The pool's group stage (averaging thousands of curves, drawing the bootstrap means) in its
// workers, keeping the calling thread free, split by whole labels so every worker takes part.
// Each worker holds its labels' kept curves (the pool forwards them as chunks come back), so they
// travel only when they changed; the labels stay in their worker until then (its held averages
// and results are reused: reanalysis.ts aggregateHeld). Whole labels rarely split evenly: the
// bootstrap resamples are shared out to even the loads (shareBootstrap), and joined here in order
// before the comparisons (joinGroupParts, compareGroups): the numbers of aggregateGroups.
import type { Remote } from 'comlink';
import { compareGroups } from '../shared/analysis/aggregateGroups.ts';
import type {
  AnalysisRecipe,
  GroupComparison,
  GroupResult,
  RecipeOverrides,
} from '../shared/analysis/index.ts';
import type { AnalysisWorkerApi } from './analysisApi.ts';
import { joinGroupParts, shareBootstrap } from './poolDataset.ts';
import type { GroupStagePart } from './poolDataset.ts';
import type { GroupInputColumns } from './resultColumns.ts';

export interface GroupStageJob {
  datasetId: number;
  /** Every spectrum's group input (input order), exclusions applied. */
  inputs: GroupInputColumns;
  /** The kept generation whose curves the workers hold. */
  generation: number;
  overrides: RecipeOverrides;
  recipe: AnalysisRecipe;
  /** The labels whose group stage each worker runs, and all labels sorted (the groups' order). */
  labelsOf: ReadonlyArray<string[]>;
  labels: ReadonlyArray<string>;
}

const NOTHING: GroupStagePart = { groups: [], samples: [], draws: [] };

/** `counts`: spectra per label; `points`: per curve (both weigh each label's share of the work). */
export async function groupStage(
  workers: ReadonlyArray<Remote<AnalysisWorkerApi>>,
  job: GroupStageJob,
  counts: ReadonlyMap<string, number>,
  points: number,
): Promise<{ groups: GroupResult[]; comparisons: GroupComparison[] }> {
  const { datasetId, inputs, generation, overrides, recipe, labelsOf, labels } = job;
  const { resamples } = recipe.bootstrap;
  const shares = shareBootstrap(labelsOf, counts, points, resamples);
  const parts = await Promise.all(
    workers.map((api, w) => {
      const mine = labelsOf[w]!;
      if (mine.length === 0 && shares[w]!.length === 0) return NOTHING;
      // The inputs are small (columns of 10⁴ numbers): cloned to each worker, not transferred.
      return api.aggregate(datasetId, inputs, generation, overrides, mine, shares[w]);
    }),
  );
  const { groups, samples } = joinGroupParts(parts, labels, resamples);
  return { groups, comparisons: compareGroups(labels, samples, recipe) };
}
