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
