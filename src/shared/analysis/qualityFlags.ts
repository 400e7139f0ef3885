// Quality flags of one sweep, from its current (A) on an ascending bias grid (V), each with a
// reason the user reads. Found from the data alone; nothing here reads a header.
//
// saturated: a run of ≥ `run` consecutive points flat at the sweep's largest or smallest current
//   ("flat": within max(saturationK · σ, 1e-6 · |extreme|) of it, σ the robust current noise
//   below), which is how a clipped preamplifier or a current limit shows, at whatever level.
// tip-change: a one-point step of the current: d[i] = I[i+1] − I[i] departs from the median of
//   its six neighbours d[i−3..i+3] by more than K · σ_s (σ_s = 1.4826 · MAD of those departures)
//   and the step persists (the departure is not cancelled by the next or previous one, which a
//   single-point spike or the corner of a clipped run would do), and it exceeds `localK` times
//   the noise around it (the same MAD over the 24 departures each side).
import { medianBracketed, medianInPlace } from './quickselect.ts';
import { currentNoiseOf } from './noiseProfile.ts';
import { extremes } from './extremes.ts';
import { biasPairText, currentText } from './reasonText.ts';
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

// Scratch buffers reused across calls (the pipeline checks every spectrum): a few small
// ArrayBuffers per spectrum were most of the analysis's garbage. Slot 0: second differences;
// 1–2: tipChange's steps and departures.
const scratchBuffers = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];

/**
 * Scratch buffer `slot`, at least `length` long (callers pass their lengths on: a subarray per
 * call was a typed-array object per spectrum to create and collect); its contents are left over
 * from earlier calls.
 */
function scratch(slot: number, length: number): Float64Array {
  if (scratchBuffers[slot]!.length < length) scratchBuffers[slot] = new Float64Array(Math.max(length, 512));
  return scratchBuffers[slot]!;
}

export interface FlagFinding {
  flag: QualityFlag;
  reason: string;
}

/** Robust σ of white noise on a smooth curve, from second differences (curve units). */
export function secondDifferenceNoise(y: NumberArray): number {
  return currentNoiseOf(y, false).sigma;
}

const nanoamps = (a: number): string => `${(a * 1e9).toPrecision(4)} nA`;

export function saturation(
  bias: NumberArray,
  current: NumberArray,
  options: {
    run: number;
    k: number;
    /** secondDifferenceNoise(current) (A) when the caller has it already; computed otherwise. */
    noise?: number;
  },
): FlagFinding | null {
  const n = current.length;
  if (n < options.run) return null;
  const [min, max] = extremes(current);
  const noise = options.noise ?? secondDifferenceNoise(current);
  // The longest run flat at the maximum and at the minimum, both in one pass. Most points are
  // near neither extreme, so each test is a branch that is rarely taken (and well predicted);
  // a run is counted only where one is.
  const toleranceHigh = Math.max(options.k * noise, 1e-6 * Math.abs(max));
  const toleranceLow = Math.max(options.k * noise, 1e-6 * Math.abs(min));
  let lengthHigh = 0;
  let lengthLow = 0;
  let bestHigh = 0;
  let bestLow = 0;
  let endHigh = 0;
  let endLow = 0;
  for (let i = 0; i < n; i++) {
    const c = current[i]!;
    if (max - c <= toleranceHigh) {
      if (++lengthHigh > bestHigh) {
        bestHigh = lengthHigh;
        endHigh = i;
      }
    } else lengthHigh = 0;
    if (c - min <= toleranceLow) {
      if (++lengthLow > bestLow) {
        bestLow = lengthLow;
        endLow = i;
      }
    } else lengthLow = 0;
  }
  // The maximum's run first, as before.
  if (bestHigh >= options.run) return clipped(bias, max, bestHigh, endHigh);
  if (bestLow >= options.run) return clipped(bias, min, bestLow, endLow);
  return null;
}

function clipped(bias: NumberArray, extreme: number, best: number, bestEnd: number): FlagFinding {
  const from = bias[bestEnd - best + 1]!;
  const to = bias[bestEnd]!;
  return {
    flag: 'saturated',
    reason: `current flat at ${nanoamps(extreme)} for ${best} points (${from.toFixed(3)} to ${to.toFixed(3)} V): clipped`,
  };
}

const neighbours = new Float64Array(6);

/**
 * Median of d[i−3..i+3] without d[i] (fewer values at the ends), as medianInPlace gives it (the
 * middle value, or the mean of the two middle values), by insertion sort.
 */
