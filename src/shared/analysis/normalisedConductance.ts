// STS-ANALYSIS.md step 5: Feenstra's normalised conductance (dI/dV) / (I/V)‾ (dimensionless).
//
// 1. Offset: I₀ = mean current (A) over |V| < offsetWindow (0.1 V); when no sample lies there,
//    I(0) interpolated linearly, or 0 when 0 V is outside the sweep. I ← I − I₀.
// 2. g_i = I_i / V_i (A/V). At |V_i| < 1 µV (0 V, or 0 V up to grid rounding) I/V is replaced by
//    its limit, dI/dV_i, instead of dividing by ~0.
// 3. Broadening with an exponential kernel of width ΔV (deltaV, default 1.0 V), as a weighted
//    average with trapezoid quadrature weights q_i (half the neighbouring bias steps, V):
//
//        (I/V)‾_j = Σ_i q_i e^(−|V_i − V_j|/ΔV) g_i  /  Σ_i q_i e^(−|V_i − V_j|/ΔV)
//
//    The kernel is truncated at the sweep ends and renormalised there by the denominator.
//    Evaluated in O(n) by two recursive passes, using e^(−|V_i−V_j|/ΔV) = Π of e^(−step/ΔV)
//    over the steps between i and j (exact algebra, no approximation).
// 4. normalised_j = dI/dV_j / (I/V)‾_j.
import { assertPositive, assertSameLength } from './assertNumberArray.ts';
import type { NumberArray } from './types.ts';

export interface NormalisedConductanceOptions {
  /** Broadening width ΔV, V. Default 1.0. */
  deltaV?: number;
  /** Current offset is averaged over |V| < offsetWindow, V. Default 0.1. */
  offsetWindow?: number;
}

export interface NormalisedConductance {
  /** (dI/dV) / (I/V)‾, dimensionless. */
  normalised: Float64Array;
  /** (I/V)‾, A/V. */
  broadened: Float64Array;
  /** Subtracted current offset I₀, A. */
  currentOffset: number;
}

/** Below this |V| (V), I/V is taken as its limit dI/dV. */
const ZERO_BIAS = 1e-6;

function currentOffset(bias: NumberArray, current: NumberArray, window: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < bias.length; i++) {
    if (Math.abs(bias[i]!) < window) {
      sum += current[i]!;
      count++;
    }
  }
  if (count > 0) return sum / count;
  for (let i = 0; i + 1 < bias.length; i++) {
    const a = bias[i]!;
    const b = bias[i + 1]!;
    if (a <= 0 && b >= 0) return current[i]! + ((current[i + 1]! - current[i]!) * (0 - a)) / (b - a);
  }
  return 0;
}

/**
 * The broadening's parts that depend on the bias grid and ΔV alone, the same for every curve on
 * that grid: a group's members and its average share one grid, so a stored run's member spread
 * (10⁴ curves) computes them once instead of 2n exponentials per curve. Same arithmetic as per
 * curve, so the results are the same to the last bit.
 */
interface Kernel {
  /** A copy of the bias values (V) the kernel was made for: a caller's array may change later. */
  bias: Float64Array;
  deltaV: number;
  /** q_i, trapezoid quadrature weights, V. */
  weight: Float64Array;
  /** decay[j] = e^(−(V_{j+1} − V_j)/ΔV), j < n − 1. */
  decay: Float64Array;
  /** Σ_i q_i e^(−|V_i − V_j|/ΔV) for each j (V): the weighted average's denominator. */
  denominator: Float64Array;
}

let lastKernel: Kernel | null = null;

function sameBias(kept: Float64Array, bias: NumberArray): boolean {
  if (kept.length !== bias.length) return false;
  // A NaN never matches: such a grid is recomputed each time.
  for (let i = 0; i < kept.length; i++) if (kept[i] !== bias[i]) return false;
  return true;
}

function kernelFor(bias: NumberArray, deltaV: number): Kernel {
  if (lastKernel && lastKernel.deltaV === deltaV && sameBias(lastKernel.bias, bias)) return lastKernel;
  const n = bias.length;
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = i > 0 ? bias[i - 1]! : bias[i]!;
    const hi = i < n - 1 ? bias[i + 1]! : bias[i]!;
    weight[i] = n > 1 ? (hi - lo) / 2 : 1;
  }
  const decay = new Float64Array(Math.max(0, n - 1));
  for (let j = 0; j + 1 < n; j++) decay[j] = Math.exp(-(bias[j + 1]! - bias[j]!) / deltaV);
  // Forward pass: sums over i ≤ j; backward pass: over i ≥ j; the j term is in both.
  const forward = new Float64Array(n);
  let den = 0;
  for (let j = 0; j < n; j++) {
    den = den * (j > 0 ? decay[j - 1]! : 0) + weight[j]!;
    forward[j] = den;
  }
  const denominator = new Float64Array(n);
  den = 0;
  for (let j = n - 1; j >= 0; j--) {
    den = den * (j < n - 1 ? decay[j]! : 0) + weight[j]!;
    denominator[j] = forward[j]! + den - weight[j]!;
  }
  lastKernel = { bias: Float64Array.from(bias), deltaV, weight, decay, denominator };
  return lastKernel;
}

/** Per-call scratch (q_i g_i and the forward sums), grown as needed: one pair per call was garbage. */
let weightedScratch = new Float64Array(0);
let forwardScratch = new Float64Array(0);

export function normalisedConductance(
  bias: NumberArray,
  current: NumberArray,
  didv: NumberArray,
  options: NormalisedConductanceOptions = {},
): NormalisedConductance {
  const { deltaV = 1.0, offsetWindow = 0.1 } = options;
  assertPositive(deltaV, 'deltaV');
  assertSameLength(bias, current, 'bias and current');
  assertSameLength(bias, didv, 'bias and didv');
  const n = bias.length;
  const offset = currentOffset(bias, current, offsetWindow);
  const { weight, decay, denominator } = kernelFor(bias, deltaV);
  if (weightedScratch.length < n) {
    weightedScratch = new Float64Array(n);
    forwardScratch = new Float64Array(n);
  }
  const weighted = weightedScratch; // q_i g_i
  for (let i = 0; i < n; i++) {
    const v = bias[i]!;
    const g = Math.abs(v) < ZERO_BIAS ? didv[i]! : (current[i]! - offset) / v;
    weighted[i] = weight[i]! * g;
  }
  const forwardNum = forwardScratch;
  let num = 0;
  for (let j = 0; j < n; j++) {
    num = num * (j > 0 ? decay[j - 1]! : 0) + weighted[j]!;
    forwardNum[j] = num;
  }
  const broadened = new Float64Array(n);
  const normalised = new Float64Array(n);
  num = 0;
  for (let j = n - 1; j >= 0; j--) {
    num = num * (j < n - 1 ? decay[j]! : 0) + weighted[j]!;
    const b = (forwardNum[j]! + num - weighted[j]!) / denominator[j]!;
    broadened[j] = b;
    normalised[j] = didv[j]! / b;
  }
  return { normalised, broadened, currentOffset: offset };
}
