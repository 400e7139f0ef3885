// Axis units with one SI prefix per axis (e.g. nA/V), chosen from the largest magnitude shown,
// and tick text without trailing noise.
import { siPrefix } from '../../lib/axisKit.ts';

export interface AxisUnit {
  /** Data value (SI) per displayed unit. */
  factor: number;
  /** Displayed unit, e.g. "nA/V"; "" for dimensionless quantities. */
  unit: string;
}

export function axisUnit(domain: readonly [number, number], unit: string): AxisUnit {
  if (unit === '' || unit === 'V' || unit === 'eV') return { factor: 1, unit };
  const { factor, symbol } = siPrefix(Math.max(Math.abs(domain[0]), Math.abs(domain[1])), unit);
  return { factor, unit: symbol + unit };
}

/** Fixed decimals with a true minus sign, for annotations and tables. */
export function fixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits).replace('-', '−');
}

/** "mean ± std" with fixed decimals. */
export function meanStd(mean: number | null, std: number | null, digits: number): string {
  if (mean === null) return '—';
  return std === null ? fixed(mean, digits) : `${fixed(mean, digits)} ± ${fixed(std, digits)}`;
}
