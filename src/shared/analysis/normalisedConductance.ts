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
  const weighted = new Float64Array(n); // q_i g_i
  const weight = new Float64Array(n); // q_i
  for (let i = 0; i < n; i++) {
    const lo = i > 0 ? bias[i - 1]! : bias[i]!;
    const hi = i < n - 1 ? bias[i + 1]! : bias[i]!;
    const q = n > 1 ? (hi - lo) / 2 : 1;
    const v = bias[i]!;
    const g = Math.abs(v) < ZERO_BIAS ? didv[i]! : (current[i]! - offset) / v;
    weight[i] = q;
    weighted[i] = q * g;
  }
  // Forward pass: sums over i ≤ j; backward pass: over i ≥ j; the j term is in both.
  const forwardNum = new Float64Array(n);
  const forwardDen = new Float64Array(n);
  let num = 0;
  let den = 0;
  for (let j = 0; j < n; j++) {
    const decay = j > 0 ? Math.exp(-(bias[j]! - bias[j - 1]!) / deltaV) : 0;
    num = num * decay + weighted[j]!;
    den = den * decay + weight[j]!;
    forwardNum[j] = num;
    forwardDen[j] = den;
  }
  const broadened = new Float64Array(n);
  const normalised = new Float64Array(n);
  num = 0;
  den = 0;
  for (let j = n - 1; j >= 0; j--) {
    const decay = j < n - 1 ? Math.exp(-(bias[j + 1]! - bias[j]!) / deltaV) : 0;
    num = num * decay + weighted[j]!;
    den = den * decay + weight[j]!;
    const b = (forwardNum[j]! + num - weighted[j]!) / (forwardDen[j]! + den - weight[j]!);
    broadened[j] = b;
    normalised[j] = didv[j]! / b;
  }
  return { normalised, broadened, currentOffset: offset };
}
