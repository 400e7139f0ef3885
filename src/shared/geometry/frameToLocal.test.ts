import { describe, expect, it } from 'vitest';
import { frameToLocal, isInsideFrame } from './frameToLocal.ts';

const frame = { centreX: 10e-9, centreY: 20e-9, width: 4e-9, height: 2e-9, angleDeg: 0 };

describe('frameToLocal', () => {
  it('maps the centre and the corners of an unrotated frame', () => {
    expect(frameToLocal(frame, 10e-9, 20e-9)).toEqual({ u: 0.5, v: 0.5 });
    const topLeft = frameToLocal(frame, 8e-9, 21e-9);
    expect(topLeft.u).toBeCloseTo(0, 12);
    expect(topLeft.v).toBeCloseTo(0, 12);
    const bottomRight = frameToLocal(frame, 12e-9, 19e-9);
    expect(bottomRight.u).toBeCloseTo(1, 12);
    expect(bottomRight.v).toBeCloseTo(1, 12);
  });

  it('follows a clockwise rotation of the frame', () => {
    const rotated = { ...frame, angleDeg: 90 };
    // Rotated 90 deg clockwise, the frame's right edge points down (-y).
    const p = frameToLocal(rotated, 10e-9, 18e-9);
    expect(p.u).toBeCloseTo(1, 12);
    expect(p.v).toBeCloseTo(0.5, 12);
    expect(isInsideFrame(rotated, 10e-9, 18e-9)).toBe(true);
    expect(isInsideFrame(rotated, 12e-9, 20e-9)).toBe(false);
  });
});
