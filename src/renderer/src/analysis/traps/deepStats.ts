// The trap view's per-spectrum deep-integral statistics for a recomputed window, read from the
// pool's result columns (runColumns) without decoding the results into objects.
import { summaryStats } from '../../../../shared/analysis/index.ts';
import type { SummaryStats } from '../../../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../../../shared/api/contract.ts';
import { resultNumber } from '../../../../workers/resultColumns.ts';
import type { ResultColumns } from '../../../../workers/resultColumns.ts';
import { countedResults } from '../runGroups.ts';

/**
 * Summary of each group's per-spectrum deep integrals, V, over the spectra the run counts for it
 * (countedResults), read from a recomputed run's result columns in input order.
 */
export function deepStatsOf(run: AnalysisRunView, results: ResultColumns<number>): Map<string, SummaryStats> {
  const labelOf = new Map<number, string>();
  for (const g of run.groups)
    for (const r of countedResults(run, g.label)) labelOf.set(r.spectrumId, g.label);
  const values = new Map(run.groups.map((g) => [g.label, [] as number[]]));
  for (let i = 0; i < results.ids.length; i++) {
    const label = labelOf.get(results.ids[i]!);
    if (label !== undefined) values.get(label)!.push(resultNumber(results, i, 'deepTrap') ?? Number.NaN);
  }
  return new Map([...values].map(([label, deep]) => [label, summaryStats(deep)]));
}
