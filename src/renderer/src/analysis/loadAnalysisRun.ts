// A stored run as the Analysis tab shows it: the summary (getAnalysisRun without per-spectrum rows:
// groups, statistics, histograms and each group's averaged curves with their spread) at once, then
// its per-spectrum rows a page at a time (listAnalysisResults), so no answer carries a whole
// 100k-spectrum run and no page's decoding holds the UI thread for long. The Spectra figure is
// drawn from the summary alone; the views that list spectra wait for the rows (rowsLoaded).
import type { AnalysisRunView, LibraryApi } from '../../../shared/api/contract.ts';

/**
 * Per-spectrum rows per page: ~0.2 MB of JSON, decoded on the UI thread well inside the 50 ms
 * long-task budget (2,500 rows were ~1 MB: 60–100 ms with the reviver; 1,000 still ~50 ms on a
 * busy 2-core machine).
 */
export const RESULTS_PAGE = 500;

/** True once every per-spectrum row of the run is in `spectra` and `quality`. */
export function rowsLoaded(run: AnalysisRunView): boolean {
  return run.spectra.length >= run.resultCount;
}

/**
 * The run with all its rows; `onSummary` gets the summary (rows empty) as soon as it arrives, the
 * same object identity the caller may compare with later.
 */
export async function loadAnalysisRun(
  api: LibraryApi,
  runId: number,
  onSummary: (summary: AnalysisRunView) => void = () => undefined,
): Promise<AnalysisRunView> {
  const summary = await api.getAnalysisRun({ runId, results: 'none' });
  onSummary(summary);
  const spectra: AnalysisRunView['spectra'] = [];
  const quality: AnalysisRunView['quality'] = [];
  for (let offset = 0; offset < summary.resultCount; offset += RESULTS_PAGE) {
    const page = await api.listAnalysisResults({ runId, limit: RESULTS_PAGE, offset });
    for (const row of page.rows) spectra.push(row);
    for (const row of page.quality) quality.push(row);
    if (page.rows.length < RESULTS_PAGE) break;
  }
  // Rows gone meanwhile (spectra deleted) must not leave the run "loading" for ever.
  return { ...summary, resultCount: spectra.length, spectra, quality };
}
