// Where grid pixels are on the sample (metres, the coordinates of spectrum X/Y and .sxm frames):
// pixel centres (not edges) of a pointsX × pointsY lattice filling the `Grid settings` frame,
// row 0 at −y, rotated about the frame centre by the angle, clockwise positive (as .sxm scans;
// checked against the X/Y parameters Nanonis stores in every pixel of the real grids).
import type { ImageFrame } from '../formats/types.ts';

export function gridPixelCentre(
  frame: ImageFrame,
  pointsX: number,
  pointsY: number,
  column: number,
  row: number,
): { x: number; y: number } {
  const localX = ((column + 0.5) / pointsX - 0.5) * frame.width;
  const localY = ((row + 0.5) / pointsY - 0.5) * frame.height;
  const theta = (frame.angleDeg * Math.PI) / 180;
  return {
    x: frame.centreX + localX * Math.cos(theta) + localY * Math.sin(theta),
    y: frame.centreY - localX * Math.sin(theta) + localY * Math.cos(theta),
  };
}

/** Centres of every pixel in file order (index = row × pointsX + column), metres. */
export function gridPixelCentres(
  frame: ImageFrame,
  pointsX: number,
  pointsY: number,
): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(pointsX * pointsY);
  const y = new Float64Array(pointsX * pointsY);
  for (let row = 0; row < pointsY; row++)
    for (let column = 0; column < pointsX; column++) {
      const c = gridPixelCentre(frame, pointsX, pointsY, column, row);
      x[row * pointsX + column] = c.x;
      y[row * pointsX + column] = c.y;
    }
  return { x, y };
}
