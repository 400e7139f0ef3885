// STS-ANALYSIS.md step 1: one sweep made fit for analysis. Points where bias or current is not
// finite (NaN, ±Infinity) are dropped; the rest are sorted by bias ascending (sweeps may run
// + → −); points that share a bias value are merged into one whose current is their mean, so the
// result is strictly ascending and every later step may divide by a bias step.
import { assertNumberArray, assertSameLength } from './assertNumberArray.ts';
import type { CurveArena } from './curveArena.ts';
import type { Curve, NumberArray, Outcome } from './types.ts';

export interface TidySweepOptions {
  /** Fewest valid (distinct-bias) points a usable sweep has. Default 8. */
  minPoints?: number;
  /**
   * A tidy bias array (V) from an earlier sweep, returned as this result's bias instead of a copy
   * when the values are exactly the same: sweeps recorded with one bias grid then share one
   * array. The caller then treats result biases as read-only.
   */
  sameBias?: Float64Array | null;
  /**
   * Where the common case's current copy goes (the pipeline's kept curves: curveArena.ts); a new
   * array when absent.
   */
  arena?: CurveArena | null;
}

export type TidySweepResult = Outcome<
  Curve & {
    /** Points removed because bias or current was not finite. */
    dropped: number;
    /** Points merged into another with the same bias. */
    merged: number;
  }
>;

/**
 * Whether `tidy` holds `bias` value for value (reversed when `reversed`), bit for bit: 0 and −0
 * are not the same value here.
 */
function sameValues(bias: NumberArray, tidy: Float64Array, reversed: boolean): boolean {
  const n = tidy.length;
  for (let i = 0; i < n; i++) {
    const v = reversed ? bias[n - 1 - i]! : bias[i]!;
    const w = tidy[i]!;
    if (v !== w || (v === 0 && 1 / v !== 1 / w)) return false;
  }
  return true;
}

/**
 * The common case, handled without an index array: every point finite and the bias strictly
 * monotonic. Returns null when the general path is needed.
 */
function strictlyMonotonicCopy(
  bias: NumberArray,
  current: NumberArray,
  minPoints: number,
  sameBias: Float64Array | null,
  arena: CurveArena | null,
): TidySweepResult | null {
  const n = bias.length;
  if (n < Math.max(minPoints, 2)) return null;
  // One pass, its findings accumulated as 0/1 (x − x is 0 exactly when x is finite): no branch
  // per point; the rare sweep that fails takes the general path.
  let previous = bias[0]!;
  let finite = +(previous - previous === 0) & +(current[0]! - current[0]! === 0);
  let ascending = 1;
  let descending = 1;
  for (let i = 1; i < n; i++) {
    const v = bias[i]!;
    const c = current[i]!;
    finite &= +(v - v === 0) & +(c - c === 0);
    ascending &= +(v > previous);
    descending &= +(v < previous);
    previous = v;
  }
  if (!finite || (!ascending && !descending)) return null;
  // This path runs once per spectrum of a 10⁴-spectrum analysis: the current is copied in one
  // pass (reversed when descending); the bias too unless it equals `sameBias` value for value.
  const outCurrent = arena ? arena.take(n) : new Float64Array(n);
  if (descending) for (let i = 0; i < n; i++) outCurrent[i] = current[n - 1 - i]!;
  else outCurrent.set(current);
  let outBias = sameBias && sameBias.length === n ? sameBias : null;
  if (outBias && !sameValues(bias, outBias, descending === 1)) outBias = null;
  if (!outBias) {
    outBias = new Float64Array(n);
    if (descending) for (let i = 0; i < n; i++) outBias[i] = bias[n - 1 - i]!;
    else outBias.set(bias);
  }
  return { ok: true, bias: outBias, current: outCurrent, dropped: 0, merged: 0 };
}

export function tidySweep(
  bias: NumberArray,
  current: NumberArray,
  options: TidySweepOptions = {},
): TidySweepResult {
  const { minPoints = 8, sameBias = null, arena = null } = options;
  assertNumberArray(bias, 'bias');
  assertNumberArray(current, 'current');
  if (bias.length !== current.length) {
    return { ok: false, reason: `bias has ${bias.length} points but current has ${current.length}` };
  }
  assertSameLength(bias, current, 'bias and current');
  const n = bias.length;
  const fast = strictlyMonotonicCopy(bias, current, minPoints, sameBias, arena);
  if (fast) return fast;
  const order = new Int32Array(n);
  let valid = 0;
  let ascending = true;
  let descending = true;
  for (let i = 0; i < n; i++) {
    const v = bias[i]!;
    if (!Number.isFinite(v) || !Number.isFinite(current[i]!)) continue;
    if (valid > 0) {
      const previous = bias[order[valid - 1]!]!;
      if (v < previous) ascending = false;
      if (v > previous) descending = false;
    }
    order[valid++] = i;
  }
  const dropped = n - valid;
  if (valid < minPoints) {
    return { ok: false, reason: `only ${valid} valid points (at least ${minPoints} needed)` };
  }
  const idx = order.subarray(0, valid);
  if (descending && !ascending) idx.reverse();
  else if (!ascending) {
    // Stable sort by bias, so merged duplicates do not depend on the engine's sort.
    const sorted = Array.from(idx).sort((a, b) => bias[a]! - bias[b]! || a - b);
    idx.set(sorted);
  }
  const outBias = new Float64Array(valid);
  const outCurrent = new Float64Array(valid);
  let m = 0;
  let i = 0;
  while (i < valid) {
    const v = bias[idx[i]!]!;
    let sum = 0;
    let count = 0;
    while (i < valid && bias[idx[i]!]! === v) {
      sum += current[idx[i]!]!;
      count++;
      i++;
    }
    outBias[m] = v;
    outCurrent[m] = sum / count;
    m++;
  }
  if (m < minPoints) {
    return { ok: false, reason: `only ${m} distinct bias values (at least ${minPoints} needed)` };
  }
  return {
    ok: true,
    bias: m === valid ? outBias : outBias.slice(0, m),
    current: m === valid ? outCurrent : outCurrent.slice(0, m),
    dropped,
    merged: valid - m,
  };
}
