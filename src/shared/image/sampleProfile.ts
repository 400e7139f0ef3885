// Height profile along a straight line through an image, by bilinear interpolation between the
// four nearest pixel centres (scipy.ndimage.map_coordinates, order=1, inside the image).
import { assertScalarImage } from './types.ts';
import type { ScalarImage } from './types.ts';

/** A point in pixel coordinates: column and row, pixel centres at integers (0 … width − 1). */
export interface PixelPoint {
  x: number;
  y: number;
}

export interface ProfileOptions {
  /** Samples along the line, ends included; default one per pixel of length, plus one. */
  samples?: number;
  /** Size of one pixel along x and y, e.g. metres (frame width / pixels); default 1 (pixels). */
  pixelWidth?: number;
  pixelHeight?: number;
}

export interface Profile {
  /** Distance from the start, in the pixel-size unit (metres when pixel sizes are metres). */
  distance: Float64Array;
  /** Interpolated value; NaN outside the image or where a contributing pixel is NaN. */
  value: Float64Array;
}

/**
 * Bilinear value at (x, y). Within half a pixel of the border the edge pixel is used (the image
 * covers [−0.5, size − 0.5]); further out NaN. A NaN neighbour only matters if its weight is > 0.
 */
export function bilinearAt(image: ScalarImage, x: number, y: number): number {
  const { data, width, height } = image;
  if (!(x >= -0.5 && x <= width - 0.5 && y >= -0.5 && y <= height - 0.5)) return Number.NaN;
  const cx = Math.min(Math.max(x, 0), width - 1);
  const cy = Math.min(Math.max(y, 0), height - 1);
  const x0 = Math.min(Math.floor(cx), Math.max(0, width - 2));
  const y0 = Math.min(Math.floor(cy), Math.max(0, height - 2));
  const fx = width > 1 ? cx - x0 : 0;
  const fy = height > 1 ? cy - y0 : 0;
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  let sum = 0;
  const add = (column: number, row: number, weight: number): void => {
    if (weight === 0) return;
    sum += weight * (data[row * width + column] as number);
  };
  add(x0, y0, (1 - fx) * (1 - fy));
  add(x1, y0, fx * (1 - fy));
  add(x0, y1, (1 - fx) * fy);
  add(x1, y1, fx * fy);
  return Number.isFinite(sum) ? sum : Number.NaN;
}

export function sampleProfile(
  image: ScalarImage,
  start: PixelPoint,
  end: PixelPoint,
  options: ProfileOptions = {},
): Profile {
  assertScalarImage(image);
  const pixelWidth = options.pixelWidth ?? 1;
  const pixelHeight = options.pixelHeight ?? 1;
  const lengthInPixels = Math.hypot(end.x - start.x, end.y - start.y);
  const samples = Math.max(2, Math.round(options.samples ?? Math.ceil(lengthInPixels) + 1));
  const length = Math.hypot((end.x - start.x) * pixelWidth, (end.y - start.y) * pixelHeight);
  const distance = new Float64Array(samples);
  const value = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t = i / (samples - 1);
    distance[i] = t * length;
    value[i] = bilinearAt(image, start.x + t * (end.x - start.x), start.y + t * (end.y - start.y));
  }
  return { distance, value };
}
