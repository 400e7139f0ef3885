// Quality flags of one sweep, from its current (A) on an ascending bias grid (V), each with a
// reason the user reads. Found from the data alone; nothing here reads a header.
//
// saturated: a run of ≥ `run` consecutive points flat at the sweep's largest or smallest current
//   ("flat": within max(saturationK · σ, 1e-6 · |extreme|) of it, σ the robust current noise
//   below), which is how a clipped preamplifier or a current limit shows, at whatever level.
// tip-change: a one-point step of the current: d[i] = I[i+1] − I[i] departs from the median of
//   its six neighbours d[i−3..i+3] by more than K · σ_s (σ_s = 1.4826 · MAD of those departures)
//   and the step persists (the departure is not cancelled by the next or previous one, which a
//   single-point spike or the corner of a clipped run would do).
import { medianInPlace } from './quickselect.ts';
import type { NumberArray } from './types.ts';

export type QualityFlag = 'saturated' | 'tip-change' | 'outlier' | 'no-gap' | 'too-few-points';

export const QUALITY_FLAGS: readonly QualityFlag[] = [
  'saturated',
  'tip-change',
  'outlier',
  'no-gap',
  'too-few-points',
];

/**
 * Flags that leave a spectrum out of its group's average and statistics by default. 'no-gap' is
 * a finding, not a defect of the measurement: a metallic spot's spectrum still belongs to its
 * group's averaged curve and counts in its statistics (docs/ANALYSIS.md, "Exclusions").
 */
export const EXCLUDING_FLAGS: ReadonlySet<QualityFlag> = new Set<QualityFlag>([
  'saturated',
  'tip-change',
  'outlier',
  'too-few-points',
]);

export interface FlagFinding {
  flag: QualityFlag;
  reason: string;
}

/** Robust σ of white noise on a smooth curve, from second differences (curve units). */
export function secondDifferenceNoise(y: NumberArray): number {
  const n = y.length;
  if (n < 3) return 0;
  const r = new Float64Array(n - 2);
  for (let i = 1; i < n - 1; i++) r[i - 1] = Math.abs(y[i - 1]! - 2 * y[i]! + y[i + 1]!);
  return (1.4826 * medianInPlace(r)) / Math.sqrt(6);
}

const nanoamps = (a: number): string => `${(a * 1e9).toPrecision(4)} nA`;

export function saturation(
  bias: NumberArray,
  current: NumberArray,
  options: { run: number; k: number },
): FlagFinding | null {
  const n = current.length;
  if (n < options.run) return null;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    if (current[i]! > max) max = current[i]!;
    if (current[i]! < min) min = current[i]!;
  }
  const noise = secondDifferenceNoise(current);
  for (const extreme of [max, min]) {
    const tolerance = Math.max(options.k * noise, 1e-6 * Math.abs(extreme));
    let length = 0;
    let best = 0;
    let bestEnd = 0;
    for (let i = 0; i < n; i++) {
      length = Math.abs(current[i]! - extreme) <= tolerance ? length + 1 : 0;
      if (length > best) {
        best = length;
        bestEnd = i;
      }
    }
    if (best >= options.run) {
      const from = bias[bestEnd - best + 1]!;
      const to = bias[bestEnd]!;
      return {
        flag: 'saturated',
        reason: `current flat at ${nanoamps(extreme)} for ${best} points (${from.toFixed(3)} to ${to.toFixed(3)} V): clipped`,
      };
    }
  }
  return null;
}

export function tipChange(
  bias: NumberArray,
  current: NumberArray,
  options: { k: number },
): FlagFinding | null {
  const n = current.length;
  if (n < 10) return null;
  const m = n - 1;
  const d = new Float64Array(m);
  for (let i = 0; i < m; i++) d[i] = current[i + 1]! - current[i]!;
  const departure = new Float64Array(m);
  const window = new Float64Array(6);
  for (let i = 0; i < m; i++) {
    let count = 0;
    for (let j = Math.max(0, i - 3); j <= Math.min(m - 1, i + 3); j++) if (j !== i) window[count++] = d[j]!;
    departure[i] = d[i]! - medianInPlace(window, count);
  }
  const absolute = departure.map(Math.abs);
  const sigma = 1.4826 * medianInPlace(absolute);
  if (!(sigma > 0)) return null;
  const threshold = options.k * sigma;
  let worst = -1;
  for (let i = 1; i + 1 < m; i++) {
    const s = departure[i]!;
    if (Math.abs(s) <= threshold) continue;
    if (Math.abs(s + departure[i + 1]!) <= threshold / 2 || Math.abs(s + departure[i - 1]!) <= threshold / 2)
      continue;
    if (worst < 0 || Math.abs(s) > Math.abs(departure[worst]!)) worst = i;
  }
  if (worst < 0) return null;
  const step = departure[worst]!;
  return {
    flag: 'tip-change',
    reason: `current steps by ${(step * 1e12).toFixed(0)} pA (${(Math.abs(step) / sigma).toFixed(0)} σ) between ${bias[worst]!.toFixed(3)} and ${bias[worst + 1]!.toFixed(3)} V`,
  };
}
