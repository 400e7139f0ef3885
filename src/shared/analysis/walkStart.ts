// Where a band walk (bandWalk.ts) starts on one side of the gap. Units: dI/dV in A/V.
import type { NumberArray } from './types.ts';

/**
 * Where a side's walk starts (index): the outermost region of dI/dV at or above `tallLevel`
 * (B + bandPeakFraction · (P − B)), looking inward from the sweep end, at its highest sample; P's
 * index (`topIndex`) when P lies in that region. P, the side's largest dI/dV, is not always the
 * band: a trap can stand above the band-edge peak and above the band's tail where the sweep ends
 * before the band's principal peak. Starting further out, the walk meets the edge peak before it.
 * A region outward of P that does not run to the sweep end (a tail still rising where the sweep
 * stops) counts only when its top clears `tallLevel` by `clearance` there: bandK ·
 * the noise above the sweep's floor (a noisy block's, the end kernels'). Noise growing to the sweep
 * end raised bumps there to the level (the Gaussian model with 2 % of |I| as noise), the walk started
 * on one, and the true edge peak inward, beyond a noise dip, became an in-gap state. Noise at the
 * floor's level asks nothing more: a degraded sweep's edge peak may stand just above the level
 * beside a taller trap (the synthetic sessions: 58 sweeps' edges went into the gap when every
 * region had to clear bandK · σ; 11 tip-change sweeps' CBM when the tail rising to the sweep end,
 * its end sample inflated by the end kernel, had to clear it too).
 */
export function walkStart(
  didv: NumberArray,
  topIndex: number,
  inward: 1 | -1,
  tallLevel: number,
  /** How far (A/V) a region's top must clear tallLevel at sample i to count. */
  clearance: (i: number) => number,
): number {
  const n = didv.length;
  const end = inward === 1 ? 0 : n - 1;
  let i = end;
  for (;;) {
    while (i !== topIndex && !(didv[i]! >= tallLevel)) i += inward;
    let best = i;
    let j = i;
    for (; j >= 0 && j < n && didv[j]! >= tallLevel; j += inward) {
      if (j === topIndex) return topIndex;
      if (didv[j]! > didv[best]!) best = j;
    }
    // A region that runs to the sweep end is a tail still rising where the sweep stops, not a bump.
    if (i === end || didv[best]! - tallLevel >= clearance(best)) return best;
    i = j;
  }
}
