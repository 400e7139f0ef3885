// One pixel's dI/dV for display, the way the maps see it: forward sweep, bias ascending, the
// recipe's derivative for a current (A/V), or the lock-in channel as recorded (its own unit).
import { differentiate, prepareCurve } from '../analysis/prepareSpectrum.ts';
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import type { NumberArray } from '../analysis/types.ts';
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
  const offset = channelOffset(cube, pixel, channel.index);
  return sweepSpectrum(start, end, cube.data.subarray(offset, offset + points), channel, recipe);
}

/**
 * A sweep's values (the channel, `values.length` points from `start` to `end` V) as displayed:
 * ascending, and differentiated with the recipe unless the channel is a dI/dV already.
 */
function sweepSpectrum(
  start: number,
  end: number,
  values: NumberArray,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
): PixelSpectrum | null {
  const points = values.length;
  const bias = Float64Array.from({ length: points }, (_, i) => start + ((end - start) * i) / (points - 1));
  const prepared = prepareCurve({ bias, current: values }, null, { ...recipe, direction: 'forward' });
  if (!prepared.ok) return null;
  if (channel.signal === 'didv') return { bias: prepared.bias, didv: prepared.current };
  const derived = differentiate(prepared, recipe);
  return derived.ok ? { bias: prepared.bias, didv: derived.didv.slice() } : null;
}

/**
 * The grid's mean spectrum, as the Spectra view averages a group: the mean of the written pixels'
 * channel (finite values per point), then the recipe's derivative once (the derivative is linear:
 * the same as the mean of the pixels' derivatives, for ~1/pixels of the work). Null when the
 * pixels' sweeps differ (a mean over different biases means nothing) or none is written.
 */
export function meanSpectrum(
  cube: GridCube,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
): { spectrum: PixelSpectrum; pixels: number } | null {
  const written = cube.written;
  if (written === 0) return null;
  const points = cube.layout.points;
  const range = sweepRange(cube);
  const [start, end] = range(0);
  const sum = new Float64Array(points);
  const count = new Float64Array(points);
  for (let pixel = 0; pixel < written; pixel++) {
    const [s, e] = range(pixel);
    if (s !== start || e !== end) return null;
    const offset = channelOffset(cube, pixel, channel.index);
    for (let i = 0; i < points; i++) {
      const v = cube.data[offset + i]!;
      if (Number.isFinite(v)) {
        sum[i] = sum[i]! + v;
        count[i] = count[i]! + 1;
      }
    }
  }
  const mean = Float64Array.from(sum, (s, i) => (count[i]! > 0 ? s / count[i]! : Number.NaN));
  const spectrum = sweepSpectrum(start, end, mean, channel, recipe);
  return spectrum ? { spectrum, pixels: written } : null;
}
