import { describe, expect, it } from 'vitest';
import { finiteOrNull, numberOrNaN, parseNumberAt, parseNumberInBytes } from './numbers.ts';

function parse(cell: string): number | undefined {
  return parseNumberAt(cell, 0, cell.length);
}

describe('parseNumberAt', () => {
  it('matches Number() exactly for the shapes Nanonis writes', () => {
    for (const cell of [
      '-132.523E-12',
      '200.000E-3',
      '1.00000E+0',
      '45.9004E+6',
      '0E+0',
      '-8.73963E-15',
      '999.99997E-12',
    ]) {
      expect(parse(cell)).toBe(Number(cell));
    }
  });

  it('falls back to the general parser for long mantissas and large exponents', () => {
    for (const cell of ['1.2345678901234567890', '1e300', '-4.5e-320', '123456789012345678', '1.5E-30']) {
      expect(parse(cell)).toBe(Number(cell));
    }
  });

  it('reads a slice without the surrounding text', () => {
    const text = 'ab\t-1.5E-3\tcd';
    expect(parseNumberAt(text, 3, 10)).toBe(-1.5e-3);
  });

  it('gives NaN for empty cells and NaN, infinities for Inf', () => {
    expect(parse('')).toBeNaN();
    expect(parse('  ')).toBeNaN();
    expect(parse('NaN')).toBeNaN();
    expect(parse('Inf')).toBe(Infinity);
    expect(parse('-Inf')).toBe(-Infinity);
  });

  it('accepts explicit plus signs, leading dots and three-digit exponents', () => {
    expect(parse('+9.50716e-02')).toBe(0.0950716);
    expect(parse('.5')).toBe(0.5);
    expect(parse('-9.28633e+008')).toBe(-9.28633e8);
  });

  it('refuses text that is not a decimal number', () => {
    for (const cell of ['abc', '1.2.3', '0x10', '1e', '--1', '1_000', 'constructor', '1,5', 'E5']) {
      expect(parse(cell)).toBeUndefined();
    }
  });
});

describe('header numbers', () => {
  it('numberOrNaN keeps N/A as NaN', () => {
    expect(numberOrNaN('N/A')).toBeNaN();
    expect(numberOrNaN(undefined)).toBeNaN();
    expect(numberOrNaN(' -19.4904E-9 ')).toBe(-19.4904e-9);
  });

  it('finiteOrNull drops absent, empty and infinite values', () => {
    expect(finiteOrNull(undefined)).toBeNull();
    expect(finiteOrNull('')).toBeNull();
    expect(finiteOrNull('Inf')).toBeNull();
    expect(finiteOrNull('5E-12')).toBe(5e-12);
  });
});

describe('parseNumberInBytes', () => {
  it('agrees with parseNumberAt on every shape', () => {
    const cells = [
      '-132.523E-12',
      '1e300',
      '-4.5e-320',
      '123456789012345678',
      '1.5E-30',
      '',
      ' NaN ',
      '-Inf',
      '+9.50716e-02',
      '.5',
      'abc',
      '1.2.3',
      '0x10',
      '1e',
      '--1',
      'E5',
      '1e999',
      '7',
    ];
    for (const cell of cells) {
      const bytes = new TextEncoder().encode(`\t${cell}\t`);
      const fromBytes = parseNumberInBytes(bytes, 1, bytes.length - 1);
      const fromText = parseNumberAt(cell, 0, cell.length);
      expect([cell, fromBytes]).toEqual([cell, fromText]);
    }
  });
});
