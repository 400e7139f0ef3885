// A map of numerical dI/dV (A/V) at a bias: per pixel the recipe's derivative of its forward
// current (pixelSpectrum.ts's sweepSpectrum), averaged over the points within
// [centre − halfWidth, centre + halfWidth] (at least the nearest one). NaN where a pixel was never
// written or its sweep misses the bias. Computed per set of sweeps (a worker's block:
// didvSliceOf) or for a whole cube on this thread (didvSlice).
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from './gridChannel.ts';
import { sweepSpectrum } from './pixelSpectrum.ts';
import { cubeSweeps, type SweepSet } from './sweepSet.ts';

/** The slice's value for each sweep of the set (index k: pixel from + k). */
export function didvSliceOf(
  sweeps: SweepSet,
  recipe: AnalysisRecipe,
  centre: number,
  halfWidth = 0,
): Float64Array {
  const out = new Float64Array(sweeps.count).fill(NaN);
  const forward: AnalysisRecipe =
    recipe.direction === 'forward' ? recipe : { ...recipe, direction: 'forward' };
  for (let k = 0; k < sweeps.count; k++) {
    const [start, end] = sweeps.range(k);
    const s = sweepSpectrum(start, end, sweeps.sweep(k), sweeps.signal, forward);
    if (!s || s.bias.length === 0) continue;
    const n = s.bias.length;
    if (centre < s.bias[0]! - halfWidth || centre > s.bias[n - 1]! + halfWidth) continue;
    let sum = 0;
    let count = 0;
    let nearest = 0;
    for (let i = 0; i < n; i++) {
      const v = s.bias[i]!;
      if (Math.abs(v - centre) < Math.abs(s.bias[nearest]! - centre)) nearest = i;
      if (v >= centre - halfWidth && v <= centre + halfWidth) {
        sum += s.didv[i]!;
        count++;
      }
    }
    out[k] = count > 0 ? sum / count : s.didv[nearest]!;
  }
  return out;
}

/** The whole map (width × height, NaN beyond the written pixels), on this thread. */
export function didvSlice(
  cube: GridCube,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
  centre: number,
  halfWidth = 0,
): Float64Array {
  const out = new Float64Array(cube.layout.pointsX * cube.layout.pointsY).fill(NaN);
  out.set(didvSliceOf(cubeSweeps(cube, channel), recipe, centre, halfWidth));
  return out;
}
