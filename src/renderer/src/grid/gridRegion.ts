// Drawn regions of a grid map: screen points → continuous pixel coordinates of the (rotated)
// map, and the pixels whose centres a box or lasso encloses. Pixel coordinates: x = column
// (0 at the left edge of column 0), y = row measured up from the bottom edge of row 0, so pixel
// (column, row) has its centre at (column + 0.5, row + 0.5).
import { pointInPolygon, type Point2 } from '../../../shared/image/pointInPolygon.ts';

/** A point given relative to the drawn map's centre (CSS px) in continuous pixel coordinates. */
export function pixelPointAt(
  dx: number,
  dy: number,
  width: number,
  height: number,
  scale: number,
  angleDeg: number,
): Point2 {
  const a = (angleDeg * Math.PI) / 180;
  // Undo CSS rotate(a) (screen y down): rotate the point by −a.
  const x = dx * Math.cos(a) + dy * Math.sin(a);
  const y = -dx * Math.sin(a) + dy * Math.cos(a);
  return { x: x / scale + width / 2, y: height / 2 - y / scale };
}

/**
 * The grid pixel under a point given relative to the drawn map's centre in CSS px, for a map of
 * `width × height` pixels drawn `scale` CSS px per pixel and rotated by `angleDeg` clockwise (the
 * Nanonis frame angle, see gridRegistration.ts; CSS rotate(angle)); null outside the grid.
 */
export function pixelAt(
  dx: number,
  dy: number,
  width: number,
  height: number,
  scale: number,
  angleDeg: number,
): { column: number; row: number } | null {
  const point = pixelPointAt(dx, dy, width, height, scale, angleDeg);
  const column = Math.floor(point.x);
  const row = Math.floor(point.y);
  if (column < 0 || column >= width || row < 0 || row >= height) return null;
  return { column, row };
}

/**
 * The four corners (pixel coordinates) of a box dragged on screen between two points relative to
 * the map centre: a rectangle on screen, so a rectangle turned by the frame angle in pixels.
 */
export function screenBox(
  a: { dx: number; dy: number },
  b: { dx: number; dy: number },
  width: number,
  height: number,
  scale: number,
  angleDeg: number,
): Point2[] {
  return [
    [a.dx, a.dy],
    [b.dx, a.dy],
    [b.dx, b.dy],
    [a.dx, b.dy],
  ].map(([x, y]) => pixelPointAt(x!, y!, width, height, scale, angleDeg));
}

/** Pixels (file order indices, row × width + column) whose centres lie inside the polygon. */
export function pixelsInside(polygon: readonly Point2[], width: number, height: number): number[] {
  if (polygon.length < 3) return [];
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  const c0 = Math.max(0, Math.floor(Math.min(...xs)));
  const c1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
  const r0 = Math.max(0, Math.floor(Math.min(...ys)));
  const r1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  const out: number[] = [];
  for (let row = r0; row <= r1; row++)
    for (let column = c0; column <= c1; column++)
      if (pointInPolygon({ x: column + 0.5, y: row + 0.5 }, polygon)) out.push(row * width + column);
  return out;
}
