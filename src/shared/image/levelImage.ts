// Levelling of a scan image: one entry point for every method, whole-image or a band of rows at a
// time (the renderer levels large images in bands so the UI stays responsive).
import { fitPlane, planeAt } from './fitPlane.ts';
import { fitPlaneRobust } from './fitPlaneRobust.ts';
import type { Plane } from './fitPlane.ts';
import { levelLineOffsetRows, levelLineSlopeRows } from './levelLines.ts';
import { assertScalarImage } from './types.ts';
import type { LevellingMethod, ScalarImage } from './types.ts';

/**
 * What must be known about the whole image before rows can be levelled independently: the plane
 * for a plane fit, nothing for the other methods.
 */
export interface LevellingPlan {
  method: LevellingMethod;
  plane: Plane | null;
}

export function planLevelling(image: ScalarImage, method: LevellingMethod): LevellingPlan {
  assertScalarImage(image);
  if (method === 'plane') return { method, plane: fitPlane(image) };
  if (method === 'plane-robust') return { method, plane: fitPlaneRobust(image) };
  return { method, plane: null };
}

/** Levels rows [rowStart, rowEnd) of `image` into `out` (same layout); NaN pixels stay NaN. */
export function levelRows(
  image: ScalarImage,
  plan: LevellingPlan,
  out: Float64Array,
  rowStart: number,
  rowEnd: number,
): void {
  const { data, width } = image;
  const end = Math.min(rowEnd, image.height);
  if (plan.method === 'line-offset') return levelLineOffsetRows(image, out, rowStart, end, 'median');
  if (plan.method === 'line-slope') return levelLineSlopeRows(image, out, rowStart, end);
  const plane = plan.plane;
  for (let y = rowStart; y < end; y++) {
    for (let x = 0; x < width; x++) {
      const z = data[y * width + x] as number;
      // An all-NaN image has no plane: its pixels stay NaN either way.
      out[y * width + x] = plane ? z - planeAt(plane, x, y) : z;
    }
  }
}

/** The levelled image as Float64Array, computed in one go. */
export function levelImage(image: ScalarImage, method: LevellingMethod): Float64Array {
  const plan = planLevelling(image, method);
  const out = new Float64Array(image.width * image.height);
  levelRows(image, plan, out, 0, image.height);
  return out;
}
