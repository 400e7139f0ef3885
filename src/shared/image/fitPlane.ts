// Least-squares plane z = offset + slopeX·(x − meanX) + slopeY·(y − meanY) through the finite
// pixels (x = column index, y = row index), as numpy.linalg.lstsq on the finite pixels gives.
import { assertScalarImage } from './types.ts';
import type { ScalarImage } from './types.ts';

export interface Plane {
  /** Mean of the finite pixels, in the image's unit. */
  offset: number;
  /** Unit per pixel along a row (x, to the right) and down the rows (y). */
  slopeX: number;
  slopeY: number;
  /** Mean column and row index of the finite pixels: the plane's origin. */
  meanX: number;
  meanY: number;
}

/** Relative size under which the 2 × 2 slope system counts as singular (all pixels on a line). */
const SINGULAR = 1e-12;

/**
 * The least-squares plane, or null when no pixel is finite. With `mask`, only pixels whose mask
 * entry is non-zero take part.
 */
export function fitPlane(image: ScalarImage, mask?: Uint8Array): Plane | null {
  assertScalarImage(image);
  const { data, width, height } = image;
  // Pass 1: means of x, y and z over the finite pixels (centring keeps the sums well conditioned).
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  let sumZ = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const z = data[y * width + x] as number;
      if (!Number.isFinite(z) || (mask && !mask[y * width + x])) continue;
      n++;
      sumX += x;
      sumY += y;
      sumZ += z;
    }
  }
  if (n === 0) return null;
  const meanX = sumX / n;
  const meanY = sumY / n;
  const offset = sumZ / n;
  // Pass 2: centred second moments.
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sxz = 0;
  let syz = 0;
  for (let y = 0; y < height; y++) {
    const dy = y - meanY;
    for (let x = 0; x < width; x++) {
      const z = data[y * width + x] as number;
      if (!Number.isFinite(z) || (mask && !mask[y * width + x])) continue;
      const dx = x - meanX;
      const dz = z - offset;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
      sxz += dx * dz;
      syz += dy * dz;
    }
  }
  const det = sxx * syy - sxy * sxy;
  if (det > SINGULAR * sxx * syy && det > 0) {
    return {
      offset,
      slopeX: (sxz * syy - syz * sxy) / det,
      slopeY: (syz * sxx - sxz * sxy) / det,
      meanX,
      meanY,
    };
  }
  // The finite pixels lie on one line (one row, one column or a diagonal) with unit direction e:
  // fit along that line only, the minimum-norm solution numpy.linalg.lstsq gives.
  const norm = sxx + syy;
  if (norm === 0) return { offset, slopeX: 0, slopeY: 0, meanX, meanY };
  const [ax, ay] = sxx > 0 ? [sxx, sxy] : [sxy, syy];
  const length = Math.hypot(ax, ay);
  const ex = ax / length;
  const ey = ay / length;
  const slope = (ex * sxz + ey * syz) / norm;
  return { offset, slopeX: slope * ex, slopeY: slope * ey, meanX, meanY };
}

/** Plane value at column x, row y. */
export function planeAt(plane: Plane, x: number, y: number): number {
  return plane.offset + plane.slopeX * (x - plane.meanX) + plane.slopeY * (y - plane.meanY);
}
