// Units as written in text exports (`nA`, `mV`, `µA`, `Å` …) mapped to SI: a base unit and the
// power of ten that converts values to it. Compound units (`A/V`, `Vrms`) are kept as written.

export interface SiUnit {
  /** SI unit the values are converted to, e.g. `A` for `nA`. */
  unit: string;
  /** Power of ten that converts a written value to SI (nA -> -9). */
  exponent: number;
}

const BASES = new Set(['V', 'A', 'm', 's', 'Hz', 'S', 'Ohm', 'Ω', 'K', 'T', 'N']);

const PREFIXES = new Map<string, number>([
  ['a', -18],
  ['f', -15],
  ['p', -12],
  ['n', -9],
  ['u', -6],
  ['µ', -6], // U+00B5 micro sign
  ['μ', -6], // U+03BC Greek mu
  ['m', -3],
  ['c', -2],
  ['k', 3],
  ['M', 6],
  ['G', 9],
]);

const SPECIAL = new Map<string, SiUnit>([
  ['Å', { unit: 'm', exponent: -10 }],
  ['Angstrom', { unit: 'm', exponent: -10 }],
]);

/** The SI form of a simple unit, or null when the text is not one (names such as `X`, `Bias`). */
export function siUnit(written: string): SiUnit | null {
  const unit = written.trim();
  if (unit === '') return null;
  const special = SPECIAL.get(unit);
  if (special) return special;
  if (BASES.has(unit)) return { unit, exponent: 0 };
  const prefix = PREFIXES.get(unit.charAt(0));
  const rest = unit.slice(1);
  if (prefix !== undefined && BASES.has(rest)) return { unit: rest, exponent: prefix };
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
