// Marching squares: the line segments where a field crosses zero, in pixel coordinates (pixel
// centres at integers). Segments are not joined into polylines: drawing them as one SVG path
// looks the same and needs no bookkeeping.
export interface PixelBox {
  /** Inclusive column and row ranges. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Zero crossings of `field(x, y)` over the cells of `box` (cells between pixel centres), as
 * [xa, ya, xb, yb] quadruples. Cells with a NaN corner are skipped. Saddle cells are resolved by the
 * mean of their corners, as the usual marching-squares tables do.
 */
export function contourSegments(field: (x: number, y: number) => number, box: PixelBox): number[] {
  const out: number[] = [];
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const a = field(x, y);
      const b = field(x + 1, y);
      const c = field(x + 1, y + 1);
      const d = field(x, y + 1);
      if (![a, b, c, d].every(Number.isFinite)) continue;
      // Crossing points on the four cell edges: top (a–b), right (b–c), bottom (d–c), left (a–d).
      const points: Array<[number, number]> = [];
      const edge = (p: number, q: number, px: number, py: number, qx: number, qy: number): void => {
        if (p > 0 === q > 0) return;
        const t = p / (p - q);
        points.push([px + t * (qx - px), py + t * (qy - py)]);
      };
      edge(a, b, x, y, x + 1, y);
      edge(b, c, x + 1, y, x + 1, y + 1);
      edge(d, c, x, y + 1, x + 1, y + 1);
      edge(a, d, x, y, x, y + 1);
      if (points.length === 2) {
        const [p, q] = points as [[number, number], [number, number]];
        out.push(p[0], p[1], q[0], q[1]);
      } else if (points.length === 4) {
        const [top, right, bottom, left] = points as Array<[number, number]> as [
          [number, number],
          [number, number],
          [number, number],
          [number, number],
        ];
        // a > 0 and c > 0 (or both ≤ 0): whether the centre joins a and c decides the pairing.
        const centreAbove = (a + b + c + d) / 4 > 0;
        const aAbove = a > 0;
        if (centreAbove === aAbove) out.push(...top, ...right, ...bottom, ...left);
        else out.push(...top, ...left, ...bottom, ...right);
      }
    }
  }
  return out;
}
