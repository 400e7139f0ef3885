// The in-gap markers' geometry (Spectra figure): which states land on a group's averaged curve,
// and their circles as one SVG path.
import { interpolateAt } from '../runGroups.ts';

/** Radius of an in-gap marker, px. */
const MARKER_R = 4;
/** States interpolated at a time while looking for a drawn one (anyStateDrawn). */
const PROBE = 256;

/** Whether a state at this value on the curve is drawn: finite, and positive on a log axis. */
function drawn(value: number, log: boolean): boolean {
  return Number.isFinite(value) && (!log || value > 0);
}

/**
 * Whether any of the states (biases V, ascending) lands on the curve (`bias`, `y`) as a drawn
 * marker: the figure's legend lists the in-gap entry then. Stops at the first one found.
 */
export function anyStateDrawn(
  bias: Float64Array,
  y: Float64Array,
  biases: Float64Array,
  log: boolean,
): boolean {
  for (let start = 0; start < biases.length; start += PROBE) {
    const values = interpolateAt(bias, y, biases.subarray(start, start + PROBE));
    if (values.some((v) => drawn(v, log))) return true;
  }
  return false;
}

/**
 * All of a group's in-gap markers as one SVG path of circles, each distinct whole-pixel spot once:
 * a 10,000-sweep session has tens of thousands of states, and one element per state made the
 * figure's render a multi-second long task; half-pixel spots still left thousands of arcs to
 * parse and paint (~200 ms when the rows arrived). Circles of 4 px radius 1 px apart overlap into
 * the same mark.
 * `count`: the states drawn (finite on the curve, and positive on a log axis), duplicates included.
 * Typed arrays in, one string out: no per-state objects (their garbage was a long task too).
 */
export function markerPath(
  biases: Float64Array,
  values: Float64Array,
  sx: (bias: number) => number,
  sy: (value: number) => number,
  log: boolean,
): { count: number; d: string } {
  const seen = new Set<number>();
  const parts: string[] = [];
  let count = 0;
  const arc = `a${MARKER_R},${MARKER_R} 0 1,0 ${2 * MARKER_R},0a${MARKER_R},${MARKER_R} 0 1,0 ${-2 * MARKER_R},0`;
  for (let i = 0; i < biases.length; i++) {
    const value = values[i]!;
    if (!drawn(value, log)) continue;
    count++;
    // Sorted biases: a repeat (states found at the same grid point) is the same spot, unscaled.
    if (i > 0 && biases[i] === biases[i - 1]) continue;
    const x = Math.round(sx(biases[i]!));
    const y = Math.round(sy(value));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const key = x * 1e6 + y;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`M${x - MARKER_R},${y}${arc}`);
  }
  return { count, d: parts.join('') };
}
