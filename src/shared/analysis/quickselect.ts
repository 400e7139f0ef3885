// Order statistics without sorting a whole array: Hoare's selection, in place on a scratch buffer.

/** Rearranges a[lo..hi] so that a[k] holds the value it would have if sorted. Returns a[k]. */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Median of a[0..n−1] (mean of the two middle values for even n); reorders a. NaN when n = 0. */
export function medianInPlace(a: Float64Array, n = a.length): number {
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  const upper = selectInPlace(a, mid, 0, n - 1);
  if (n % 2 === 1) return upper;
  // After selection, every value left of mid is ≤ upper: the lower middle is their maximum.
  let lower = a[0]!;
  for (let i = 1; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** Scratch for selectPair's partitions (three, so that two are always free to write). */
const parts = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
/** Sub-arrays this short are insertion-sorted. */
const SHORT = 16;

/**
 * The (k−1)-th and k-th smallest of a[0..n−1] (0-based; k ≥ 1), for NaN-free a; a keeps its values
 * but not their order. Quickselect whose three-way partition writes every value to both the
 * less-than and the greater-than scratch and advances the one it belongs to by a comparison
 * turned into a number: no branch on the data (a Hoare partition of random values mispredicts
 * about every other comparison). Writes into out[0] (lower) and out[1] (upper).
 */
export function selectPair(a: Float64Array, n: number, k: number, out: Float64Array): void {
  if (parts[0]!.length < n) for (let b = 0; b < 3; b++) parts[b] = new Float64Array(Math.max(n, 512));
  let src = a;
  let at = -1; // which scratch src is (−1: a)
  let unlucky = 0;
  for (;;) {
    if (n <= SHORT) {
      for (let i = 1; i < n; i++) {
        const v = src[i]!;
        let j = i;
        while (j > 0 && src[j - 1]! > v) {
          src[j] = src[j - 1]!;
          j--;
        }
        src[j] = v;
      }
      out[0] = src[k - 1]!;
      out[1] = src[k]!;
      return;
    }
    // Median of three inner samples: the ends are a poor choice on curves sliced between two
    // maxima (both ends the largest values: each pass would drop only them).
    const x = src[n >> 2]!;
    const y = src[n >> 1]!;
    const z = src[n - 1 - (n >> 2)]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    const li = at === 0 ? 1 : 0;
    const gi = at < 0 ? 1 : 3 - li - at;
    const lt = parts[li]!;
    const gt = parts[gi]!;
    let nl = 0;
    let ng = 0;
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      lt[nl] = v;
      nl += +(v < pivot);
      gt[ng] = v;
      ng += +(v > pivot);
    }
    const ge = n - ng; // first rank above the pivot's
    // A pass that keeps nearly everything (an unlucky pivot) counts against this method; after
    // a few, Hoare's selection finishes (as medianInPlace does), so no input costs n² passes.
    const kept = k < nl ? nl : k - 1 >= ge ? ng : 0;
    if (kept > n - (n >> 4) && ++unlucky >= 3) {
      const from = k < nl ? lt : gt;
      if (k >= nl) k -= ge;
      const upper = selectInPlace(from, k, 0, kept - 1);
      let lower = from[0]!;
      for (let i = 1; i < k; i++) if (from[i]! > lower) lower = from[i]!;
      out[0] = lower;
      out[1] = upper;
      return;
    }
    if (k < nl) {
      src = lt;
      at = li;
      n = nl;
    } else if (k - 1 >= ge) {
      src = gt;
      at = gi;
      k -= ge;
      n = ng;
    } else {
      // k − 1 and k straddle or sit in the pivot's run: the neighbours are pivot or the extremes
      // of the parts beside it.
      let lower = pivot;
      if (k - 1 < nl) {
        lower = lt[0]!;
        for (let i = 1; i < nl; i++) if (lt[i]! > lower) lower = lt[i]!;
      }
      let upper = pivot;
      if (k >= ge) {
        upper = gt[0]!;
        for (let i = 1; i < ng; i++) if (gt[i]! < upper) upper = gt[i]!;
      }
      out[0] = lower;
      out[1] = upper;
      return;
    }
  }
}

const pair = new Float64Array(2);

/** Values sampled to bracket the median (odd); the bracket is SAMPLE_REACH sample ranks either side. */
const SAMPLE = 31;
const SAMPLE_REACH = 5;
const sample = new Float64Array(SAMPLE);
let bracketed = new Float64Array(0);

/**
 * medianInPlace's value (the same number, bit for bit: a median picks values, and the mean of the
 * two middle ones is taken the same way), found with fewer unpredictable comparisons on long
 * arrays: the median is bracketed between two order statistics of an evenly spaced sample of 31,
 * one pass counts the values below the bracket and gathers those inside it (about a third), and
 * selection (selectPair, without data-dependent branches) runs on those alone. When the bracket
 * misses the middle, selectPair runs on the whole array; with a NaN, medianInPlace. May reorder a.
 */
export function medianBracketed(a: Float64Array, n = a.length): number {
  if (n < 4 * SAMPLE) return medianInPlace(a, n);
  for (let j = 0; j < SAMPLE; j++) sample[j] = a[Math.floor((j * (n - 1)) / (SAMPLE - 1))]!;
  let nan = false;
  for (let j = 0; j < SAMPLE; j++) if (sample[j] !== sample[j]) nan = true;
  if (nan) return medianInPlace(a, n);
  selectPair(sample, SAMPLE, (SAMPLE >> 1) - SAMPLE_REACH, pair);
  const lo = pair[1]!;
  selectPair(sample, SAMPLE, (SAMPLE >> 1) + SAMPLE_REACH, pair);
  const hi = pair[1]!;
  if (bracketed.length < n) bracketed = new Float64Array(n);
  const inside = bracketed;
  let below = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    // Counted and gathered without a branch on the value (random data mispredicts every other one).
    inside[m] = v;
    below += +(v < lo);
    m += +(v >= lo) & +(v <= hi);
    if (v !== v) nan = true;
  }
  const mid = n >> 1;
  const even = n % 2 === 0;
  // Both middle ranks (mid − 1 and mid for even n) must fall inside the bracket.
  if (nan) return medianInPlace(a, n);
  if (below > (even ? mid - 1 : mid) || below + m <= mid) {
    // The bracket missed the middle (~6 % of the bench's sweeps): select on the whole array.
    selectPair(a, n, mid, pair);
    return even ? (pair[0]! + pair[1]!) / 2 : pair[1]!;
  }
  const k = mid - below;
  if (k === 0) {
    // Odd n with the median the bracket's least value (even n has mid − 1 ≥ below, so k ≥ 1).
    let least = inside[0]!;
    for (let i = 1; i < m; i++) if (inside[i]! < least) least = inside[i]!;
    return least;
  }
  selectPair(inside, m, k, pair);
  return even ? (pair[0]! + pair[1]!) / 2 : pair[1]!;
}
