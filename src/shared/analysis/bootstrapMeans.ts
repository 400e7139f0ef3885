// Means of bootstrap resamples of one sample: resample r draws values.length values with
// replacement (index = floor(u · n), u = mulberry32(seed) output) and records their mean. Only
// sums are accumulated, no resample is materialised: the pipeline's comparisons draw ~10⁷ indices,
// so the generator is inlined here (same sequence as random.ts's mulberry32).
//
// The indices depend only on (n, resamples, seed), not on the values. Re-analysis after a new
// deep-trap window bootstraps new values of the same count with the same seeds: the second time a
// (n, resamples, seed) is asked for, its indices are kept in a table (small draws only), and later
// calls sum values[table[...]] in the same order, so the means are the same to the last bit.

/** Largest table (n × resamples indices) kept, and all tables together: 2²² indices is 8 MB. */
const MAX_TABLE = 1 << 22;
const MAX_KEPT = 1 << 23;

/** Draws seen once (key → true) and tables kept, least recently used first. */
const seen = new Set<string>();
const tables = new Map<string, Uint16Array | Uint32Array>();

function tableFor(n: number, resamples: number, seed: number): Uint16Array | Uint32Array | null {
  const size = n * resamples;
  if (size > MAX_TABLE) return null;
  const key = `${n}/${resamples}/${seed}`;
  const held = tables.get(key);
  if (held) {
    tables.delete(key); // most recently used last
    tables.set(key, held);
    return held;
  }
  if (!seen.has(key)) {
    if (seen.size >= 64) seen.clear();
    seen.add(key);
    return null;
  }
  const table = n <= 65536 ? new Uint16Array(size) : new Uint32Array(size);
  const scale = n / 4294967296;
  let state = seed >>> 0;
  for (let j = 0; j < size; j++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    table[j] = Math.floor(((t ^ (t >>> 14)) >>> 0) * scale);
  }
  let total = size;
  for (const t of tables.values()) total += t.length;
  for (const [k, t] of tables) {
    if (total <= MAX_KEPT) break;
    tables.delete(k);
    total -= t.length;
  }
  tables.set(key, table);
  return table;
}

export function bootstrapMeans(values: Float64Array, resamples: number, seed: number): Float64Array {
  const n = values.length;
  const means = new Float64Array(resamples);
  const table = tableFor(n, resamples, seed);
  if (table) {
    let j = 0;
    for (let r = 0; r < resamples; r++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += values[table[j++]!]!;
      means[r] = sum / n;
    }
    return means;
  }
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
