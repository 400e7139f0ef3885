// A scalar image as the library stores it: row-major, row 0 at the top, one value per pixel in
// the channel's unit (metres for Z). NaN marks pixels that were not measured (aborted scans).
export interface ScalarImage {
  data: ArrayLike<number>;
  /** Pixels per row and number of rows. */
  width: number;
  height: number;
}

export type LevellingMethod = 'none' | 'plane' | 'plane-robust' | 'line-offset' | 'line-slope';

/** Each method with the title its menu shows and the short name a figure title uses. */
export const LEVELLING_METHODS: ReadonlyArray<{
  method: LevellingMethod;
  title: string;
  figureName: string;
}> = [
  { method: 'none', title: 'None (raw)', figureName: 'raw' },
  { method: 'plane', title: 'Plane fit (all pixels)', figureName: 'plane subtracted' },
  {
    method: 'plane-robust',
    title: 'Plane fit, background (particles excluded)',
    figureName: 'background plane subtracted',
  },
  { method: 'line-offset', title: 'Line offset (median)', figureName: 'line offsets (median) subtracted' },
  { method: 'line-slope', title: 'Line slope (linear fit per row)', figureName: 'line fits subtracted' },
];

/**
 * The default levelling of a channel: a background plane for heights (Z, in metres), none for
 * current, Δf, lock-in and the rest, whose absolute values mean something.
 */
export function defaultLevelling(channel: string, unit: string): LevellingMethod {
  return channel.trim().toLowerCase() === 'z' || unit === 'm' ? 'plane-robust' : 'none';
}

export function assertScalarImage(image: ScalarImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(`image size must be positive integers, got ${width} × ${height}`);
  if (data.length !== width * height)
    throw new RangeError(`image of ${width} × ${height} needs ${width * height} values, got ${data.length}`);
}
