// What stands in for the missing outer neighbour of a sweep's first and last noise block
// (noiseProfile.ts: each block's σ is the median of it and its two neighbours). Units: A.
import type { NumberArray } from './types.ts';

let blockCurrents = new Float64Array(0);

/**
 * The σ (A) standing in for the missing outer neighbour of the first and the last block in their
 * medians of three: the sweep's σ, or more where every other block says the end's noise may be
 * more. The current's noise grows with |I| (tip-height and feedback noise are a fraction of it),
 * at most in proportion (σ² = σ₀² + (r·I)²), so each block b bounds the end block's σ from above
 * by σ_b · max(1, I_end / I_b) (I: the blocks' rms currents); the stand-in is the tightest bound,
 * never below the sweep's σ. A block's σ read high (a band's bend, an in-gap peak) only loosens
 * its bound; one read low (clipped, quantised) leaves the sweep's σ, as before. The sweep's σ
 * alone, mostly the gap's, halved noise that grows to the ends (the Gaussian model with 2 % of
 * |I| as noise: end blocks read 4.4–4.9 pA for 9.2–11.1).
 */
export function endStandIns(
  current: NumberArray,
  sigmas: Float64Array,
  count: number,
  sigma: number,
  /** Samples per block (NOISE_BLOCK); the last block takes those left over. */
  blockSize: number,
): [number, number] {
  const n = current.length;
  if (blockCurrents.length < count) blockCurrents = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const from = b * blockSize;
    const to = b === count - 1 ? n : from + blockSize;
    let sum = 0;
    for (let i = from; i < to; i++) sum += current[i]! * current[i]!;
    blockCurrents[b] = Math.sqrt(sum / (to - from));
  }
  const standIn = (end: number): number => {
    let bound = Infinity;
    const here = blockCurrents[end]!;
    for (let b = 0; b < count; b++) {
      if (b === end) continue;
      const there = blockCurrents[b]!;
      const ratio = here <= there ? 1 : there > 0 ? here / there : Infinity;
      bound = Math.min(bound, sigmas[b]! * ratio);
    }
    return bound < Infinity ? Math.max(sigma, bound) : sigma;
  };
  return [standIn(0), standIn(count - 1)];
}
