// The quantity the Spectra figure shows, with its axis title and unit, and the columns it uses.
import type { GroupSpectra } from './useGroupCurves.ts';

export type SpectraMode = 'current' | 'didv' | 'normalised';

export const MODE_TITLES: Record<SpectraMode, string> = {
  current: 'I–V',
  didv: 'dI/dV',
  normalised: 'Normalised dI/dV (Feenstra)',
};

export interface ModeColumns {
  y: Float64Array;
  std: Float64Array;
}

export function columnsOf(g: GroupSpectra, mode: SpectraMode, log: boolean): ModeColumns {
  const pick =
    mode === 'current'
      ? [g.current, g.currentStd]
      : mode === 'didv'
        ? [g.didv, g.didvStd]
        : [g.normalised, g.normalisedStd];
  const [y, std] = pick as [Float64Array, Float64Array];
  return { y: log ? y.map(Math.abs) : y, std };
}

/** Axis title; `unit` is the displayed unit with its SI prefix. */
export function axisTitle(mode: SpectraMode, log: boolean, unit: string): string {
  const u = unit ? ` (${unit})` : '';
  if (mode === 'current') return log ? `|I|${u}` : `Tunnelling current I${u}`;
  if (mode === 'didv') return `dI/dV${u}`;
  return 'Normalised conductance (dI/dV)/(I/V)';
}

export function siUnitOf(mode: SpectraMode): string {
  return mode === 'current' ? 'A' : mode === 'didv' ? 'A/V' : '';
}
