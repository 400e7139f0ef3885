// The renderer's one small analysis worker pool for views that compute on a few sweeps (the
// Library's dI/dV, a watched file's quality flags), started on first use and kept for the page.
import { createAnalysisPool } from '../../../workers/analysisPool.ts';
import type { AnalysisPool } from '../../../workers/analysisPool.ts';

let pool: AnalysisPool | null = null;

export function viewPool(): AnalysisPool {
  pool ??= createAnalysisPool({ size: 1 });
  return pool;
}
