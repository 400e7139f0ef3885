// STS-ANALYSIS.md step 8: how much less deep-trap density group B has than group A,
//   reduction = 1 − mean(B) / mean(A)   (0.47 = 47 % less in B),
// with a percentile-bootstrap CI: A and B are resampled independently (each at its own size,
// seeded mulberry32), 2,000 times by default. Non-finite values (spectra without an integral) are
// left out first. null reduction when either group is empty or mean(A) is 0.
import { bootstrapCi, mean } from './bootstrapCi.ts';
import { DEFAULT_SEED } from './random.ts';
import type { NumberArray } from './types.ts';

export interface DeepTrapReductionOptions {
  /** Default 2,000. */
  resamples?: number;
  /** Default DEFAULT_SEED. */
  seed?: number;
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

function finite(values: NumberArray): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) out.push(values[i]!);
  return Float64Array.from(out);
}

export function deepTrapReduction(
  a: NumberArray,
  b: NumberArray,
  options: DeepTrapReductionOptions = {},
): DeepTrapReduction {
  const { resamples = 2000, seed = DEFAULT_SEED, level = 0.95 } = options;
  const fa = finite(a);
  const fb = finite(b);
  const result = { nA: fa.length, nB: fb.length };
  if (fa.length === 0 || fb.length === 0 || mean(fa) === 0) return { reduction: null, ci95: null, ...result };
  const ci = bootstrapCi([fa, fb], ([sa, sb]) => 1 - mean(sb!) / mean(sa!), { resamples, seed, level });
  return {
    reduction: ci.estimate,
    ci95: ci.valid > 0 ? ci.ci : null,
    ...result,
  };
}
