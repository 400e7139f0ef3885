// Where grid pixels are on the sample (metres, the coordinates of spectrum X/Y and .sxm frames):
// pixel centres (not edges) of a pointsX × pointsY lattice filling the `Grid settings` frame,
// row 0 at −y, rotated about the frame centre by the angle, clockwise positive (as .sxm scans;
// checked against the X/Y parameters Nanonis stores in every pixel of the real grids).
import { frameToLocal } from '../geometry/frameToLocal.ts';
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

/** A grid drawn on an image: positions in the image's frame, 0…1 (u left → right, v top → bottom). */
export interface GridOverlay {
  /** The grid frame's four corners: (column 0, row 0) corner first, then along the rows, round. */
  corners: Array<{ u: number; v: number }>;
  /** Centres of the written pixels only, file order (an aborted grid's unmeasured ones left out). */
  u: Float64Array;
  v: Float64Array;
}

/** Where a grid's frame and measured pixel centres fall on an image (both frames in metres). */
export function gridOverlayOnImage(
  image: ImageFrame,
  grid: ImageFrame,
  pointsX: number,
  pointsY: number,
  written: number,
): GridOverlay {
  const theta = (grid.angleDeg * Math.PI) / 180;
  const corner = (sx: number, sy: number) => {
    const localX = (sx * grid.width) / 2;
    const localY = (sy * grid.height) / 2;
    return frameToLocal(
      image,
      grid.centreX + localX * Math.cos(theta) + localY * Math.sin(theta),
      grid.centreY - localX * Math.sin(theta) + localY * Math.cos(theta),
    );
  };
  const count = Math.min(written, pointsX * pointsY);
  const u = new Float64Array(count);
  const v = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const c = gridPixelCentre(grid, pointsX, pointsY, p % pointsX, Math.floor(p / pointsX));
    const at = frameToLocal(image, c.x, c.y);
    u[p] = at.u;
    v[p] = at.v;
  }
  return { corners: [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)], u, v };
}
