// Messages between main and a stored-run worker (analysisRunWorker.ts).
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisScope } from '../../shared/model/library.ts';
import type { AnalysisPhase } from './analysisRunner.ts';

export interface AnalysisRunRequest {
  dbPath: string;
  recipe: RecipeOverrides;
  scope?: AnalysisScope;
  appVersion: string;
}

export type AnalysisRunMessage =
  | { type: 'phase'; phase: AnalysisPhase; spectra: number; waitingForWriter?: boolean }
  | { type: 'done'; runId: number }
  | { type: 'error'; code: string | null; message: string };
