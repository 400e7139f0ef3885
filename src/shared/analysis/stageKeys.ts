// Which recipe fields each pipeline stage reads, as one string per stage that includes the keys of
// the stages it depends on. Re-analysis keeps a stage's output while its key is unchanged: a
// deep-window change alters only `traps`; a Savitzky–Golay window change alters `derivative`
// and everything after it. Adding a recipe field means adding it to the stage that reads it
// (stageKeys.test.ts checks every field of the recipe is in some key).
import type { AnalysisRecipe } from './recipe.ts';

export interface StageKeys {
  /** Spot → series (detectSeries). */
  series: string;
  /** Tidy → grid (prepareCurve): the curve every later stage starts from. */
  prepare: string;
  /** Current-based quality flags (saturated, tip-change) of the prepared curve. */
  currentFlags: string;
  /** dI/dV (numerical, or the lock-in channel scaled to it) and its noise σ. */
  derivative: string;
  /** Band edges, in-gap states, VB peak, dI/dV flags (spectrumEdges). */
  edges: string;
  /** Trap integrals (spectrumTraps). */
  traps: string;
  /** Degradation rows of a series (sweepDegradation). */
  degradation: string;
  /** The curves a group averages (which sweeps) and the averaged I(V). */
  average: string;
  /**
   * Everything but the trap windows: while it is unchanged, a run differs from the last in the trap
   * integrals alone (the spectra's, each group's deep-trap statistics and its average's, the
   * bootstrap means), and re-analysis recomputes only those (trapsOnly.ts).
   */
  allButTraps: string;
}

const key = (value: unknown): string => JSON.stringify(value);

export function stageKeys(recipe: AnalysisRecipe): StageKeys {
  const { series: s, quality: q } = recipe;
  const series = key([s.radius, s.maxGapMinutes, s.split, s.join]);
  const prepare = key([recipe.direction, recipe.minPoints, recipe.uniformTolerance]);
  const currentFlags = key([prepare, q.saturationRun, q.saturationK, q.tipChangeK, q.tipChangeLocalK]);
  const derivative = key([prepare, recipe.derivative, recipe.didvSource]);
  const edges = key([derivative, recipe.edges]);
  const traps = key([edges, recipe.traps]);
  const degradation = key([edges, series, s.metallicThreshold]);
  const average = key([prepare, recipe.averageSweeps, recipe.average, recipe.averageMinCover]);
  const allButTraps = key({ ...recipe, traps: null });
  return { series, prepare, currentFlags, derivative, edges, traps, degradation, average, allButTraps };
}
