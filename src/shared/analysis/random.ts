// Seeded pseudo-random numbers for bootstrap resampling: mulberry32 (32-bit state, period 2^32),
// ample for 2,000 resamples and reproducible on every platform, unlike Math.random.

/** The seed every bootstrap uses unless told otherwise, so repeated runs give the same CI. */
export const DEFAULT_SEED = 20240607;

/** Returns a function giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed of its own for one named stream (e.g. a group label): seed XOR the label's 32-bit FNV-1a
 * hash, so a group's bootstrap draws do not depend on which other groups are present.
 */
export function labelSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (seed ^ hash) >>> 0;
}
