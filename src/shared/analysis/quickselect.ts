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