function neighbourMedian(d: Float64Array, i: number, m: number): number {
  let count = 0;
  const last = Math.min(m - 1, i + 3);
  for (let j = Math.max(0, i - 3); j <= last; j++) {
    if (j === i) continue;
    const v = d[j]!;
    let k = count++;
    while (k > 0 && neighbours[k - 1]! > v) {
      neighbours[k] = neighbours[k - 1]!;
      k--;
    }
    neighbours[k] = v;
  }
  if (count === 0) return Number.NaN;
  const mid = count >> 1;
  return count % 2 === 1 ? neighbours[mid]! : (neighbours[mid - 1]! + neighbours[mid]!) / 2;
}

let triples = new Float64Array(0);

/**
 * departure[i] = d[i] − median of its six neighbours d[i−3..i−1, i+1..i+3] (fewer at the ends),
 * for every i < m. The median of six is the mean of the 3rd and 4th smallest. In the interior the
 * neighbours are two triples, a = d[i−3..i−1] and b = d[i+1..i+3], each sorted once for the whole
 * sweep (a0 ≤ a1 ≤ a2, b0 ≤ b1 ≤ b2). With k = #{j : a_j ≤ b_(2−j)} a's among the three smallest
 * of their union, the 3rd smallest is max(a_(k−1), b_(2−k)) and the 4th min(a_k, b_(3−k)) (a_(−1)
 * = b_(−1) = −∞, a_3 = b_3 = +∞). Selection picks values, it computes none: exactly what a
 * per-point median gives. Every choice is a comparison turned into an index (sorting a triple
 * scatters each value to its rank; the larger of two values is read at an index computed from
 * their comparison): Math.min/max and ternaries branch on the data, and random noise made those
 * branches mispredict about every other time (30 ns a point; 10 ns without them). A NaN breaks
 * the ranks: such a sweep takes departuresByMinMax.
 */
export function departures(d: Float64Array, m: number, departure: Float64Array): void {
  if (triples.length < 5 * m) {
    triples = new Float64Array(Math.max(5 * m, 2560));
    // The sentinels, written once: the scatter below only writes slots 1..3 of each five.
    for (let j = 0; j < triples.length; j += 5) {
      triples[j] = -Infinity;
      triples[j + 4] = Infinity;
    }
  }
  const t = triples;
  // Triple j at t[5j + 1 .. 5j + 3], sorted, between a −∞ and a +∞ sentinel. Ranks break ties
  // by position, so the three ranks are 0, 1 and 2 whatever repeats.
  let nan = 0;
  for (let j = 0; j + 2 < m; j++) {
    const x = d[j]!;
    const y = d[j + 1]!;
    const z = d[j + 2]!;
    nan |= +(x !== x);
    const base = 5 * j + 1;
    t[base + (+(y < x) + +(z < x))] = x;
    t[base + (+(x <= y) + +(z < y))] = y;
    t[base + (+(x <= z) + +(y <= z))] = z;
  }
  if (m >= 2) nan |= +(d[m - 2]! !== d[m - 2]!) | +(d[m - 1]! !== d[m - 1]!);
  if (nan) {
    departuresByMinMax(d, m, departure);
    return;
  }
  // The ends (fewer than six neighbours) by insertion sort.
  const interiorEnd = Math.max(3, m - 3);
  for (let i = 0; i < Math.min(3, m); i++) departure[i] = d[i]! - neighbourMedian(d, i, m);
  for (let i = interiorEnd; i < m; i++) departure[i] = d[i]! - neighbourMedian(d, i, m);
  for (let i = 3; i < interiorEnd; i++) {
    // a = triple i − 3, b = triple i + 1; a_j at p + 1 + j, b_j at q + 1 + j.
    const p = 5 * (i - 3);
    const q = 5 * (i + 1);
    const k = +(t[p + 1]! <= t[q + 3]!) + +(t[p + 2]! <= t[q + 2]!) + +(t[p + 3]! <= t[q + 1]!);
    const a3 = p + k; // a_(k−1)
    const b3 = q + 3 - k; // b_(2−k)
    const third = a3 + (b3 - a3) * +(t[a3]! < t[b3]!);
    const fourth = a3 + 1 + (b3 - a3) * +(t[b3 + 1]! < t[a3 + 1]!);
    departure[i] = d[i]! - (t[third]! + t[fourth]!) / 2;
  }
}

