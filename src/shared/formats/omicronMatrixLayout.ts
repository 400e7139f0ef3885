// How MATRIX counts map to curves and images once the parameter file has given the axes. Curves:
// `length` points per sweep direction (half of a triangular axis), forward then backward, repeated;
// the backward sweep is stored in acquisition order (from the end of the ramp back to its start).
// Images: X fast, Y slow; a triangular X stores each line forward then backward (right to left), a
// triangular Y stores all up lines then all down lines. Up lines start at the bottom of the frame.
import type { MatrixAxis } from './omicronMatrixParameters.ts';
import { ParseError, type Direction } from './types.ts';

/** Upper bound on the pixels of all images of one file: a crafted axis must not allocate gigabytes. */
const MAX_IMAGE_POINTS = 1 << 24;

export interface MatrixCurve {
  direction: Direction;
  /** 1.. within the file (MATRIX repetitions of the same ramp). */
  sweep: number;
  /** Index of each point along the ramp (0 = ramp start), acquisition order. */
  rampIndex: Int32Array;
  values: Float64Array;
}

function axisLength(axis: MatrixAxis): number {
  const length = axis.length;
  if (length === null || !Number.isInteger(length) || length < 1) {
    throw new ParseError('bad-parameter-file', `axis ${axis.name} has no length`);
  }
  if (axis.mirrored && length % 2 !== 0) {
    throw new ParseError('bad-parameter-file', `mirrored axis ${axis.name} has an odd length ${length}`);
  }
  return axis.mirrored ? length / 2 : length;
}

/** Points per sweep direction of a curve axis. */
export function pointsPerSweep(axis: MatrixAxis): number {
  return axisLength(axis);
}

/** Splits converted values into sweeps: forward, backward (if mirrored), forward … */
export function splitCurves(axis: MatrixAxis, values: Float64Array): MatrixCurve[] {
  const points = axisLength(axis);
  const directions = axis.mirrored ? 2 : 1;
  const curves: MatrixCurve[] = [];
  for (let start = 0, c = 0; start < values.length; start += points, c++) {
    const part = values.subarray(start, Math.min(start + points, values.length));
    const backward = axis.mirrored && c % 2 === 1;
    const rampIndex = new Int32Array(part.length);
    for (let i = 0; i < part.length; i++) rampIndex[i] = backward ? points - 1 - i : i;
    curves.push({
      direction: backward ? 'backward' : 'forward',
      sweep: Math.floor(c / directions) + 1,
      rampIndex,
      values: part,
    });
  }
  return curves;
}

export interface MatrixImage {
  direction: Direction;
  /** Slow-axis direction: up (first line at the bottom) or down (first line at the top). */
  down: boolean;
  width: number;
  height: number;
  /** Row 0 = top, column 0 = left; NaN where nothing was written. */
  data: Float32Array;
  /** Lines with at least one written point. */
  linesWritten: number;
}

/** Arranges converted values into the up/down × forward/backward images of a scan. */
export function arrangeImages(fast: MatrixAxis, slow: MatrixAxis, values: Float64Array): MatrixImage[] {
  const width = axisLength(fast);
  const height = axisLength(slow);
  const passes = (fast.mirrored ? 2 : 1) * (slow.mirrored ? 2 : 1);
  if (width * height * passes > MAX_IMAGE_POINTS) {
    throw new ParseError(
      'bad-parameter-file',
      `scan of ${width} x ${height} x ${passes} exceeds the reader's limit`,
    );
  }
  const images: MatrixImage[] = [];
  for (const down of slow.mirrored ? [false, true] : [false]) {
    for (const direction of fast.mirrored ? (['forward', 'backward'] as const) : (['forward'] as const)) {
      images.push({
        direction,
        down,
        width,
        height,
        data: new Float32Array(width * height).fill(NaN),
        linesWritten: 0,
      });
    }
  }
  const perLine = fast.mirrored ? 2 : 1;
  const lineLength = width * perLine;
  for (let start = 0, line = 0; start < values.length; start += lineLength, line++) {
    const down = line >= height;
    const lineInPass = down ? line - height : line;
    if (lineInPass >= height) break;
    // Up lines fill from the bottom row; down lines from the top row.
    const row = down ? lineInPass : height - 1 - lineInPass;
    for (let half = 0; half < perLine; half++) {
      const image = images[(down ? perLine : 0) + half] as MatrixImage;
      const from = start + half * width;
      const count = Math.min(width, values.length - from);
      if (count <= 0) continue;
      image.linesWritten++;
      for (let i = 0; i < count; i++) {
        const column = half === 1 ? width - 1 - i : i;
        image.data[row * width + column] = values[from + i] as number;
      }
    }
  }
  return images;
}
