// Pure helpers of the Grid view: which map to show, its unit, the pixels of a line cut (screen ↔
// pixel geometry is in gridRegion.ts).
import type { MapName } from '../../../shared/grid/gridMaps.ts';

/** Width of the Grid view's plots before their column is measured (and at least), CSS px. */
export const PLOT_WIDTH = 420;

export type AnalysisMapName = MapName | 'flags';

export const ANALYSIS_MAPS: Array<{ name: AnalysisMapName; title: string; unit: string }> = [
  { name: 'gap', title: 'Gap Eg', unit: 'eV' },
  { name: 'vbm', title: 'VBM', unit: 'eV' },
  { name: 'cbm', title: 'CBM', unit: 'eV' },
  { name: 'deepTrap', title: 'Deep-trap integral', unit: 'V' },
  { name: 'inGap', title: 'In-gap density', unit: 'V' },
  { name: 'flags', title: 'Quality flags', unit: '' },
];

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
