// The trap view's per-spectrum deep-integral statistics for a recomputed window, read from the
// pool's result columns (runColumns) without decoding the results into objects.
import { summaryStats } from '../../../../shared/analysis/index.ts';
import type { SummaryStats } from '../../../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../../../shared/api/contract.ts';
import { resultNumber } from '../../../../workers/resultColumns.ts';
import type { ResultColumns } from '../../../../workers/resultColumns.ts';
import { countedResults } from '../runGroups.ts';

/** Each run's counted spectra's labels (weakly held: dropped with the run). */
const countedByRun = new WeakMap<AnalysisRunView, Map<number, string>>();

/** Spectrum id → group label of the spectra the run counts for a group (once per run: every
 * window change of a drag reads it; 10⁴ rows a pass per group). */
function countedLabels(run: AnalysisRunView): Map<number, string> {
  let labelOf = countedByRun.get(run);
  if (!labelOf) {
    labelOf = new Map();
    for (const g of run.groups)
      for (const r of countedResults(run, g.label)) labelOf.set(r.spectrumId, g.label);
    countedByRun.set(run, labelOf);
  }
  return labelOf;
}

/**
 * Summary of each group's per-spectrum deep integrals, V, over the spectra the run counts for it
 * (countedResults), read from a recomputed run's result columns in input order.
 */
export function deepStatsOf(run: AnalysisRunView, results: ResultColumns<number>): Map<string, SummaryStats> {
  const labelOf = countedLabels(run);
  const values = new Map(run.groups.map((g) => [g.label, [] as number[]]));
  for (let i = 0; i < results.ids.length; i++) {
    const label = labelOf.get(results.ids[i]!);
    if (label !== undefined) values.get(label)!.push(resultNumber(results, i, 'deepTrap') ?? Number.NaN);
  }
  return new Map([...values].map(([label, deep]) => [label, summaryStats(deep)]));
}
