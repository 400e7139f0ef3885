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
 * selection runs on those alone. When the bracket misses the middle, or a value is NaN, it falls
 * back to medianInPlace. May reorder a.
 */
export function medianBracketed(a: Float64Array, n = a.length): number {
  if (n < 4 * SAMPLE) return medianInPlace(a, n);
  for (let j = 0; j < SAMPLE; j++) {
    const v = a[Math.floor((j * (n - 1)) / (SAMPLE - 1))]!;
    let k = j;
    while (k > 0 && sample[k - 1]! > v) {
      sample[k] = sample[k - 1]!;
      k--;
    }
    sample[k] = v;
  }
  const lo = sample[(SAMPLE >> 1) - SAMPLE_REACH]!;
  const hi = sample[(SAMPLE >> 1) + SAMPLE_REACH]!;
  if (bracketed.length < n) bracketed = new Float64Array(n);
  const inside = bracketed;
  let below = 0;
  let m = 0;
  let nan = false;
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
  if (nan || lo !== lo || hi !== hi || below > (even ? mid - 1 : mid) || below + m <= mid)
    return medianInPlace(a, n);
  const upper = selectInPlace(inside, mid - below, 0, m - 1);
  if (!even) return upper;
  // After selection every value left of the upper middle is ≤ it: the lower middle is their maximum.
  let lower = inside[0]!;
  for (let i = 1; i < mid - below; i++) if (inside[i]! > lower) lower = inside[i]!;
  return (lower + upper) / 2;
}
