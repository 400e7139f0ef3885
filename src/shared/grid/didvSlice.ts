// A map of numerical dI/dV (A/V) at a bias: per pixel the recipe's derivative of its forward
// current (pixelSpectrum), averaged over the points within [centre − halfWidth, centre + halfWidth]
// (at least the nearest one). NaN where a pixel was never written or its sweep misses the bias.
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from './gridMaps.ts';
import { pixelSpectrum } from './pixelSpectrum.ts';

export function didvSlice(
  cube: GridCube,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
  centre: number,
  halfWidth = 0,
): Float64Array {
  const out = new Float64Array(cube.layout.pointsX * cube.layout.pointsY).fill(NaN);
  for (let pixel = 0; pixel < cube.written; pixel++) {
    const s = pixelSpectrum(cube, pixel, channel, recipe);
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
    out[pixel] = count > 0 ? sum / count : s.didv[nearest]!;
  }
  return out;
}
