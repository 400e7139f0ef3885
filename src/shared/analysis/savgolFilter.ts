// Savitzky–Golay smoothing / differentiation, equal to
//   scipy.signal.savgol_filter(y, window, polyorder, deriv=deriv, delta=delta, mode='interp')
// to ~1e-12 of the curve's scale (fixtures/savgol.json). Interior points: correlation with the
// centred least-squares coefficients. The first and last window//2 points: the polynomial fitted
// to the first/last `window` samples, evaluated (or differentiated) at those points — done here
// with off-centre coefficients, the same linear functional as scipy's polyfit + polyval.
import { assertIntegerInRange, assertNumberArray, assertPositive } from './assertNumberArray.ts';
import { savgolCoefficients } from './savgolCoefficients.ts';
import type { NumberArray } from './types.ts';

export interface SavgolOptions {
  /** Odd number of samples in the fitting window. Default 15 (STS-ANALYSIS.md step 4). */
  window?: number;
  /** Order of the fitted polynomial, < window. Default 3. */
  polyorder?: number;
  /** Order of the derivative. Default 0 (smoothing). */
  deriv?: number;
  /** Sample spacing (V for a bias grid). Default 1. */
  delta?: number;
  /** Where to write the result (length of y); a new Float64Array when omitted. */
  out?: Float64Array;
}

/** Coefficients for one (window, polyorder, deriv) at delta = 1, computed once and cached. */
export interface SavgolKernel {
  window: number;
  polyorder: number;
  deriv: number;
  /** Centred coefficients, dot order: y[i] = Σ_j interior[j] x[i − half + j]. */
  interior: Float64Array;
  /** Row p (0 ≤ p < half) evaluates the left-edge fit at sample p, over x[0 .. window−1]. */
  left: Float64Array;
  /** Row p evaluates the right-edge fit at sample n − half + p, over x[n − window .. n−1]. */
  right: Float64Array;
  /** savgolEndGains, computed on first use. */
  endGains?: Float64Array;
}

const kernels = new Map<string, SavgolKernel>();

export function savgolKernel(window: number, polyorder: number, deriv: number): SavgolKernel {
  const key = `${window}/${polyorder}/${deriv}`;
  const cached = kernels.get(key);
  if (cached) return cached;
  assertIntegerInRange(window, 'window', 1, 100_001);
  if (window % 2 !== 1) throw new RangeError(`window must be odd (got ${window})`);
  assertIntegerInRange(polyorder, 'polyorder', 0, window - 1);
  assertIntegerInRange(deriv, 'deriv', 0, 64);
  const half = (window - 1) / 2;
  const left = new Float64Array(half * window);
  const right = new Float64Array(half * window);
  for (let p = 0; p < half; p++) {
    left.set(savgolCoefficients(window, polyorder, { deriv, pos: p }), p * window);
    right.set(savgolCoefficients(window, polyorder, { deriv, pos: window - half + p }), p * window);
  }
  const kernel: SavgolKernel = {
    window,
    polyorder,
    deriv,
    interior: savgolCoefficients(window, polyorder, { deriv }),
    left,
    right,
  };
  kernels.set(key, kernel);
  return kernel;
}

/**
 * Root of the sum of squares of the interior kernel: the factor by which white noise of σ on y
 * becomes the filter's output noise (× 1/delta^deriv).
 */
export function savgolNoiseGain(window: number, polyorder: number, deriv: number): number {
  return rootSumSquares(savgolKernel(window, polyorder, deriv).interior);
}

/** ‖row‖₂: the noise gain of a kernel row on white noise of σ 1. */
function rootSumSquares(row: Float64Array): number {
  let sum = 0;
  for (const c of row) sum += c * c;
  return Math.sqrt(sum);
}

/**
 * savgolNoiseGain of each first sample's off-centre kernel (sample 0, 1, … window//2 − 1) over the
 * interior one's: how much noisier the filter's output is there (the last samples mirror these).
 * For the first derivative of the default cubic over 15 points: 3.46, 2.43, 1.59, 0.99, 0.75, ….
 */
export function savgolEndGains(window: number, polyorder: number, deriv: number): Float64Array {
  const kernel = savgolKernel(window, polyorder, deriv);
  if (kernel.endGains) return kernel.endGains;
  const interior = rootSumSquares(kernel.interior);
  const half = (window - 1) / 2;
  const gains = new Float64Array(half);
  for (let p = 0; p < half; p++)
    gains[p] = rootSumSquares(kernel.left.subarray(p * window, (p + 1) * window)) / interior;
  kernel.endGains = gains;
  return gains;
}

/** The widest odd window (points) whose span, (window − 1) · |step|, stays within `span` (same unit as step). */
export function widestOddWindow(span: number, step: number): number {
  return 1 + 2 * Math.floor(span / Math.abs(step) / 2 + 1e-9);
}

export function savgolFilter(y: NumberArray, options: SavgolOptions = {}): Float64Array {
  const { window = 15, polyorder = 3, deriv = 0, delta = 1 } = options;
  assertNumberArray(y, 'y');
  assertPositive(delta, 'delta');
  const n = y.length;
  if (window > n) {
    throw new RangeError(`window (${window}) must not exceed the number of points (${n})`);
  }
  const kernel = savgolKernel(window, polyorder, deriv);
  const out = options.out ?? new Float64Array(n);
  if (out.length !== n) throw new RangeError(`out must have length ${n} (got ${out.length})`);
  // scipy divides by delta^deriv after fitting at unit spacing; so do we (it is exact for
  // deriv ≤ 1 and one rounding otherwise).
  const scale = deriv === 0 ? 1 : Math.pow(delta, deriv);
  const half = (window - 1) / 2;
  const { interior, left, right } = kernel;
  // Four outputs at a time, each summed in the same order as one at a time (j = 0 .. window − 1,
  // so the same number, bit for bit): one running sum waits ~4 cycles per addition; four
  // independent ones fill that wait.
  const end = n - half;
  let i = half;
  for (; i + 3 < end; i += 4) {
    let acc0 = 0;
    let acc1 = 0;
    let acc2 = 0;
    let acc3 = 0;
    const start = i - half;
    // y[start + j .. start + j + 3] held in y0..y3, shifted one sample per coefficient.
    let y0 = y[start]!;
    let y1 = y[start + 1]!;
    let y2 = y[start + 2]!;
    for (let j = 0; j < window; j++) {
      const c = interior[j]!;
      const y3 = y[start + j + 3]!;
      acc0 += c * y0;
      acc1 += c * y1;
      acc2 += c * y2;
      acc3 += c * y3;
      y0 = y1;
      y1 = y2;
      y2 = y3;
    }
    out[i] = acc0 / scale;
    out[i + 1] = acc1 / scale;
    out[i + 2] = acc2 / scale;
    out[i + 3] = acc3 / scale;
  }
  for (; i < end; i++) {
    let acc = 0;
    const start = i - half;
    for (let j = 0; j < window; j++) acc += interior[j]! * y[start + j]!;
    out[i] = acc / scale;
  }
  const tail = n - window;
  for (let p = 0; p < half; p++) {
    let accL = 0;
    let accR = 0;
    const row = p * window;
    for (let j = 0; j < window; j++) {
      accL += left[row + j]! * y[j]!;
      accR += right[row + j]! * y[tail + j]!;
    }
    out[p] = accL / scale;
    out[n - half + p] = accR / scale;
  }
  return out;
}
