// Lasso selection: whether a point lies inside a closed polygon (even–odd rule, ray casting).
export interface Point2 {
  x: number;
  y: number;
}

/** True when `point` is inside `polygon` (closed implicitly; fewer than 3 vertices enclose nothing). */
export function pointInPolygon(point: Point2, polygon: readonly Point2[]): boolean {
  if (polygon.length < 3) return false;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point2;
    const b = polygon[j] as Point2;
    if (a.y > point.y !== b.y > point.y) {
      const crossX = a.x + ((point.y - a.y) / (b.y - a.y)) * (b.x - a.x);
      if (point.x < crossX) inside = !inside;
    }
  }
  return inside;
}
