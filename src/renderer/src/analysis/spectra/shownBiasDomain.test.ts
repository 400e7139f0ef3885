// The Spectra figure's bias axis follows the groups shown (real files: ±5 mV beside ±10 V).
import { describe, expect, it } from 'vitest';
import { shownBiasDomain } from './SpectraFigure.tsx';

const group = (label: string, lo: number, hi: number) => ({
  label,
  bias: Float64Array.from({ length: 101 }, (_, i) => lo + ((hi - lo) * i) / 100),
});

describe('shownBiasDomain', () => {
  const groups = [group('core', -0.005, -0.004), group('crown-edge', -10, 10)];
  it('spans every shown group, and only those', () => {
    expect(shownBiasDomain(groups, new Set())).toEqual([-10, 10]);
    const [lo, hi] = shownBiasDomain(groups, new Set(['crown-edge']));
    expect(lo).toBeCloseTo(-0.005, 15);
    expect(hi).toBeCloseTo(-0.004, 15);
  });
  it('keeps every group’s range while all are hidden', () => {
    expect(shownBiasDomain(groups, new Set(['core', 'crown-edge']))).toEqual([-10, 10]);
  });
});
