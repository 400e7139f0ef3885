// dI/dV and Feenstra-normalised dI/dV of single spectra for the Library's overlay. The derivative
// and the broadened I/V are computed in an analysis Web Worker (the renderer's main thread never
// differentiates) with the view's own settings: Savitzky–Golay window/order (starting from the
// analysis recipe) and the Feenstra broadening width ΔV (V), whose exponential kernel keeps the
// broadened I/V away from ~0 at the sweep ends. When the sweep has a lock-in channel it can be
// shown as dI/dV: its in-phase part, scaled to A/V by least squares against the numerical
// derivative (src/shared/analysis lockInDidv).
import { viewPool } from '../lib/viewPool.ts';
import type { SpectrumCurves } from '../../../shared/model/library.ts';
import {
  DEFAULT_RECIPE,
  currentNoiseOf,
  lockInDidv,
  narrowedWindowNote,
  noisyCurrentNote,
  resampleLinear,
} from '../../../shared/analysis/index.ts';
import { isLockInName } from '../../../shared/formats/spectrumColumns.ts';
import { sortedCurve } from './alignCurves.ts';

export const DIDV = 'dI/dV (numerical)';
export const LOCKIN_DIDV = 'dI/dV (lock-in)';
export const NORMALISED = 'Normalised dI/dV (Feenstra)';
export const DERIVED_SIGNALS = [DIDV, LOCKIN_DIDV, NORMALISED];

export interface DerivativeSettings {
  /** Savitzky–Golay window, points (odd). */
  window: number;
  /** Savitzky–Golay polynomial order. */
  order: number;
  /** Feenstra broadening width ΔV, V. */
  deltaV: number;
}

/** The Library's default broadening width, V: narrow enough that the ends keep their own I/V. */
export const DEFAULT_DELTA_V = 0.3;

export interface DerivedCurve {
  x: Float64Array;
  y: Float64Array;
  unit: string;
  /** What the user should know about this curve (e.g. the lock-in fit), or null. */
  note: string | null;
}

/** The lock-in channels of a sweep (X, and Y when recorded: `LI X`/`LI Y`, `LIX`/`LIY`), or null. */
function lockInChannels(spectrum: SpectrumCurves): { x: Float64Array; y: Float64Array | null } | null {
  const lockIns = spectrum.extra.filter((e) => isLockInName(e.name));
  if (lockIns.length === 0) return null;
  const x =
    lockIns.find((e) => /^LI\s*X/i.test(e.name)) ??
    lockIns.find((e) => !/^LI\s*Y/i.test(e.name)) ??
    lockIns[0]!;
  const y = lockIns.find((e) => e !== x && /^LI\s*Y/i.test(e.name));
  return { x: x.values, y: y?.values ?? null };
}

export function hasLockIn(spectrum: SpectrumCurves): boolean {
  return lockInChannels(spectrum) !== null;
}

/** The worker's note on the view's window for this sweep (its uniform grid `bias`), or null. */
function windowNote(bias: Float64Array, settings: DerivativeSettings): string | null {
  if (bias.length < 2) return null;
  const step = (bias[bias.length - 1]! - bias[0]!) / (bias.length - 1);
  const { maxSpan } = DEFAULT_RECIPE.derivative;
  const note = narrowedWindowNote(
    { method: 'savgol', window: settings.window, polyorder: settings.order, maxSpan },
    step,
  );
  return note && `${note} on this sweep`;
}

/** Bias (V, ascending) and the derived signal (A/V, or dimensionless when normalised). */
export async function derivedSignal(
  spectrum: SpectrumCurves,
  signal: string,
  settings: DerivativeSettings,
): Promise<DerivedCurve | null> {
  const result = await (
    await viewPool()
  ).averageAndDifferentiate([{ bias: spectrum.bias, current: spectrum.current }], {
    derivative: { method: 'savgol', window: settings.window, polyorder: settings.order },
    normalisation: { deltaV: settings.deltaV },
  });
  if (!result.ok) return null;
  const [bias, current, , didv, normalised] = result.columns;
  // Both the window's note and, where the current is noisier than the sweep's quietest part, where
  // (the band walk judges edges and in-gap states there against that noise).
  const notes = [windowNote(bias, settings), noisyCurrentNote(bias, currentNoiseOf(current))];
  const note = notes.filter((n) => n !== null).join('. ') || null;
  if (signal === NORMALISED) return { x: bias, y: normalised, unit: '', note };
  if (signal !== LOCKIN_DIDV) return { x: bias, y: didv, unit: 'A/V', note };
  const channels = lockInChannels(spectrum);
  if (!channels) return null;
  // The lock-in on the worker's bias grid (inside the measured range), then scaled to dI/dV.
  const x = sortedCurve(spectrum.bias, channels.x);
  const y = channels.y ? sortedCurve(spectrum.bias, channels.y) : null;
  const onGrid = (c: { x: Float64Array; y: Float64Array }): Float64Array => resampleLinear(c.x, c.y, bias);
  const fit = lockInDidv(onGrid(x), y ? onGrid(y) : null, didv);
  if (!fit.ok)
    return { x: bias, y: new Float64Array(bias.length).fill(Number.NaN), unit: 'A/V', note: fit.reason };
  return {
    x: bias,
    y: fit.didv,
    unit: 'A/V',
    note: `lock-in scaled to the numerical dI/dV: R² = ${fit.r2.toFixed(3)}`,
  };
}
