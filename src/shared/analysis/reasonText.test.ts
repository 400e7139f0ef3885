// The numbers in flag and edge reasons: digits that show, biases that differ.
import { describe, expect, it } from 'vitest';
import { biasPairText, currentText } from './reasonText.ts';

describe('currentText', () => {
  it('keeps three significant digits in the prefix the value is at least 1 of', () => {
    expect(currentText(-6.2149e-12)).toBe('-6.21 pA');
    expect(currentText(3.7e-16)).toBe('0.37 fA');
    expect(currentText(-4.2e-14)).toBe('-42 fA');
    expect(currentText(1.234e-9)).toBe('1.23 nA');
    expect(currentText(2.5e-7)).toBe('250 nA');
    expect(currentText(0)).toBe('0 pA');
  });
});

describe('biasPairText', () => {
  it('writes 3 decimals, more only where they would print the two alike', () => {
    expect(biasPairText(-0.976, -0.969)).toBe('-0.976 and -0.969 V');
    expect(biasPairText(0.19822, 0.19841)).toBe('0.1982 and 0.1984 V');
    expect(biasPairText(0.1000001, 0.1000002)).toBe('0.100000 and 0.100000 V');
  });
});
