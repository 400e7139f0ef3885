// STS-ANALYSIS.md step 8: in-gap state density of a VB-peak-normalised dI/dV spectrum
// (dimensionless, so the integrals are in V). Deep traps: ∫ over [deep[0], deep[1]]
// (default [−0.8, 1.0] V). Shallow traps: [VBM, deep[0]] and [deep[1], CBM], each only when it is
// non-empty (VBM < deep[0], CBM > deep[1]) and its edge is known; otherwise null.
// A window not fully inside the sweep's bias range is null (no extrapolation).
import { integrateWindow } from './integrateWindow.ts';
import type { NumberArray } from './types.ts';

export interface TrapWindowOptions {
  /** Valence-band maximum, V, or null when unknown. */
  vbm: number | null;
  /** Conduction-band minimum, V, or null when unknown. */
  cbm: number | null;
  /** Deep-trap window, V. Default [−0.8, 1.0]. */
  deep?: readonly [number, number];
}

export interface TrapWindows {
  /** ∫ normalised dI/dV dV over the deep window, V. */
  deep: number | null;
  /** Over [VBM, deep[0]], V. */
  shallowVb: number | null;
  /** Over [deep[1], CBM], V. */
  shallowCb: number | null;
}

export const DEFAULT_DEEP_WINDOW: readonly [number, number] = [-0.8, 1.0];

export function trapWindows(
  bias: NumberArray,
  normDidv: NumberArray,
  options: TrapWindowOptions,
): TrapWindows {
  const { vbm, cbm, deep = DEFAULT_DEEP_WINDOW } = options;
  const [deepLo, deepHi] = deep;
  return {
    deep: integrateWindow(bias, normDidv, deepLo, deepHi),
    shallowVb: vbm !== null && vbm < deepLo ? integrateWindow(bias, normDidv, vbm, deepLo) : null,
    shallowCb: cbm !== null && cbm > deepHi ? integrateWindow(bias, normDidv, deepHi, cbm) : null,
  };
}
