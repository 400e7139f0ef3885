// Local maxima of a sampled curve, exactly as scipy.signal.find_peaks finds them (no conditions):
// a point higher than its left neighbour and than the first differing point to its right. A flat
// top (plateau) counts once, at its middle sample ((left + right) // 2). End points never count;
// NaN never compares, so it never makes or neighbours a peak.
import type { NumberArray } from './types.ts';

/**
 * Writes the peak indices (ascending) into `out` and returns how many there are. Without two equal
 * neighbours (no plateau) a peak is a point above both neighbours; that case is found without a
 * branch on the data (every index written, the count advanced by the comparison as a number: a
 * noisy curve made the branches mispredict about every other point). With a plateau, the walk below.
 */
export function localMaximaInto(y: NumberArray, out: Int32Array): number {
  const last = y.length - 1;
  let m = 0;
  let plateau = 0;
  if (last >= 2) {
    let left = y[0]!;
    let centre = y[1]!;
    for (let i = 1; i < last; i++) {
      const right = y[i + 1]!;
      out[m] = i;
      m += +(left < centre) & +(right < centre);
      plateau |= +(centre === right);
      left = centre;
      centre = right;
    }
  }
  return plateau ? localMaximaWalk(y, out) : m;
}

/** localMaximaInto by walking over plateaus (scipy's _local_maxima_1d). */
function localMaximaWalk(y: NumberArray, out: Int32Array): number {
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
