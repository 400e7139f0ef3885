// The demo topography: platelets on a slightly tilted Au(111) terrace. On core–crown platelets the
// core images brighter (higher) than the crown rim, as in the seed study.
import type { Platelet } from './layout.ts';
import { FRAME } from './layout.ts';

/** Soft step from 0 to 1 across an edge at distance 0, width in metres. */
function step(distance: number, width: number): number {
  return 1 / (1 + Math.exp(distance / width));
}

/** Height of a square-ish platelet region of half-width `half` at (dx, dy), metres. */
function plateau(dx: number, dy: number, half: number): number {
  return step(Math.abs(dx) - half, 0.6e-9) * step(Math.abs(dy) - half, 0.6e-9);
}

/** Z image (metres), row 0 at the top (largest y). */
export function topography(all: Platelet[], pixels: number, gaussian: () => number): Float32Array {
  const image = new Float32Array(pixels * pixels);
  const pixel = FRAME.size / pixels;
  for (let row = 0; row < pixels; row++) {
    const y = FRAME.centreY + FRAME.size / 2 - (row + 0.5) * pixel;
    for (let col = 0; col < pixels; col++) {
      const x = FRAME.centreX - FRAME.size / 2 + (col + 0.5) * pixel;
      let z = 0.004 * (x - FRAME.centreX) + 0.002 * (y - FRAME.centreY) + 15e-12 * gaussian();
      for (const p of all) {
        const dx = x - p.x;
        const dy = y - p.y;
        if (p.crownHalf > 0)
          z += 3.6e-9 * plateau(dx, dy, p.crownHalf) + 1.0e-9 * plateau(dx, dy, p.coreHalf);
        else z += 4.2e-9 * plateau(dx, dy, p.coreHalf);
      }
      image[row * pixels + col] = z;
    }
  }
  return image;
}
