// The pool's per-spectrum part of a run that differs from the last one in the trap windows alone
// (stageKeys' allButTraps unchanged, same spectra, every chunk held by a worker): each worker
// recomputes its chunks' trap integrals from the dI/dV and edges it holds (retrapHeldChunk) and
// sends back three numbers per spectrum; the last run's merged results and group inputs get the
// new integrals. Nothing else of them can change with the windows: edges, flags, exclusions
// (outliers are judged on the edges) and the series' degradation rows are the last run's. The
// full path re-encoded every result, cloned the series rows, decoded, excluded and encoded the
// group inputs again: 6–20 ms of a deep-window drag of 1,000 spectra before the group stage, most
// of it in code V8 had not optimised yet (bench:analysis).
import type { Remote } from 'comlink';
import type { RecipeOverrides } from '../shared/analysis/index.ts';
import type { AnalysisWorkerApi } from './analysisApi.ts';
import type { SpectrumId } from './packSpectra.ts';
import type { MergedRun } from './mergeRun.ts';
import type { ChunkPlan } from './splitPipeline.ts';
import { columnsWithTraps, inputsWithTraps, mergeTrapColumns, resultsWithTraps } from './trapColumns.ts';
import type { TrapColumns } from './trapColumns.ts';

/**
 * The merged part of the run under `overrides`, from `last` (the previous run's, under the same
 * recipe but the trap windows); `owner[c]`: the worker holding chunk c; `total`: the spectra. The
 * numbers are new arrays and objects, the unchanged columns shared: `last` is left as it was (its
 * caller may still read it).
 */
export async function trapsOnlyRun<Id extends SpectrumId>(
  workers: ReadonlyArray<Remote<AnalysisWorkerApi>>,
  datasetId: number,
  plans: ReadonlyArray<ChunkPlan<Id>>,
  owner: ReadonlyArray<number>,
  total: number,
  overrides: RecipeOverrides,
  last: MergedRun<Id>,
): Promise<MergedRun<Id>> {
  const perWorker = await Promise.all(
    workers.map(async (api, w) => {
      const chunks: number[] = [];
      for (let c = 0; c < plans.length; c++) if (owner[c] === w) chunks.push(c);
      if (chunks.length === 0) return [];
      const traps = (await api.retrapChunks(datasetId, chunks, overrides)) as TrapColumns[];
      return chunks.map((c, k) => ({ indices: plans[c]!.indices, traps: traps[k]! }));
    }),
  );
  const traps = mergeTrapColumns(perWorker.flat(), total);
  return {
    spectra: Array.isArray(last.spectra)
      ? resultsWithTraps(last.spectra, traps)
      : columnsWithTraps(last.spectra, traps),
    inputs: inputsWithTraps(last.inputs, traps),
    series: last.series.slice(),
  };
}
