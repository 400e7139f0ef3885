import { describe, expect, it } from 'vitest';
import { axisPrefix, decimalsForStep, formatSiRange, tickLabels } from './siAxis.ts';

describe('tickLabels', () => {
  it('one prefix, decimals from the step', () => {
    const [factor, symbol] = axisPrefix(2e-9, 'A');
    expect(symbol).toBe('n');
    expect(tickLabels([-1e-9, -0.5e-9, 0, 0.5e-9, 1e-9], factor)).toEqual([
      '−1.0',
      '−0.5',
      '0.0',
      '0.5',
      '1.0',
    ]);
    expect(tickLabels([-0.2, 0, 0.2], 1)).toEqual(['−0.2', '0.0', '0.2']);
  });
  it('decimals for steps', () => {
    expect(decimalsForStep(0.25)).toBe(2);
    expect(decimalsForStep(5)).toBe(0);
    expect(decimalsForStep(0.1)).toBe(1);
  });
  it('units without prefix', () => {
    expect(axisPrefix(0.001, 'deg')).toEqual([1, '']);
  });
});

describe('formatSiRange', () => {
  it('tells close ends apart', () => {
    expect(formatSiRange(105.12e-9, 105.84e-9, 'm')).toEqual(['105.12 nm', '105.84 nm']);
  });
  it('wide range', () => {
    expect(formatSiRange(-0.383e-9, 4.7e-9, 'm')).toEqual(['−0.4 nm', '4.7 nm']);
  });
  it('constant', () => {
    expect(formatSiRange(2e-9, 2e-9, 'm')).toEqual(['2.00 nm', '2.00 nm']);
  });
});
