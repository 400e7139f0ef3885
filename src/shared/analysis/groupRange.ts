// STS-ANALYSIS.md step 3 (as ANALYSIS.md defines it): which of a group's sweeps its average takes.
// The average lies on the overlap of the averaged sweeps' bias ranges (commonGrid never
// extrapolates), so a single sweep recorded over a narrower range would narrow the whole group's
// curve to it: a ±15 mV sweep labelled with ±0.6 V ones leaves a 30 mV average with no band edge
// in it, and nothing says why. The group's range is the median start to the median end of its
// sweeps; a sweep covering less than `minCover` of that range is left out of the average (it keeps
// its own band edges and counts in the statistics), and the average is taken over the others.
import { medianInPlace } from './quickselect.ts';
import type { NumberArray } from './types.ts';

export interface GroupRange {
  /** Positions (in the input) of the sweeps left out of the average, ascending; usually none. */
  leftOut: number[];
  /** The group's range: median start and median end of its sweeps, V. */
  range: [number, number];
  /** Why sweeps were left out (counts and ranges in V), or null when none was. */
  note: string | null;
}

const volts = (v: number): string => `${v.toFixed(3)} V`;

/**
 * The sweeps (ascending bias, as prepareCurve leaves them) a group average takes. None is left out
 * when every sweep covers at least `minCover` (0..1) of the group's range, nor when every one
 * would be (ranges that share no median span: commonGrid then reports that they do not overlap).
 */
export function groupRange(curves: ReadonlyArray<{ bias: NumberArray }>, minCover: number): GroupRange {
  const n = curves.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let sameRange = true;
  for (let k = 0; k < n; k++) {
    const bias = curves[k]!.bias;
    starts[k] = bias.length > 0 ? bias[0]! : Number.NaN;
    ends[k] = bias.length > 0 ? bias[bias.length - 1]! : Number.NaN;
    if (starts[k] !== starts[0] || ends[k] !== ends[0]) sameRange = false;
  }
  // Sweeps recorded with one setting share their range: nothing to choose (the usual case).
  if (n === 0 || sameRange)
    return { leftOut: [], range: [starts[0] ?? Number.NaN, ends[0] ?? Number.NaN], note: null };
  const lo = medianInPlace(Float64Array.from(starts), n);
  const hi = medianInPlace(Float64Array.from(ends), n);
  const range: [number, number] = [lo, hi];
  if (!(hi > lo)) return { leftOut: [], range, note: null };
  const leftOut: number[] = [];
  let narrowest = -1;
  let narrowestCover = Infinity;
  for (let k = 0; k < n; k++) {
    // NaN (an empty sweep) covers nothing.
    const covered = Math.min(ends[k]!, hi) - Math.max(starts[k]!, lo);
    const cover = covered > 0 ? covered / (hi - lo) : 0;
    if (cover >= minCover) continue;
    leftOut.push(k);
    if (cover < narrowestCover) {
      narrowestCover = cover;
      narrowest = k;
    }
  }
  if (leftOut.length === 0 || leftOut.length === n) return { leftOut: [], range, note: null };
  const percent = Math.round(minCover * 100);
  const shown = `${volts(starts[narrowest]!)} … ${volts(ends[narrowest]!)}`;
  const note =
    `${leftOut.length} of ${n} sweeps left out of the average: ` +
    `${leftOut.length === 1 ? 'its bias range covers' : 'their bias ranges cover'} less than ${percent} % ` +
    `of the group's ${volts(lo)} … ${volts(hi)} (median start to median end)` +
    (leftOut.length === 1 ? `: ${shown}` : `; the narrowest ${shown}`);
  return { leftOut, range, note };
}
