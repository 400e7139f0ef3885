// Line-by-line levelling: each scan line (row) is corrected on its own, which removes the
// line-to-line jumps of the slow scan axis (drift, tip changes) that a plane cannot.
import type { ScalarImage } from './types.ts';

export type LineOffsetStatistic = 'median' | 'mean';

/** Finite values of one row, copied into `scratch` (length ≥ width); returns how many. */
function finiteOfRow(image: ScalarImage, row: number, scratch: Float64Array): number {
  const { data, width } = image;
  let n = 0;
  for (let x = 0; x < width; x++) {
    const z = data[row * width + x] as number;
    if (Number.isFinite(z)) scratch[n++] = z;
  }
  return n;
}

/** numpy.nanmedian / numpy.nanmean of one row; NaN when the row has no finite pixel. */
export function rowOffset(
  image: ScalarImage,
  row: number,
  statistic: LineOffsetStatistic,
  scratch = new Float64Array(image.width),
): number {
  const n = finiteOfRow(image, row, scratch);
  if (n === 0) return Number.NaN;
  const values = scratch.subarray(0, n);
  if (statistic === 'mean') {
    let sum = 0;
    for (const v of values) sum += v;
    return sum / n;
  }
  values.sort();
  const mid = n >> 1;
  return n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/** Subtracts each row's median (or mean) from rows [rowStart, rowEnd) into `out`. */
export function levelLineOffsetRows(
  image: ScalarImage,
  out: Float64Array,
  rowStart: number,
  rowEnd: number,
  statistic: LineOffsetStatistic = 'median',
): void {
  const { data, width } = image;
  const scratch = new Float64Array(width);
  for (let y = rowStart; y < rowEnd; y++) {
    const offset = rowOffset(image, y, statistic, scratch);
    for (let x = 0; x < width; x++) out[y * width + x] = (data[y * width + x] as number) - offset;
  }
}

/** Least-squares line z = offset + slope·(x − meanX) through a row's finite pixels (numpy.polyfit, deg 1). */
export function fitRowLine(
  image: ScalarImage,
  row: number,
): { offset: number; slope: number; meanX: number } | null {
  const { data, width } = image;
  let n = 0;
  let sumX = 0;
  let sumZ = 0;
  for (let x = 0; x < width; x++) {
    const z = data[row * width + x] as number;
    if (!Number.isFinite(z)) continue;
    n++;
    sumX += x;
    sumZ += z;
  }
  if (n === 0) return null;
  const meanX = sumX / n;
  const offset = sumZ / n;
  let sxx = 0;
  let sxz = 0;
  for (let x = 0; x < width; x++) {
    const z = data[row * width + x] as number;
    if (!Number.isFinite(z)) continue;
    sxx += (x - meanX) * (x - meanX);
    sxz += (x - meanX) * (z - offset);
  }
  // One finite pixel: no slope to fit, remove its offset only.
  return { offset, slope: sxx > 0 ? sxz / sxx : 0, meanX };
}

/** Subtracts each row's least-squares line from rows [rowStart, rowEnd) into `out`. */
export function levelLineSlopeRows(
  image: ScalarImage,
  out: Float64Array,
  rowStart: number,
  rowEnd: number,
): void {
  const { data, width } = image;
  for (let y = rowStart; y < rowEnd; y++) {
    const line = fitRowLine(image, y);
    for (let x = 0; x < width; x++) {
      const z = data[y * width + x] as number;
      out[y * width + x] = line ? z - (line.offset + line.slope * (x - line.meanX)) : Number.NaN;
    }
  }
}