/** departures with Math.min/max selection (NaN-propagating as a per-point median): for sweeps with a NaN. */
function departuresByMinMax(d: Float64Array, m: number, departure: Float64Array): void {
  const t = new Float64Array(Math.max(0, 3 * (m - 2)));
  for (let j = 0; j + 2 < m; j++) {
    const x = d[j]!;
    const y = d[j + 1]!;
    const z = d[j + 2]!;
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    t[3 * j] = Math.min(lo, z);
    t[3 * j + 1] = Math.max(lo, Math.min(hi, z));
    t[3 * j + 2] = Math.max(hi, z);
  }
  for (let i = 0; i < m; i++) {
    if (i < 3 || i + 3 >= m) {
      departure[i] = d[i]! - neighbourMedian(d, i, m);
      continue;
    }
    const p = 3 * (i - 3);
    const q = 3 * (i + 1);
    const a0 = t[p]!;
    const a1 = t[p + 1]!;
    const a2 = t[p + 2]!;
    const b0 = t[q]!;
    const b1 = t[q + 1]!;
    const b2 = t[q + 2]!;
    const third = Math.min(Math.min(a2, b2), Math.min(Math.max(a0, b1), Math.max(a1, b0)));
    const fourth = Math.max(Math.max(a0, b0), Math.max(Math.min(a1, b2), Math.min(a2, b1)));
    departure[i] = d[i]! - (third + fourth) / 2;
  }
}

/** Departures each side of a step that give the noise around it (σ_local). */
const LOCAL_NOISE_REACH = 24;

/**
 * The noise around departure i: 1.4826 · median |departure[j]| over the LOCAL_NOISE_REACH
 * departures each side (|j − i| > 1: not the step and the two its spike test reads).
 */
function localNoise(departure: Float64Array, m: number, i: number): number {
  const from = Math.max(0, i - LOCAL_NOISE_REACH);
  const to = Math.min(m, i + LOCAL_NOISE_REACH + 1);
  const window = scratch(0, to - from);
  let count = 0;
  for (let j = from; j < to; j++) if (Math.abs(j - i) > 1) window[count++] = Math.abs(departure[j]!);
  return 1.4826 * medianInPlace(window, count);
}

/**
 * True when no departure can exceed k·σ_s, told by one count instead of the median: the median of
 * |departure| is at least t when fewer than half the values (at most ⌈m/2⌉ − 1) lie below t, and
 * with t = largest / (1.4826·k) then k·σ_s ≥ largest ≥ every |departure| (t is raised by 1e-9 of
 * itself so that rounding cannot make k·σ_s fall a hair short). Clean sweeps (no departure far
 * beyond the typical one) end here; the rest take the median. `absolute`: NaN-free |departure|.
 */
function noStepPasses(absolute: Float64Array, m: number, largest: number, k: number): boolean {
  const t = (largest / (1.4826 * k)) * (1 + 1e-9);
  let below = 0;
  for (let i = 0; i < m; i++) below += +(absolute[i]! < t);
  return below <= (m - 1) >> 1;
}

/**
 * `k`: the step's size in the sweep's robust σ; `localK` (none: no such test): its size in the
 * noise around it (localNoise), which real currents raise where they are large or picked up.
 */
export function tipChange(
  bias: NumberArray,
  current: NumberArray,
  options: { k: number; localK?: number },
): FlagFinding | null {
  const n = current.length;
  if (n < 10) return null;
  const m = n - 1;
  const d = scratch(1, m);
  for (let i = 0; i < m; i++) d[i] = current[i + 1]! - current[i]!;
  const departure = scratch(2, m);
  departures(d, m, departure);
  // |departure| in the second-difference slot (free here), for σ_s.
  const absolute = scratch(0, m);
  let largest = 0;
  let nan = false;
  for (let i = 0; i < m; i++) {
    const a = Math.abs(departure[i]!);
    absolute[i] = a;
    if (a > largest) largest = a;
    if (a !== a) nan = true;
  }
  if (!nan && noStepPasses(absolute, m, largest, options.k)) return null;
  const sigma = 1.4826 * medianBracketed(absolute, m);
  if (!(sigma > 0)) return null;
  const threshold = options.k * sigma;
  const { localK } = options;
  let worst = -1;
  for (let i = 1; i + 1 < m; i++) {
    const s = departure[i]!;
    if (Math.abs(s) <= threshold) continue;
    if (Math.abs(s + departure[i + 1]!) <= threshold / 2 || Math.abs(s + departure[i - 1]!) <= threshold / 2)
      continue;
    // Real current noise is not one σ: it grows with the current and with pickup, so an ordinary
    // excursion where the noise is large passes k·σ of the sweep. A step stands out locally too.
    if (localK !== undefined && Math.abs(s) <= localK * localNoise(departure, m, i)) continue;
    if (worst < 0 || Math.abs(s) > Math.abs(departure[worst]!)) worst = i;
  }
  if (worst < 0) return null;
  const step = departure[worst]!;
  return {
    flag: 'tip-change',
    reason: `current steps by ${currentText(step)} (${(Math.abs(step) / sigma).toFixed(0)} σ) between ${biasPairText(bias[worst]!, bias[worst + 1]!)}`,
  };
}
