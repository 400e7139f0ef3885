// The grid's mean spectrum, as the Spectra view averages a group: the mean of the written pixels'
// channel (finite values per point), then the recipe's derivative once (the derivative is linear:
// the same as the mean of the pixels' derivatives, for ~1/pixels of the work). Summed per block
// of pixels (a worker each: channelSums), joined in pixel order, then differentiated.
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from './gridChannel.ts';
import type { PixelSignal } from './pixelMeasures.ts';
import { sweepSpectrum, type PixelSpectrum } from './pixelSpectrum.ts';
import { cubeSweeps, type SweepSet } from './sweepSet.ts';

/** Per-point sums of some pixels' sweeps, all over one bias range. */
export interface ChannelSums {
  /** Sweep start and end (V) shared by every pixel summed. */
  start: number;
  end: number;
  /** Sum of the finite values at each point (the channel's unit). */
  sum: Float64Array;
  /** Finite values summed at each point. */
  count: Float64Array;
  pixels: number;
  signal: PixelSignal;
}

/**
 * The sums of a set's sweeps; null when it has none, or when its pixels' sweeps differ (a mean
 * over different biases means nothing).
 */
export function channelSums(sweeps: SweepSet): ChannelSums | null {
  const { count: pixels, points } = sweeps;
  if (pixels === 0) return null;
  const [start, end] = sweeps.range(0);
  const sum = new Float64Array(points);
  const count = new Float64Array(points);
  for (let k = 0; k < pixels; k++) {
    const [s, e] = sweeps.range(k);
    if (s !== start || e !== end) return null;
    const values = sweeps.sweep(k);
    for (let i = 0; i < points; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        sum[i] = sum[i]! + v;
        count[i] = count[i]! + 1;
      }
    }
  }
  return { start, end, sum, count, pixels, signal: sweeps.signal };
}

/**
 * Sums of blocks joined (their totals added in the order given); null when any block has none or
 * their bias ranges differ.
 */
export function joinSums(parts: ReadonlyArray<ChannelSums | null>): ChannelSums | null {
  if (parts.length === 0 || parts.some((part) => part === null)) return null;
  const [first, ...rest] = parts as ChannelSums[];
  const sum = Float64Array.from(first!.sum);
  const count = Float64Array.from(first!.count);
  let pixels = first!.pixels;
  for (const part of rest) {
    if (part.start !== first!.start || part.end !== first!.end || part.sum.length !== sum.length) return null;
    for (let i = 0; i < sum.length; i++) {
      sum[i] = sum[i]! + part.sum[i]!;
      count[i] = count[i]! + part.count[i]!;
    }
    pixels += part.pixels;
  }
  return { ...first!, sum, count, pixels };
}

/** The mean spectrum of summed pixels (NaN where no pixel had a finite value). */
export function meanOfSums(
  sums: ChannelSums | null,
  recipe: AnalysisRecipe,
): { spectrum: PixelSpectrum; pixels: number } | null {
  if (!sums) return null;
  const mean = Float64Array.from(sums.sum, (s, i) => (sums.count[i]! > 0 ? s / sums.count[i]! : Number.NaN));
  const spectrum = sweepSpectrum(sums.start, sums.end, mean, sums.signal, recipe);
  return spectrum ? { spectrum, pixels: sums.pixels } : null;
}

/** The mean spectrum of a cube's written pixels, on this thread. */
export function meanSpectrum(
  cube: GridCube,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
): { spectrum: PixelSpectrum; pixels: number } | null {
  return meanOfSums(channelSums(cubeSweeps(cube, channel)), recipe);
}
