// One pixel's dI/dV for display, the way the maps see it: forward sweep, bias ascending, the
// recipe's derivative for a current (A/V), or the lock-in channel as recorded (its own unit).
import { differentiate, prepareCurve } from '../analysis/prepareSpectrum.ts';
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import type { NumberArray } from '../analysis/types.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from './gridChannel.ts';
import { cubeSweeps } from './sweepSet.ts';
import type { PixelSignal } from './pixelMeasures.ts';

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
  const sweeps = cubeSweeps(cube, channel);
  const [start, end] = sweeps.range(pixel);
  return sweepSpectrum(start, end, sweeps.sweep(pixel), channel.signal, recipe);
}

/**
 * A sweep's values (the channel, `values.length` points from `start` to `end` V) as displayed:
 * ascending, and differentiated with the recipe unless the channel is a dI/dV already.
 */
export function sweepSpectrum(
  start: number,
  end: number,
  values: NumberArray,
  signal: PixelSignal,
  recipe: AnalysisRecipe,
): PixelSpectrum | null {
  const points = values.length;
  const bias = new Float64Array(points);
  for (let i = 0; i < points; i++) bias[i] = start + ((end - start) * i) / (points - 1);
  const forward: AnalysisRecipe =
    recipe.direction === 'forward' ? recipe : { ...recipe, direction: 'forward' };
  const prepared = prepareCurve({ bias, current: values }, null, forward);
  if (!prepared.ok) return null;
  if (signal === 'didv') return { bias: prepared.bias, didv: prepared.current };
  const derived = differentiate(prepared, recipe);
  return derived.ok ? { bias: prepared.bias, didv: derived.didv.slice() } : null;
}
