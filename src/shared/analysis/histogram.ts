// STS-ANALYSIS.md step 7 histograms (VBM, CBM, Eg in V). Two ways to choose bins:
// - { binWidth } (default 0.02 V = 20 mV): edges on whole multiples of the width, k·binWidth,
//   from floor(min/w)·w to (floor(max/w) + 1)·w, so histograms of different groups line up.
// - { bins: 'auto' }: numpy.histogram(bins='auto'): the smaller of the Sturges width,
//   range / (log2 n + 1), and the Freedman–Diaconis width, 2·IQR·n^(−1/3) (Sturges alone when
//   the IQR is 0), i.e. the larger bin count of the two; equal-width bins spanning [min, max].
// Counting follows numpy: bin i holds edges[i] ≤ v < edges[i+1]; the last bin also holds its
// right edge. Non-finite values are ignored. No values: no bins.
import { percentileSorted } from './percentile.ts';
import type { NumberArray } from './types.ts';

export type HistogramOptions = { binWidth: number } | { bins: 'auto' };

export interface Histogram {
  /** Bin edges, length counts.length + 1, in the values' unit. */
  edges: Float64Array;
  counts: Float64Array;
}

function autoEdges(sorted: Float64Array): Float64Array {
  const n = sorted.length;
  let first = sorted[0]!;
  let last = sorted[n - 1]!;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const ptp = sorted[n - 1]! - sorted[0]!;
  const sturges = ptp / (Math.log2(n) + 1);
  const iqr = percentileSorted(sorted, 75) - percentileSorted(sorted, 25);
  const fd = 2 * iqr * Math.pow(n, -1 / 3);
  const width = fd ? Math.min(fd, sturges) : sturges;
  const count = width ? Math.ceil((last - first) / width) : 1;
  // numpy.linspace(first, last, count + 1): i·step + first, the last edge set exactly.
  const edges = new Float64Array(count + 1);
  const step = (last - first) / count;
  for (let i = 0; i <= count; i++) edges[i] = i * step + first;
  edges[count] = last;
  return edges;
}

function widthEdges(sorted: Float64Array, width: number): Float64Array {
  const lo = Math.floor(sorted[0]! / width);
  const hi = Math.floor(sorted[sorted.length - 1]! / width) + 1;
  const edges = new Float64Array(hi - lo + 1);
  for (let k = lo; k <= hi; k++) edges[k - lo] = k * width;
  return edges;
}

export function histogram(values: NumberArray, options: HistogramOptions = { binWidth: 0.02 }): Histogram {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(values[i]!);
  if (finite.length === 0) return { edges: new Float64Array(0), counts: new Float64Array(0) };
  const sorted = Float64Array.from(finite).sort();
  let edges: Float64Array;
  if ('bins' in options) edges = autoEdges(sorted);
  else {
    if (!(options.binWidth > 0)) throw new RangeError(`binWidth must be positive (got ${options.binWidth})`);
    edges = widthEdges(sorted, options.binWidth);
  }
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  // Values and edges both ascending: one merge pass.
  let b = 0;
  for (const v of sorted) {
    while (b < bins - 1 && v >= edges[b + 1]!) b++;
    if (v >= edges[0]! && v <= edges[bins]!) counts[b] = counts[b]! + 1;
  }
  return { edges, counts };
}
