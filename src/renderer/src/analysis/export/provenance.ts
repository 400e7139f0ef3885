// What every export carries so a number can be traced to how it was made: the run, the app
// version, the stored recipe, and the view's own settings (e.g. a dragged deep window).
import type { AnalysisRunView } from '../../../../shared/api/contract.ts';

export interface Provenance {
  app: 'STS Workbench';
  appVersion: string;
  runId: number;
  runCreatedAt: string;
  figure: string;
  exportedAt: string;
  recipe: AnalysisRunView['recipe'];
  /** Settings of the view that differ from, or add to, the stored recipe. */
  view: Record<string, unknown>;
}

export function provenanceOf(
  run: AnalysisRunView,
  figure: string,
  view: Record<string, unknown>,
): Provenance {
  return {
    app: 'STS Workbench',
    appVersion: run.appVersion,
    runId: run.runId,
    runCreatedAt: run.createdAt,
    figure,
    exportedAt: new Date().toISOString(),
    recipe: run.recipe,
    view,
  };
}
