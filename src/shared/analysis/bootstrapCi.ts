// Percentile bootstrap confidence interval. Each resample draws every sample (group) afresh, with
// replacement and at its own size, from a seeded generator, then evaluates the statistic; the
// interval is the (1−level)/2 and (1+level)/2 percentiles of the resampled statistics (numpy's
// linear percentile). Resamples whose statistic is not finite (e.g. a zero mean in a denominator)
// are left out; `valid` says how many remain.
import { DEFAULT_SEED, mulberry32 } from './random.ts';
import { percentileSorted } from './percentile.ts';
import type { NumberArray } from './types.ts';

export interface BootstrapOptions {
  /** Number of resamples. Default 2,000. */
  resamples?: number;
  /** PRNG seed (mulberry32). Default DEFAULT_SEED. */
  seed?: number;
  /** Confidence level. Default 0.95. */
  level?: number;
}

export interface BootstrapCi {
  /** The statistic on the original samples. */
  estimate: number;
  /** [lower, upper]; NaN when no resample gave a finite statistic. */
  ci: [number, number];
  /** Resamples with a finite statistic. */
  valid: number;
}

export function bootstrapCi(
  samples: ReadonlyArray<NumberArray>,
  statistic: (samples: ReadonlyArray<Float64Array>) => number,
  options: BootstrapOptions = {},
): BootstrapCi {
  const { resamples = 2000, seed = DEFAULT_SEED, level = 0.95 } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1) (got ${level})`);
  const originals = samples.map((s) => Float64Array.from(s));
  if (originals.some((s) => s.length === 0)) throw new RangeError('every sample needs at least one value');
  const estimate = statistic(originals);
  const random = mulberry32(seed);
  const buffers = originals.map((s) => new Float64Array(s.length));
  const stats = new Float64Array(resamples);
  let valid = 0;
  for (let r = 0; r < resamples; r++) {
    for (let g = 0; g < originals.length; g++) {
      const source = originals[g]!;
      const target = buffers[g]!;
      const n = source.length;
      for (let i = 0; i < n; i++) target[i] = source[Math.floor(random() * n)]!;
    }
    const value = statistic(buffers);
    if (Number.isFinite(value)) stats[valid++] = value;
  }
  if (valid === 0) return { estimate, ci: [Number.NaN, Number.NaN], valid };
  const sorted = stats.subarray(0, valid).sort();
  const tail = ((1 - level) / 2) * 100;
  return { estimate, ci: [percentileSorted(sorted, tail), percentileSorted(sorted, 100 - tail)], valid };
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
