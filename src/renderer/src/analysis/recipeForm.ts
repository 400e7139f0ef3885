// The recipe bar's fields and the recipe overrides they stand for (other parameters keep
// DEFAULT_RECIPE's values).
import type { AnalysisRecipe, RecipeOverrides } from '../../../shared/analysis/index.ts';
import { DEFAULT_RECIPE } from '../../../shared/analysis/index.ts';

export interface RecipeForm {
  /** Savitzky–Golay window, points (odd). */
  window: number;
  polyorder: number;
  method: AnalysisRecipe['edges']['method'];
  /** Deep-trap window bounds, V. */
  deepLo: number;
  deepHi: number;
  direction: 'forward' | 'backward' | 'mean';
}

export function formFromRecipe(recipe: AnalysisRecipe = DEFAULT_RECIPE): RecipeForm {
  return {
    window: recipe.derivative.window,
    polyorder: recipe.derivative.polyorder,
    method: recipe.edges.method,
    deepLo: recipe.traps.deep[0],
    deepHi: recipe.traps.deep[1],
    direction: recipe.direction,
  };
}

export function overridesOf(form: RecipeForm): RecipeOverrides {
  return {
    direction: form.direction,
    derivative: { method: 'savgol', window: form.window, polyorder: form.polyorder },
    edges: { method: form.method },
    traps: { deep: [form.deepLo, form.deepHi] },
  };
}

/** Why the form cannot run, or null. */
export function formProblem(form: RecipeForm): string | null {
  if (!Number.isInteger(form.window) || form.window % 2 === 0 || form.window < 3)
    return 'The Savitzky–Golay window must be an odd number of points ≥ 3.';
  if (!Number.isInteger(form.polyorder) || form.polyorder < 0 || form.polyorder > 10)
    return 'The polynomial order must be a whole number from 0 to 10.';
  if (form.window < form.polyorder + 2) return 'The window must be at least polynomial order + 2 points.';
  if (!(form.deepLo < form.deepHi)) return 'The deep window needs lower < upper bound.';
  return null;
}
