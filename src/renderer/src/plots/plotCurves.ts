// What the Library's spectrum view draws: for the chosen signal, one curve per selected sweep, by
// one path for every signal (a recorded channel as measured, or a signal derived in the worker:
// dI/dV, lock-in dI/dV, Feenstra), and the signals the selection offers.
import type { SpectrumCurves } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { queryClient, queryKeys } from '../data/queryClient.ts';
import type { XYCurve } from './alignCurves.ts';
import { sortedCurve } from './alignCurves.ts';
import { DERIVED_SIGNALS, LOCKIN_DIDV, derivedSignal, hasLockIn } from './derivedSignals.ts';
import type { DerivativeSettings } from './derivedSignals.ts';

/** The measured tunnelling current, A. */
export const CURRENT = 'Current';

export interface PlottedCurve {
  spectrum: SpectrumCurves;
  curve: XYCurve;
  unit: string;
  /** What the user should know about this curve (e.g. the lock-in fit), or null. */
  note: string | null;
}

export interface PlottedSignal {
  /** The signal these curves show. */
  signal: string;
  /** Signals the loaded sweeps offer: Current, the derived ones, then recorded channels. */
  signals: string[];
  curves: PlottedCurve[];
}

/** A channel's name without the direction, so forward and backward sweeps share one choice. */
function channelKey(name: string): string {
  return name.replace(/\s*\[bwd\]/, '');
}

/** The sweep's recorded `signal` (Current or an extra channel), sorted by bias; null when absent. */
function recordedCurve(spectrum: SpectrumCurves, signal: string): PlottedCurve | null {
  const channel =
    signal === CURRENT
      ? { values: spectrum.current, unit: 'A' }
      : spectrum.extra.find((e) => channelKey(e.name) === signal);
  if (!channel) return null;
  return { spectrum, curve: sortedCurve(spectrum.bias, channel.values), unit: channel.unit, note: null };
}

async function signalCurve(
  spectrum: SpectrumCurves,
  signal: string,
  settings: DerivativeSettings,
): Promise<PlottedCurve | null> {
  if (!DERIVED_SIGNALS.includes(signal)) return recordedCurve(spectrum, signal);
  const derived = await derivedSignal(spectrum, signal, settings);
  return (
    derived && { spectrum, curve: { x: derived.x, y: derived.y }, unit: derived.unit, note: derived.note }
  );
}

/** The sweeps `ids`, each from the cache when already loaded. */
function loadSpectra(ids: readonly number[]): Promise<SpectrumCurves[]> {
  return Promise.all(
    ids.map((id) =>
      queryClient.fetchQuery({
        queryKey: queryKeys.spectrum(id),
        queryFn: () => getApi().getSpectrum({ id }),
      }),
    ),
  );
}

export async function plotCurves(
  ids: readonly number[],
  signal: string,
  settings: DerivativeSettings,
): Promise<PlottedSignal> {
  const spectra = await loadSpectra(ids);
  const signals = [
    CURRENT,
    ...DERIVED_SIGNALS.filter((name) => name !== LOCKIN_DIDV || spectra.some(hasLockIn)),
    ...new Set(spectra.flatMap((s) => s.extra.map((e) => channelKey(e.name)))),
  ];
  const curves = await Promise.all(spectra.map((s) => signalCurve(s, signal, settings)));
  return { signal, signals, curves: curves.filter((c) => c !== null) };
}
