// Plane fit of the background only: particles standing on a substrate pull an ordinary plane fit
// towards them and leave the substrate tilted. Iterative sigma clipping: fit, keep the pixels whose
// residual lies within `clip` robust standard deviations (1.4826 · MAD) of the median residual,
// fit again on those, until the kept set stops changing.
import { medianInPlace } from '../analysis/quickselect.ts';
import { fitPlane, planeAt } from './fitPlane.ts';
import type { Plane } from './fitPlane.ts';
import { assertScalarImage } from './types.ts';
import type { ScalarImage } from './types.ts';

export interface RobustPlaneOptions {
  /** Half-width of the kept band, in robust standard deviations; default 2.5. */
  clip?: number;
  /** Most refits; default 10. */
  iterations?: number;
}

/** MAD of a normal distribution times this is its standard deviation. */
const MAD_TO_SIGMA = 1.4826;

export function fitPlaneRobust(image: ScalarImage, options: RobustPlaneOptions = {}): Plane | null {
  assertScalarImage(image);
  const clip = options.clip ?? 2.5;
  const iterations = options.iterations ?? 10;
  const { data, width, height } = image;
  const n = width * height;
  let mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = Number.isFinite(data[i] as number) ? 1 : 0;
  let plane = fitPlane(image);
  const residual = new Float64Array(n);
  const scratch = new Float64Array(n);
  for (let iteration = 0; plane && iteration < iterations; iteration++) {
    let kept = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        residual[i] = (data[i] as number) - planeAt(plane, x, y);
        if (mask[i]) scratch[kept++] = residual[i] as number;
      }
    }
    const median = medianInPlace(scratch, kept);
    for (let k = 0; k < kept; k++) scratch[k] = Math.abs((scratch[k] as number) - median);
    const sigma = MAD_TO_SIGMA * medianInPlace(scratch, kept);
    if (!(sigma > 0)) break;
    const next = new Uint8Array(n);
    let count = 0;
    let changed = false;
    for (let i = 0; i < n; i++) {
      const keep = Math.abs((residual[i] as number) - median) <= clip * sigma ? 1 : 0;
      next[i] = keep;
      count += keep;
      if (keep !== mask[i]) changed = true;
    }
    if (!changed || count < 3) break;
    mask = next;
    plane = fitPlane(image, mask);
  }
  return plane;
}
