// The samples of a sweep held at its current limit, whose differences say nothing of its noise
// (noiseProfile.ts leaves them out of its blocks' σ). Units: A.
import { extremes } from './extremes.ts';
import { selectInPlace } from './quickselect.ts';
import type { NumberArray } from './types.ts';

/** Fewest unclipped differences a block's σ is read from; a block with fewer is unread. */
export const MIN_READ = 16;

let clippedScratch = new Uint8Array(0);

/**
 * 1 at each sample of a run (≥ 3 samples) at exactly the sweep's largest or smallest current, 0
 * elsewhere; null when there is none. A clipped preamplifier or a current limit holds the current
 * there, with no noise to read: a block of such samples reads σ ≈ 0, and as the quietest it made
 * every block of ordinary noise noisy (the synthetic sessions' clipped sweeps).
 */
export function clippedSamples(current: NumberArray): Uint8Array | null {
  const n = current.length;
  const [min, max] = extremes(current);
  let clipped: Uint8Array | null = null;
  for (let i = 0; i < n;) {
    const c = current[i]!;
    let j = i + 1;
    if (c === max || c === min) while (j < n && current[j] === c) j++;
    if (j - i >= 3) {
      // The scratch is sized and cleared at the first run: a sweep with none costs one pass.
      if (clipped === null) {
        if (clippedScratch.length < n) clippedScratch = new Uint8Array(n);
        clipped = clippedScratch;
        clipped.fill(0, 0, n);
      }
      clipped.fill(1, i, j);
    }
    i = j;
  }
  return clipped;
}

let readSigmas = new Float64Array(0);

/** Gives each unread block (NaN) the median σ of the read ones (the upper middle of an even count); 0 when none was read. */
export function fillUnread(sigmas: Float64Array, count: number): void {
  if (readSigmas.length < count) readSigmas = new Float64Array(count);
  let read = 0;
  for (let b = 0; b < count; b++) if (sigmas[b] === sigmas[b]) readSigmas[read++] = sigmas[b]!;
  const fill = read === 0 ? 0 : selectInPlace(readSigmas, read >> 1, 0, read - 1);
  for (let b = 0; b < count; b++) if (!(sigmas[b] === sigmas[b])) sigmas[b] = fill;
}
