// Where a tip position (metres, scan coordinates, y up) falls in an image frame. Nanonis reports
// the scan angle in degrees, clockwise positive, as a rotation of the frame about its centre.
import type { ImageFrame } from '../formats/types.ts';

export interface FramePoint {
  /** 0 at the left edge of the displayed image, 1 at the right edge. */
  u: number;
  /** 0 at the top edge of the displayed image (row 0), 1 at the bottom edge. */
  v: number;
}

export function frameToLocal(frame: ImageFrame, x: number, y: number): FramePoint {
  const theta = (frame.angleDeg * Math.PI) / 180;
  const dx = x - frame.centreX;
  const dy = y - frame.centreY;
  // Undo a clockwise rotation of the frame: rotate the point anticlockwise by theta.
  const localX = dx * Math.cos(theta) - dy * Math.sin(theta);
  const localY = dx * Math.sin(theta) + dy * Math.cos(theta);
  return { u: 0.5 + localX / frame.width, v: 0.5 - localY / frame.height };
}

/** Tolerance in frame units, so a position exactly on an edge stays inside despite rounding. */
const EDGE_TOLERANCE = 1e-9;

export function isInsideFrame(frame: ImageFrame, x: number, y: number): boolean {
  const { u, v } = frameToLocal(frame, x, y);
  const lo = -EDGE_TOLERANCE;
  const hi = 1 + EDGE_TOLERANCE;
  return u >= lo && u <= hi && v >= lo && v <= hi;
}

/** Axis-aligned box (metres) that contains the rotated frame: a cheap index pre-filter. */
export function frameBounds(frame: ImageFrame): { minX: number; maxX: number; minY: number; maxY: number } {
  const radius = Math.hypot(frame.width, frame.height) / 2;
  return {
    minX: frame.centreX - radius,
    maxX: frame.centreX + radius,
    minY: frame.centreY - radius,
    maxY: frame.centreY + radius,
  };
}
