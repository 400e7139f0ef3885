// A stored run as the Analysis tab shows it: the summary (getAnalysisRun without per-spectrum rows)
// and then its per-spectrum rows a page at a time (listAnalysisResults), so no answer carries a
// whole 100k-spectrum run and no page's decoding holds the UI thread for long.
import type { AnalysisRunView, LibraryApi } from '../../../shared/api/contract.ts';

/** Per-spectrum rows per page: ~1 MB of JSON. */
export const RESULTS_PAGE = 2500;

export async function loadAnalysisRun(api: LibraryApi, runId: number): Promise<AnalysisRunView> {
  const summary = await api.getAnalysisRun({ runId, results: 'none' });
  const spectra: AnalysisRunView['spectra'] = [];
  const quality: AnalysisRunView['quality'] = [];
  for (let offset = 0; offset < summary.resultCount; offset += RESULTS_PAGE) {
    const page = await api.listAnalysisResults({ runId, limit: RESULTS_PAGE, offset });
    for (const row of page.rows) spectra.push(row);
    for (const row of page.quality) quality.push(row);
    if (page.rows.length < RESULTS_PAGE) break;
  }
  return { ...summary, spectra, quality };
}
