// The renderer's one small analysis worker pool for views that compute on a few sweeps (the
// Library's dI/dV, a watched file's quality flags), started on first use and kept for the page.
// The pool's module (and with it the analysis recipe's zod schemas) is imported on first use, not
// at page load: its evaluation was part of the page load's long tasks.
import type { AnalysisPool } from '../../../workers/analysisPool.ts';

let pool: Promise<AnalysisPool> | null = null;

export function viewPool(): Promise<AnalysisPool> {
  pool ??= import('../../../workers/analysisPool.ts').then((m) => m.createAnalysisPool({ size: 1 }));
  return pool;
}
