import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE, resolveRecipe } from './recipe.ts';

describe('resolveRecipe', () => {
  it('fills every field from DEFAULT_RECIPE', () => {
    expect(resolveRecipe()).toEqual(DEFAULT_RECIPE);
    expect(resolveRecipe()).not.toBe(DEFAULT_RECIPE);
  });

  it('overrides single fields of a section', () => {
    const r = resolveRecipe({
      derivative: { window: 21 },
      edges: { method: 'onset' },
      traps: { deep: [-0.7, 0.9] },
    });
    expect(r.derivative).toEqual({ method: 'savgol', window: 21, polyorder: 3, maxSpan: 0.5 });
    expect(r.edges.method).toBe('onset');
    expect(r.edges.onsetK).toBe(5);
    expect(r.traps.deep).toEqual([-0.7, 0.9]);
  });

  it('the defaults cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_RECIPE.edges)).toBe(true);
    expect(() => {
      (DEFAULT_RECIPE.derivative as { window: number }).window = 3;
    }).toThrow();
  });
});
