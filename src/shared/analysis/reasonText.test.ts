// The numbers in flag and edge reasons: digits that show, biases that differ.
import { describe, expect, it } from 'vitest';
import { biasPairText, currentText } from './reasonText.ts';

describe('currentText', () => {
  it('gives whole pA from 0.5 pA up, as before, and fA with three digits below', () => {
    expect(currentText(-6.2149e-12)).toBe('-6 pA');
    expect(currentText(1.234e-9)).toBe('1234 pA');
    expect(currentText(0.5e-12)).toBe('1 pA');
    expect(currentText(-5.65e-14)).toBe('-56.5 fA');
    expect(currentText(3.7e-16)).toBe('0.37 fA');
    expect(currentText(0)).toBe('0 fA');
  });
});

describe('biasPairText', () => {
  it('writes 3 decimals, more only where they would print the two alike', () => {
    expect(biasPairText(-0.976, -0.969)).toBe('-0.976 and -0.969 V');
    expect(biasPairText(0.19822, 0.19841)).toBe('0.1982 and 0.1984 V');
    expect(biasPairText(0.1000001, 0.1000002)).toBe('0.100000 and 0.100000 V');
  });
});
