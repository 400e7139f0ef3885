// STS-ANALYSIS.md step 8: how much less deep-trap density group B has than group A,
//   reduction = 1 − mean(B) / mean(A)   (0.47 = 47 % less in B),
// with a percentile-bootstrap CI: A and B are resampled independently, each at its own size,
// 2,000 times by default; the CI is the (1 ± level)/2 percentiles (numpy 'linear') of
// 1 − mean(B*)/mean(A*) over the resamples where that is finite. A is drawn from
// mulberry32(seed), B from mulberry32(seedB) (default seed XOR B_STREAM): two independent
// streams. runPipeline seeds each group with labelSeed(recipe seed, label) for both roles, so a
// group's resampled means are drawn once and reused by every pair it is in.
// Non-finite values (spectra without an integral) are left out first. null reduction when either
// group is empty or mean(A) is 0.
import { bootstrapMeans } from './bootstrapMeans.ts';
import { mean } from './bootstrapCi.ts';
import { percentileInPlace } from './percentile.ts';
import { DEFAULT_SEED } from './random.ts';
import type { NumberArray } from './types.ts';

export interface DeepTrapReductionOptions {
  /** Default 2,000. */
  resamples?: number;
  /** Seed of A's resampling stream. Default DEFAULT_SEED. */
  seed?: number;
  /** Seed of B's resampling stream. Default seed XOR B_STREAM. */
  seedB?: number;
  /** Default 0.95. */
  level?: number;
}

export interface DeepTrapReduction {
  /** 1 − mean(B)/mean(A), or null. */
  reduction: number | null;
  /** Bootstrap CI of the reduction at `level`, or null. */
  ci95: [number, number] | null;
  nA: number;
  nB: number;
}

/** Seed offset of the B stream. */
export const B_STREAM = 0x5bd1e995;

export function finiteValues(values: NumberArray): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) out.push(values[i]!);
  return Float64Array.from(out);
}

/**
 * The reduction from finite samples and (optionally precomputed) resampled means; `meansOf`
 * returns bootstrapMeans for role 'a' or 'b' and may cache them.
 */
export function reductionFromSamples(
  fa: Float64Array,
  fb: Float64Array,
  level: number,
  meansOf: (role: 'a' | 'b') => Float64Array,
): DeepTrapReduction {
  const base = { nA: fa.length, nB: fb.length };
  if (fa.length === 0 || fb.length === 0 || mean(fa) === 0) return { reduction: null, ci95: null, ...base };
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1) (got ${level})`);
  const ma = meansOf('a');
  const mb = meansOf('b');
  const stats = new Float64Array(ma.length);
  let valid = 0;
  for (let r = 0; r < ma.length; r++) {
    const value = 1 - mb[r]! / ma[r]!;
    if (Number.isFinite(value)) stats[valid++] = value;
  }
  const reduction = 1 - mean(fb) / mean(fa);
  if (valid === 0) return { reduction, ci95: null, ...base };
  // Finite values only (filtered above), so selection gives the sorted array's percentiles.
  const kept = stats.subarray(0, valid);
  const tail = ((1 - level) / 2) * 100;
  const lower = percentileInPlace(kept, tail);
  return { reduction, ci95: [lower, percentileInPlace(kept, 100 - tail)], ...base };
}

export function deepTrapReduction(
  a: NumberArray,
  b: NumberArray,
  options: DeepTrapReductionOptions = {},
): DeepTrapReduction {
  const { resamples = 2000, seed = DEFAULT_SEED, level = 0.95 } = options;
  const seedB = options.seedB ?? (seed ^ B_STREAM) >>> 0;
  const fa = finiteValues(a);
  const fb = finiteValues(b);
  return reductionFromSamples(fa, fb, level, (role) =>
    role === 'a' ? bootstrapMeans(fa, resamples, seed) : bootstrapMeans(fb, resamples, seedB),
  );
}
