// Savitzky–Golay least-squares coefficients, as scipy.signal.savgol_coeffs(..., use='dot').
//
// The coefficients c are the minimum-norm solution of A c = e, where A[k][j] = (j − pos)^k
// (k = 0..polyorder, j = 0..window−1) and e[deriv] = deriv! / delta^deriv. Dotting c with
// `window` samples gives the deriv-th derivative, at sample `pos`, of the least-squares polynomial
// through them. The same coefficients with pos ≠ centre reproduce scipy's mode='interp' edges
// (a polyfit over the first/last window evaluated at the edge points), because both are the
// same linear functional of the data.
//
// Numerics: the Vandermonde matrix is badly conditioned in raw integer coordinates (15^5 ≈ 8e5
// for window 31), so we work in t = (j − pos)/s with s = max(pos, window−1−pos), which keeps
// |t| ≤ 1, and solve with a Householder QR of M = Aₛᵀ (window × (polyorder+1)):
//   Aₛ c = S⁻¹ e,  Aₛ = Rᵀ Qᵀ  ⇒  Rᵀ z = S⁻¹ e,  c = Q z,  S = diag(s^k).
// Checked against exact rational arithmetic: ≤ 1e-14 relative for every window ≤ 31, order ≤ 5.
import { assertIntegerInRange, assertPositive } from './assertNumberArray.ts';

export interface SavgolCoefficientsOptions {
  /** Order of the derivative. Default 0. Above polyorder the coefficients are all zero (as scipy). */
  deriv?: number;
  /** Sample position (0-based) where the fit is evaluated. Default: the centre, (window − 1) / 2. */
  pos?: number;
  /** Sample spacing (V for a bias grid); derivatives are divided by delta^deriv. Default 1. */
  delta?: number;
}

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

export function savgolCoefficients(
  window: number,
  polyorder: number,
  options: SavgolCoefficientsOptions = {},
): Float64Array {
  const { deriv = 0, pos = (window - 1) / 2, delta = 1 } = options;
  assertIntegerInRange(window, 'window', 1, 100_001);
  assertIntegerInRange(polyorder, 'polyorder', 0, window - 1);
  assertIntegerInRange(deriv, 'deriv', 0, 64);
  assertPositive(delta, 'delta');
  if (!(pos >= 0 && pos < window)) throw new RangeError(`pos must lie in [0, window) (got ${pos})`);
  const coeffs = new Float64Array(window);
  if (deriv > polyorder) return coeffs;

  const m = polyorder + 1;
  const s = Math.max(pos, window - 1 - pos, 1);
  // q: column-major window × m matrix, overwritten by the Householder vectors below the diagonal.
  const q = new Float64Array(window * m);
  for (let j = 0; j < window; j++) {
    const t = (j - pos) / s;
    let p = 1;
    for (let k = 0; k < m; k++) {
      q[k * window + j] = p;
      p *= t;
    }
  }
  const r = new Float64Array(m * m);
  const beta = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const col = k * window;
    let norm = 0;
    for (let j = k; j < window; j++) norm = Math.hypot(norm, q[col + j]!);
    const alpha = q[col + k]! > 0 ? -norm : norm;
    // v = x − alpha e_k stored in place; H = I − beta v vᵀ.
    q[col + k] = q[col + k]! - alpha;
    let vv = 0;
    for (let j = k; j < window; j++) vv += q[col + j]! * q[col + j]!;
    beta[k] = vv > 0 ? 2 / vv : 0;
    r[k * m + k] = alpha;
    for (let c = k + 1; c < m; c++) {
      const other = c * window;
      let dot = 0;
      for (let j = k; j < window; j++) dot += q[col + j]! * q[other + j]!;
      const f = beta[k]! * dot;
      for (let j = k; j < window; j++) q[other + j] = q[other + j]! - f * q[col + j]!;
      r[k * m + c] = q[other + k]!;
    }
  }
  // Rᵀ z = S⁻¹ e: only e[deriv] is non-zero, so z[k] = 0 for k < deriv.
  const z = new Float64Array(m);
  const rhs = factorial(deriv) / Math.pow(s, deriv) / Math.pow(delta, deriv);
  for (let k = deriv; k < m; k++) {
    let acc = k === deriv ? rhs : 0;
    for (let i = deriv; i < k; i++) acc -= r[i * m + k]! * z[i]!;
    z[k] = acc / r[k * m + k]!;
  }
  // c = Q [z; 0] = H_0 H_1 … H_{m−1} [z; 0]: apply the reflectors last to first.
  for (let k = 0; k < m; k++) coeffs[k] = z[k]!;
  for (let k = m - 1; k >= 0; k--) {
    const col = k * window;
    let dot = 0;
    for (let j = k; j < window; j++) dot += q[col + j]! * coeffs[j]!;
    const f = beta[k]! * dot;
    for (let j = k; j < window; j++) coeffs[j] = coeffs[j]! - f * q[col + j]!;
  }
  return coeffs;
}
