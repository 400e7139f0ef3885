// I(V) from a model dI/dV: what every synthetic spectrum generator (demo, classify session, grid)
// shares, whatever its band model.

/** Conductance at a bias (V), in units of `peakConductance` (A/V). */
export type RelativeConductance = (bias: number) => number;

/**
 * Noise-free I(V) in amperes on the given bias grid, I(0 V) = 0: the conductance integrated from
 * 0 V outward (trapezoid, 1 mV steps), times the peak conductance (A/V).
 */
export function currentFromConductance(
  bias: ArrayLike<number>,
  conductance: RelativeConductance,
  peakConductance: number,
): Float64Array {
  const current = new Float64Array(bias.length);
  const step = 1e-3;
  for (let i = 0; i < bias.length; i++) {
    const target = bias[i]!;
    const n = Math.max(1, Math.ceil(Math.abs(target) / step));
    const h = target / n;
    let sum = 0;
    for (let k = 0; k <= n; k++) {
      const weight = k === 0 || k === n ? 0.5 : 1;
      sum += weight * conductance(k * h);
    }
    current[i] = peakConductance * sum * h;
  }
  return current;
}

/** Adds white noise of the given standard deviation (amperes). */
export function withNoise(current: Float64Array, sigma: number, gaussian: () => number): Float64Array {
  return current.map((value) => value + sigma * gaussian());
}
