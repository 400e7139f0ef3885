// Local maxima of a sampled curve, exactly as scipy.signal.find_peaks finds them (no conditions):
// a point higher than its left neighbour and than the first differing point to its right. A flat
// top (plateau) counts once, at its middle sample ((left + right) // 2). End points never count;
// NaN never compares, so it never makes or neighbours a peak.
import type { NumberArray } from './types.ts';

/** Writes the peak indices (ascending) into `out` and returns how many there are. */
export function localMaximaInto(y: NumberArray, out: Int32Array): number {
  const last = y.length - 1;
  let m = 0;
  let i = 1;
  while (i < last) {
    if (y[i - 1]! < y[i]!) {
      let ahead = i + 1;
      while (ahead < last && y[ahead] === y[i]) ahead++;
      if (y[ahead]! < y[i]!) {
        out[m++] = (i + ahead - 1) >> 1;
        i = ahead;
      }
    }
    i++;
  }
  return m;
}

export function localMaxima(y: NumberArray): Int32Array {
  const out = new Int32Array(Math.max(0, y.length >> 1));
  return out.slice(0, localMaximaInto(y, out));
}
