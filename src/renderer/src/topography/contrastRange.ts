// The colour scale's range: automatic (percentiles of the finite pixels, so spikes do not wash
// out the image), the full range, or the user's own limits (in the channel's unit).
import { percentileRange } from '../lib/contrast.ts';

export type ContrastMode = 'auto' | 'auto-wide' | 'full' | 'manual';

export const CONTRAST_MODES: ReadonlyArray<{ mode: ContrastMode; title: string }> = [
  { mode: 'auto', title: 'Auto 1–99 %' },
  { mode: 'auto-wide', title: 'Auto 0.1–99.9 %' },
  { mode: 'full', title: 'Full range' },
  { mode: 'manual', title: 'Manual' },
];

export interface Range {
  lo: number;
  hi: number;
}

export function contrastRange(data: Float32Array, mode: ContrastMode, manual: Range | null): Range | null {
  if (mode === 'manual' && manual) return manual;
  if (mode === 'auto-wide') return percentileRange(data, 0.1, 99.9);
  if (mode === 'full') return finiteExtent(data);
  return percentileRange(data, 1, 99);
}

/** Exact minimum and maximum of the finite pixels (percentiles subsample large images). */
function finiteExtent(data: Float32Array): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}
