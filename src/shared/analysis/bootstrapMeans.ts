// Means of bootstrap resamples of one sample: resample r draws values.length values with
// replacement (index = floor(u · n), u = mulberry32(seed) output) and records their mean. Only
// sums are accumulated, no resample is materialised: the pipeline's comparisons draw ~10⁷ indices,
// so the generator is inlined here (same sequence as random.ts's mulberry32).
//
// mulberry32's state is a Weyl sequence (seed + k · STEP mod 2³² after k draws), so resample r's
// draws start at a state known without drawing the ones before it. Four resamples are summed at
// once, each in its own order: one resample's sum is a chain of dependent additions (~4 cycles
// each), and four independent chains keep the CPU busy while each waits (×1.7–2.8 on the build
// VM); every mean is still the sum of its own draws in draw order, the same to the last bit. A
// caller may also draw a range of the resamples (bootstrapMeansRange), e.g. one per worker.
//
// The indices depend only on (n, resamples, seed), not on the values. Re-analysis after a new
// deep-trap window bootstraps new values of the same count with the same seeds: the second time a
// (n, range, seed) is asked for, its indices are kept in a table (small draws only), and later
// calls sum values[table[...]] in the same order, so the means are the same to the last bit.

/** Largest table (n × resamples indices) kept, and all tables together: 2²² indices is 8 MB. */
const MAX_TABLE = 1 << 22;
const MAX_KEPT = 1 << 23;
/** mulberry32's state increment per draw. */
const STEP = 0x6d2b79f5;

/** Draws seen once (key → true) and tables kept, least recently used first. */
const seen = new Set<string>();
const tables = new Map<string, Uint16Array | Uint32Array>();

/** The generator's state after `draws` draws from `seed` (draws < 2⁵³: ToInt32 of it is exact mod 2³²). */
function stateAfter(seed: number, draws: number): number {
  return (seed + Math.imul(draws, STEP)) | 0;
}

function tableFor(n: number, from: number, to: number, seed: number): Uint16Array | Uint32Array | null {
  const size = n * (to - from);
  if (size > MAX_TABLE) return null;
  const key = `${n}/${from}/${to}/${seed}`;
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
  let state = stateAfter(seed, from * n);
  for (let j = 0; j < size; j++) {
    state = (state + STEP) | 0;
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

/**
 * means[r − from] for the resamples r in [from, to), summed from the index table. One loop for
 * every resample, four at a time: the last group's missing lanes sum the last resample again and
 * are not written. A second loop for the 1–3 left over (a worker's share of the resamples is any
 * count) had never run when V8 optimised the first one mid-call, so every call left the optimised
 * code there ("insufficient type feedback": 10 deoptimisations in each worker's first 12
 * re-analyses, each call then starting over in the interpreter).
 */
function meansFromTable(values: Float64Array, table: Uint16Array | Uint32Array, means: Float64Array): void {
  const n = values.length;
  const count = means.length;
  const last = count - 1;
  for (let r = 0; r < count; r += 4) {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    const ja = r * n;
    const jb = Math.min(r + 1, last) * n;
    const jc = Math.min(r + 2, last) * n;
    const jd = Math.min(r + 3, last) * n;
    for (let i = 0; i < n; i++) {
      a += values[table[ja + i]!]!;
      b += values[table[jb + i]!]!;
      c += values[table[jc + i]!]!;
      d += values[table[jd + i]!]!;
    }
    means[r] = a / n;
    if (r + 1 <= last) means[r + 1] = b / n;
    if (r + 2 <= last) means[r + 2] = c / n;
    if (r + 3 <= last) means[r + 3] = d / n;
  }
}

/**
 * means[r − from] for the resamples r in [from, to), drawing the indices as they are summed; four
 * at a time in one loop as meansFromTable (the last group's missing lanes draw the last resample
 * again and are not written).
 */
function meansStreamed(values: Float64Array, seed: number, from: number, means: Float64Array): void {
  const n = values.length;
  const count = means.length;
  const last = count - 1;
  // x · (n / 2³²) equals (x / 2³²) · n exactly: both are x·n (< 2⁵³, exact) over a power of two.
  const scale = n / 4294967296;
  for (let r = 0; r < count; r += 4) {
    let sa = stateAfter(seed, (from + r) * n);
    let sb = stateAfter(seed, (from + Math.min(r + 1, last)) * n);
    let sc = stateAfter(seed, (from + Math.min(r + 2, last)) * n);
    let sd = stateAfter(seed, (from + Math.min(r + 3, last)) * n);
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < n; i++) {
      sa = (sa + STEP) | 0;
      sb = (sb + STEP) | 0;
      sc = (sc + STEP) | 0;
      sd = (sd + STEP) | 0;
      let t = Math.imul(sa ^ (sa >>> 15), 1 | sa);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      a += values[Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)]!;
      t = Math.imul(sb ^ (sb >>> 15), 1 | sb);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      b += values[Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)]!;
      t = Math.imul(sc ^ (sc >>> 15), 1 | sc);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      c += values[Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)]!;
      t = Math.imul(sd ^ (sd >>> 15), 1 | sd);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      d += values[Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)]!;
    }
    means[r] = a / n;
    if (r + 1 <= last) means[r + 1] = b / n;
    if (r + 2 <= last) means[r + 2] = c / n;
    if (r + 3 <= last) means[r + 3] = d / n;
  }
}

/**
 * The means of resamples from .. to − 1 of bootstrapMeans(values, resamples, seed) (any
 * resamples ≥ to): the same numbers bit for bit, so ranges drawn apart and joined in order equal
 * the whole.
 */
export function bootstrapMeansRange(
  values: Float64Array,
  seed: number,
  from: number,
  to: number,
): Float64Array {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from)
    throw new RangeError(`bootstrap resample range [${from}, ${to}) is not a range of resamples`);
  const means = new Float64Array(to - from);
  if (values.length === 0) return means.fill(Number.NaN); // 0 / 0, as the definition gives
  const table = tableFor(values.length, from, to, seed);
  if (table) meansFromTable(values, table, means);
  else meansStreamed(values, seed, from, means);
  return means;
}

export function bootstrapMeans(values: Float64Array, resamples: number, seed: number): Float64Array {
  return bootstrapMeansRange(values, seed, 0, resamples);
}
