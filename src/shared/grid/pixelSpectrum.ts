// One pixel's dI/dV for display, the way the maps see it: forward sweep, bias ascending, the
// recipe's derivative for a current (A/V), or the lock-in channel as recorded (its own unit).
import { differentiate, prepareCurve } from '../analysis/prepareSpectrum.ts';
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import { channelOffset, type GridCube } from '../formats/nanonis3dsCube.ts';
import { sweepRange, type AnalysedChannel } from './gridMaps.ts';

export interface PixelSpectrum {
  /** V, ascending. */
  bias: Float64Array;
  /** A/V for a current channel; the lock-in's unit otherwise. */
  didv: Float64Array;
}

export function pixelSpectrum(
  cube: GridCube,
  pixel: number,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
): PixelSpectrum | null {
  if (pixel < 0 || pixel >= cube.written) return null;
  const points = cube.layout.points;
  const [start, end] = sweepRange(cube)(pixel);
  const bias = Float64Array.from({ length: points }, (_, i) => start + ((end - start) * i) / (points - 1));
  const offset = channelOffset(cube, pixel, channel.index);
  const prepared = prepareCurve({ bias, current: cube.data.subarray(offset, offset + points) }, null, {
    ...recipe,
    direction: 'forward',
  });
  if (!prepared.ok) return null;
  if (channel.signal === 'didv') return { bias: prepared.bias, didv: prepared.current };
  const derived = differentiate(prepared, recipe);
  return derived.ok ? { bias: prepared.bias, didv: derived.didv.slice() } : null;
}
