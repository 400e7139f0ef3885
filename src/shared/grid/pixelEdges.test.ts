// A grid pixel's band edges against known truth on a model unlike the demo's and the synthetic
// grid's (src/testing/gaussianBandModel.ts): each band's edge peak sits on the rise of its
// continuum, so its prominence is small however clear the band. The grid path must find these
// edges as the per-spectrum pipeline does; the metal guard (peak prominence ≥ 8σ) dropped about a
// third of the VBMs at 512 points.
import { describe, expect, it } from 'vitest';
import { gaussianBandSweeps } from '../../testing/gaussianBandModel.ts';
import { resolveRecipe } from '../analysis/recipe.ts';
import { pixelMeasures } from './pixelMeasures.ts';

describe('grid pixel band edges against known truth', () => {
  it.each([1, 2, 3])('seed %i: at least 95 percent of the pixels have both edges within 60 mV', (seed) => {
    const recipe = resolveRecipe();
    let within = 0;
    let pixels = 0;
    for (const [g, grid] of [
      { from: -2, to: 2, points: 512, noise: 2e-12 },
      { from: -2, to: 2, points: 256, noise: 2e-12 },
      { from: -2.5, to: 2.2, points: 301, noise: 5e-12 },
    ].entries()) {
      for (const sweep of gaussianBandSweeps(10 * seed + g, 40, grid)) {
        pixels++;
        const m = pixelMeasures(sweep.bias, sweep.current, 'current', recipe);
        if (Math.abs(m.vbm - sweep.vbm) <= 0.06 && Math.abs(m.cbm - sweep.cbm) <= 0.06) within++;
      }
    }
    expect(within / pixels).toBeGreaterThanOrEqual(0.95);
  });
});
