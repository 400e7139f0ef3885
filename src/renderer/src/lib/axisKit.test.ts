import { describe, expect, it } from 'vitest';
import { axisLabels, colourBarTicks, formatSi, niceLength, niceTicks, siPrefix } from './axisKit.ts';

/** Ticks in nm, rounded to remove binary noise. */
const nm = (values: number[]): number[] => values.map((t) => Number((t * 1e9).toFixed(6)));

describe('niceTicks', () => {
  it('simple case', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-2, 2, 8)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
  });
  it('nanometre range across zero', () => {
    expect(nm(niceTicks(-2.112e-9, 3.481e-9))).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(nm(niceTicks(-2.112e-9, 3.481e-9, 3))).toEqual([-2, 0, 2]);
  });
  it('inside the range only', () => {
    expect(niceTicks(-1.28, 1.69, 6)).toEqual([-1, -0.5, 0, 0.5, 1, 1.5]);
  });
  it('empty or reversed range', () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(2, 1)).toEqual([]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
  });
});

describe('niceLength', () => {
  it('1, 2 or 5 × 10^k near a quarter of the span', () => {
    expect(niceLength(100e-9)).toBeCloseTo(20e-9, 20);
    // 7.5 nm wanted: 10 is nearer than 5 on a log scale (d3's rule).
    expect(niceLength(30e-9)).toBeCloseTo(10e-9, 20);
    expect(niceLength(18e-9)).toBeCloseTo(5e-9, 20);
    expect(niceLength(7e-6)).toBeCloseTo(2e-6, 20);
    expect(niceLength(0)).toBe(0);
  });
});

describe('SI prefixes', () => {
  it('prefix for a magnitude', () => {
    expect(siPrefix(2e-9, 'A')).toEqual({ factor: 1e-9, symbol: 'n' });
    expect(siPrefix(1e-9, 'A')).toEqual({ factor: 1e-9, symbol: 'n' });
    expect(siPrefix(4.5e-6, 'm')).toEqual({ factor: 1e-6, symbol: 'µ' });
    expect(siPrefix(0.3, 'V')).toEqual({ factor: 1e-3, symbol: 'm' });
    expect(siPrefix(0.001, 'deg')).toEqual({ factor: 1, symbol: '' });
    expect(siPrefix(0, 'A')).toEqual({ factor: 1, symbol: '' });
  });
  it('formatted values', () => {
    expect(formatSi(1.2e-9, 'A')).toBe('1.2 nA');
    expect(formatSi(-3.237e-11, 'm', 4)).toBe('−32.37 pm');
    expect(formatSi(1.5, 'V', 4)).toBe('1.5 V');
    expect(formatSi(0, 'V')).toBe('0 V');
    expect(formatSi(Number.NaN, 'V')).toBe('—');
    expect(formatSi(12.5, '%')).toBe('12.5 %');
  });
});

describe('axis labels', () => {
  it('one prefix, decimals from the step', () => {
    const { labels, prefix } = axisLabels([-1e-9, -0.5e-9, 0, 0.5e-9, 1e-9], 'A');
    expect(prefix.symbol).toBe('n');
    expect(labels).toEqual(['−1.0', '−0.5', '0.0', '0.5', '1.0']);
    expect(axisLabels([-0.2, 0, 0.2], '').labels).toEqual(['−0.2', '0.0', '0.2']);
    expect(axisLabels([0, 0.25, 0.5], '').labels).toEqual(['0.00', '0.25', '0.50']);
    // The largest tick sets the prefix: 0.5 nA is 500 pA.
    expect(axisLabels([0, 0.25e-9, 0.5e-9], 'A')).toEqual({
      labels: ['0', '250', '500'],
      prefix: { factor: 1e-12, symbol: 'p' },
    });
    expect(axisLabels([0, 0.25e-9, 0.5e-9, 0.75e-9, 1e-9], 'A').labels).toEqual([
      '0.00',
      '0.25',
      '0.50',
      '0.75',
      '1.00',
    ]);
    // Steps that carry binary noise once divided by their prefix still get one decimal.
    expect(axisLabels([0, 0.1e-9, 0.2e-9, 1.1e-9], 'A/V').labels).toEqual(['0.0', '0.1', '0.2', '1.1']);
    expect(axisLabels([0, 0.1, 0.2, 0.3], '').labels).toEqual(['0.0', '0.1', '0.2', '0.3']);
    expect(axisLabels([0, 500e-9, 1000e-9], 'm')).toEqual({
      labels: ['0.0', '0.5', '1.0'],
      prefix: { factor: 1e-6, symbol: 'µ' },
    });
  });
  it('colour-bar ticks in one unit', () => {
    // The topography that read "4.596 nm / −32.37 pm": round ticks, all in nm.
    const bar = colourBarTicks({ lo: -32.37e-12, hi: 4.596e-9 }, 'Z', 'm', 5);
    expect(bar.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(bar.title).toBe('Z (nm)');
  });
});

describe('colourBarTicks', () => {
  it('plain round ticks with the prefix named once in the title', () => {
    const { ticks, title } = colourBarTicks({ lo: -0.3e-9, hi: 4.596e-9 }, 'Z', 'm', 6);
    expect(title).toBe('Z (nm)');
    expect(ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    // Top of the bar is the high end: 4 nm sits (4.596 − 4) / 4.896 from the top.
    expect(ticks[4]!.fraction).toBeCloseTo((4.596 - 4) / 4.896, 12);
    expect(ticks[0]!.fraction).toBeCloseTo(4.596 / 4.896, 12);
  });
  it('picoamperes of a current image, and a quantity without a unit', () => {
    expect(colourBarTicks({ lo: -32.37e-12, hi: 10e-12 }, 'Current', 'A', 4).title).toBe('Current (pA)');
    expect(colourBarTicks({ lo: 0, hi: 3 }, 'Quality flags', '', 4).title).toBe('Quality flags');
  });
  it('a constant image: one tick in the middle, its value to four digits, "constant" in the title', () => {
    const { ticks, title } = colourBarTicks({ lo: 2e-9, hi: 2e-9 }, 'Z', 'm', 6);
    expect(title).toBe('Z (nm), constant');
    expect(ticks).toEqual([{ value: 2e-9, label: '2', fraction: 0.5 }]);
    // Image_445.sxm's Z as recorded: −14.3046… nm.
    const real = colourBarTicks({ lo: -1.43046099410071e-8, hi: -1.43046099410071e-8 }, 'Z', 'm', 6);
    expect(real.ticks[0]!.label).toBe('−14.3');
    expect(real.title).toBe('Z (nm), constant');
    expect(colourBarTicks({ lo: 5.7986, hi: 5.7986 }, 'T', 'V', 6).ticks[0]!.label).toBe('5.799');
  });
});
