// Pure helpers of the Grid view: which map to show, its unit, and screen ↔ pixel geometry of a
// grid drawn rotated by its frame angle (row 0 at the bottom, as the frame's +y points up).
import type { MapName } from '../../../shared/grid/gridMaps.ts';

export type AnalysisMapName = MapName | 'flags';

export const ANALYSIS_MAPS: Array<{ name: AnalysisMapName; title: string; unit: string }> = [
  { name: 'gap', title: 'Gap Eg', unit: 'V' },
  { name: 'vbm', title: 'VBM', unit: 'V' },
  { name: 'cbm', title: 'CBM', unit: 'V' },
  { name: 'deepTrap', title: 'Deep-trap integral', unit: 'V' },
  { name: 'inGap', title: 'In-gap density', unit: 'V' },
  { name: 'flags', title: 'Quality flags', unit: '' },
];

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
  const a = (angleDeg * Math.PI) / 180;
  // Undo CSS rotate(a) (screen y down): rotate the point by −a.
  const x = dx * Math.cos(a) + dy * Math.sin(a);
  const y = -dx * Math.sin(a) + dy * Math.cos(a);
  const column = Math.floor(x / scale + width / 2);
  const rowFromTop = Math.floor(y / scale + height / 2);
  const row = height - 1 - rowFromTop;
  if (column < 0 || column >= width || row < 0 || row >= height) return null;
  return { column, row };
}

/** Pixel indices along a line from one pixel to another (nearest pixel at each step, no repeats). */
export function lineCutPixels(
  from: { column: number; row: number },
  to: { column: number; row: number },
  width: number,
): number[] {
  const steps = Math.max(Math.abs(to.column - from.column), Math.abs(to.row - from.row), 1);
  const out: number[] = [];
  for (let k = 0; k <= steps; k++) {
    const c = Math.round(from.column + ((to.column - from.column) * k) / steps);
    const r = Math.round(from.row + ((to.row - from.row) * k) / steps);
    const pixel = r * width + c;
    if (out.at(-1) !== pixel) out.push(pixel);
  }
  return out;
}

/** Finite min/max of a map, or null when it has no value. */
export function finiteRange(values: ArrayLike<number>): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? { lo, hi } : null;
}
