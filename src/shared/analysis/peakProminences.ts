// Topographic prominence of peaks, as scipy.signal.peak_prominences(y, peaks) with wlen=None:
// from each peak walk left, then right, until a strictly higher sample or the end of the curve;
// the base on each side is the lowest sample passed (the one nearest the peak on ties), and the
// prominence is the peak height minus the higher of the two bases.
import type { NumberArray } from './types.ts';

export interface PeakProminences {
  prominences: Float64Array;
  leftBases: Int32Array;
  rightBases: Int32Array;
}

/** Prominence of the one peak at index `peak` (y units); writes the bases into `bases[0..1]` if given. */
export function peakProminence(y: NumberArray, peak: number, bases?: Int32Array): number {
  const height = y[peak]!;
  let leftMin = height;
  let leftBase = peak;
  for (let i = peak; i >= 0 && y[i]! <= height; i--) {
    if (y[i]! < leftMin) {
      leftMin = y[i]!;
      leftBase = i;
    }
  }
  let rightMin = height;
  let rightBase = peak;
  const n = y.length;
  for (let i = peak; i < n && y[i]! <= height; i++) {
    if (y[i]! < rightMin) {
      rightMin = y[i]!;
      rightBase = i;
    }
  }
  if (bases) {
    bases[0] = leftBase;
    bases[1] = rightBase;
  }
  return height - Math.max(leftMin, rightMin);
}

/**
 * Whether the peak's prominence (as peakProminence computes it) is ≥ `threshold`, deciding early:
 * each side's scan stops as soon as it has gone `threshold` below the peak. Exactly equivalent,
 * because fl(h − x) never increases with x, so h − max(l, r) ≥ t ⇔ h − l ≥ t and h − r ≥ t.
 */
export function hasProminence(y: NumberArray, peak: number, threshold: number): boolean {
  const height = y[peak]!;
  let deep = false;
  for (let i = peak; i >= 0 && y[i]! <= height; i--) {
    if (height - y[i]! >= threshold) {
      deep = true;
      break;
    }
  }
  if (!deep) return false;
  const n = y.length;
  for (let i = peak; i < n && y[i]! <= height; i++) {
    if (height - y[i]! >= threshold) return true;
  }
  return false;
}

export function peakProminences(y: NumberArray, peaks: ArrayLike<number>): PeakProminences {
  const count = peaks.length;
  const prominences = new Float64Array(count);
  const leftBases = new Int32Array(count);
  const rightBases = new Int32Array(count);
  const bases = new Int32Array(2);
  for (let k = 0; k < count; k++) {
    const peak = peaks[k]!;
    if (!Number.isInteger(peak) || peak < 0 || peak >= y.length) {
      throw new RangeError(`peak ${peak} is not an index of y`);
    }
    prominences[k] = peakProminence(y, peak, bases);
    leftBases[k] = bases[0]!;
    rightBases[k] = bases[1]!;
  }
  return { prominences, leftBases, rightBases };
}

/** Full width at half prominence `prominence` of the peak of didv at `p` (bias units, V), linear interpolation. */
export function halfProminenceWidth(
  bias: NumberArray,
  didv: NumberArray,
  p: number,
  prominence: number,
): number {
  const level = didv[p]! - prominence / 2;
  let l = p;
  while (l > 0 && didv[l]! > level) l--;
  let r = p;
  while (r < didv.length - 1 && didv[r]! > level) r++;
  const cross = (i: number, j: number): number => {
    const a = didv[i]!;
    const b = didv[j]!;
    return a === b ? bias[i]! : bias[i]! + ((level - a) / (b - a)) * (bias[j]! - bias[i]!);
  };
  const left = didv[l]! <= level ? cross(l, l + 1) : bias[l]!;
  const right = didv[r]! <= level ? cross(r, r - 1) : bias[r]!;
  return right - left;
}
