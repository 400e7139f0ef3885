// The Savitzky–Golay window on a coarse sweep: the recipe's window, narrowed to span at most
// derivative.maxSpan (0.5 V). Sweeps of 4 V with ≥ 113 points keep the recipe's 15; coarser ones get
// the widest odd window within the span, never below polyorder + 2. differentiate uses it, so a
// 100-point sweep's dI/dV is the 13-point Savitzky–Golay derivative (scipy's savgol_filter with
// window 13 is what the fixtures of savgolFilter.test.ts check the filter against).
import { describe, expect, it } from 'vitest';
import { differentiate, narrowedWindowNote, prepareCurve, savgolWindow } from './prepareSpectrum.ts';
import { resolveRecipe } from './recipe.ts';
import type { RecipeOverrides } from './recipe.ts';
import { savgolFilter } from './savgolFilter.ts';

const stepOf = (points: number, range = 4): number => range / (points - 1);

describe('savgolWindow', () => {
  const { derivative } = resolveRecipe();

  it('keeps the recipe window on sweeps fine enough, narrows it on coarse ones', () => {
    expect(savgolWindow(derivative, stepOf(512))).toBe(15);
    expect(savgolWindow(derivative, stepOf(200))).toBe(15);
    expect(savgolWindow(derivative, stepOf(113))).toBe(15); // 14 steps of 35.7 mV: 0.5 V
    expect(savgolWindow(derivative, stepOf(112))).toBe(13);
    expect(savgolWindow(derivative, stepOf(100))).toBe(13);
    expect(savgolWindow(derivative, stepOf(80))).toBe(9);
    expect(savgolWindow(derivative, stepOf(64))).toBe(7);
    // Bias from + to −: the step is negative.
    expect(savgolWindow(derivative, -stepOf(100))).toBe(13);
  });

  it('spans at most maxSpan, is odd and the widest such, never below polyorder + 2', () => {
    for (const polyorder of [2, 3, 4]) {
      for (const maxSpan of [0.2, 0.5, 1]) {
        const d = { ...derivative, window: 31, polyorder, maxSpan };
        for (const points of [20, 40, 64, 100, 150, 300, 1000]) {
          const step = stepOf(points);
          const w = savgolWindow(d, step);
          expect(w % 2).toBe(1);
          expect(w).toBeGreaterThanOrEqual(polyorder + 2);
          expect(w).toBeLessThanOrEqual(31);
          if (w > polyorder + 3) expect((w - 1) * step).toBeLessThanOrEqual(maxSpan + 1e-9);
          if (w < 31 && w > polyorder + 3) expect((w + 1) * step).toBeGreaterThan(maxSpan);
        }
      }
    }
  });

  it('is what differentiate uses: a 100-point sweep is differentiated with 13 points', () => {
    const bias = Float64Array.from({ length: 100 }, (_, i) => -2 + i * stepOf(100));
    const current = bias.map((v) => 1e-10 * Math.sinh(2.5 * v) + 1e-12 * Math.sin(37 * v));
    const prepared = prepareCurve({ bias, current }, null, resolveRecipe());
    if (!prepared.ok) throw new Error(prepared.reason);
    /** differentiate's dI/dV under `overrides` against the Savitzky–Golay filter of `window` points. */
    const expectWindow = (overrides: RecipeOverrides, window: number): void => {
      const didv = differentiate(prepared, resolveRecipe(overrides));
      if (!didv.ok) throw new Error(didv.reason);
      const filtered = savgolFilter(prepared.current, {
        window,
        polyorder: 3,
        deriv: 1,
        delta: prepared.step,
      });
      expect(Array.from(didv.didv)).toEqual(Array.from(filtered));
    };
    expectWindow({}, 13);
    // Lifting the limit gives the recipe's 15 points again.
    expectWindow({ derivative: { method: 'savgol', window: 15, polyorder: 3, maxSpan: 100 } }, 15);
  });

  it('is said in the views when it narrowed the window, not otherwise', () => {
    expect(narrowedWindowNote(derivative, stepOf(100))).toBe(
      'Savitzky–Golay 13 points: the window of 15 narrowed to span at most 0.5 V (40 mV a step)',
    );
    expect(narrowedWindowNote(derivative, -stepOf(64))).toMatch(
      /^Savitzky–Golay 7 points: .* \(63 mV a step\)$/,
    );
    expect(narrowedWindowNote(derivative, stepOf(512))).toBeNull();
    expect(narrowedWindowNote({ ...derivative, method: 'central' }, stepOf(64))).toBeNull();
  });
});
