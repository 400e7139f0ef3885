// Means of bootstrap resamples of one sample: resample r draws values.length values with
// replacement (index = floor(u · n), u = mulberry32(seed) output) and records their mean. Only
// sums are accumulated, no resample is materialised: the pipeline's comparisons draw ~10⁷ indices,
// so the generator is inlined here (same sequence as random.ts's mulberry32).

export function bootstrapMeans(values: Float64Array, resamples: number, seed: number): Float64Array {
  const n = values.length;
  const means = new Float64Array(resamples);
  // x · (n / 2³²) equals (x / 2³²) · n exactly: both are x·n (< 2⁵³, exact) over a power of two.
  const scale = n / 4294967296;
  let state = seed >>> 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      sum += values[Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)]!;
    }
    means[r] = sum / n;
  }
  return means;
}
