// Units as written in text exports (`nA`, `mV`, `µA`, `Å` …) mapped to SI: a base unit and the
// factor that converts values to it. Compound units (`A/V`, `Vrms`) are kept as written, factor 1.

export interface SiUnit {
  /** SI unit the values are converted to, e.g. `A` for `nA`. */
  unit: string;
  /** Multiply a written value by this to get SI. */
  factor: number;
}

const BASES = new Set(['V', 'A', 'm', 's', 'Hz', 'S', 'Ohm', 'Ω', 'K', 'T', 'N']);

const PREFIXES = new Map<string, number>([
  ['a', 1e-18],
  ['f', 1e-15],
  ['p', 1e-12],
  ['n', 1e-9],
  ['u', 1e-6],
  ['µ', 1e-6], // U+00B5 micro sign
  ['μ', 1e-6], // U+03BC Greek mu
  ['m', 1e-3],
  ['c', 1e-2],
  ['k', 1e3],
  ['M', 1e6],
  ['G', 1e9],
]);

const SPECIAL = new Map<string, SiUnit>([
  ['Å', { unit: 'm', factor: 1e-10 }],
  ['Angstrom', { unit: 'm', factor: 1e-10 }],
]);

/** The SI form of a simple unit, or null when the text is not one (names such as `X`, `Bias`). */
export function siUnit(written: string): SiUnit | null {
  const unit = written.trim();
  if (unit === '') return null;
  const special = SPECIAL.get(unit);
  if (special) return special;
  if (BASES.has(unit)) return { unit, factor: 1 };
  const prefix = PREFIXES.get(unit.charAt(0));
  const rest = unit.slice(1);
  if (prefix !== undefined && BASES.has(rest)) return { unit: rest, factor: prefix };
  return null;
}

/** True for a current unit (A with any prefix). */
export function isCurrentUnit(unit: SiUnit | null): boolean {
  return unit?.unit === 'A';
}

/** True for a voltage unit (V with any prefix). */
export function isVoltageUnit(unit: SiUnit | null): boolean {
  return unit?.unit === 'V';
}
