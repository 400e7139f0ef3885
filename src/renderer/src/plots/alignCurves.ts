// uPlot wants one shared x column. Curves sorted by bias are merged on the union of their x
// values; a curve without a point at some x gets null there (drawn as a gap-spanning line).
export interface XYCurve {
  x: Float64Array;
  y: Float64Array;
}

/** Returns a copy of the curve sorted by x ascending, NaN points dropped. */
export function sortedCurve(x: ArrayLike<number>, y: ArrayLike<number>): XYCurve {
  const order: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) order.push(i);
  order.sort((a, b) => (x[a] as number) - (x[b] as number));
  return {
    x: Float64Array.from(order, (i) => x[i] as number),
    y: Float64Array.from(order, (i) => y[i] as number),
  };
}

export function alignCurves(curves: XYCurve[]): [number[], ...Array<Array<number | null>>] {
  const xs = [...new Set(curves.flatMap((c) => Array.from(c.x)))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = curves.map((curve) => {
    const column: Array<number | null> = new Array(xs.length).fill(null);
    curve.x.forEach((x, i) => (column[index.get(x) as number] = curve.y[i] as number));
    return column;
  });
  return [xs, ...columns];
}

/**
 * The value an aligned column shows at row `index`: its own, or where the column has no point
 * there, the straight line between its nearest points on both sides (what the plot draws); null
 * outside the curve's range.
 */
export function valueAt(
  xs: ArrayLike<number>,
  column: ArrayLike<number | null>,
  index: number,
): number | null {
  const own = column[index];
  if (own !== null && own !== undefined) return own;
  let before = index - 1;
  while (before >= 0 && column[before] == null) before--;
  let after = index + 1;
  while (after < column.length && column[after] == null) after++;
  if (before < 0 || after >= column.length) return null;
  const [x0, x1, x] = [xs[before] as number, xs[after] as number, xs[index] as number];
  const [y0, y1] = [column[before] as number, column[after] as number];
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}
