// Input checks shared by the analysis functions. Bad arguments are programming errors and throw
// RangeError; bad data (too few points, no peak) is reported through results instead.
import type { NumberArray } from './types.ts';

export function assertNumberArray(value: unknown, name: string): asserts value is NumberArray {
  const ok =
    Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView)) ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { length?: unknown }).length === 'number');
  if (!ok) throw new RangeError(`${name} must be an array of numbers`);
}

export function assertSameLength(a: NumberArray, b: NumberArray, names: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${names} must have the same length (got ${a.length} and ${b.length})`);
  }
}

export function assertIntegerInRange(value: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}] (got ${value})`);
  }
}

export function assertPositive(value: number, name: string): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive finite number (got ${value})`);
  }
}
