// The current's noise σ, for the sweep and along it, and the σ of dI/dV that follows for the band
// walk's noise tests. Real tunnelling current is noisier where it is large: tip-height and
// feedback noise are a fraction of the current, so a band's shoulders at ±2 V carry many times the
// noise of the gap. One σ for the sweep (the median of its second differences) then sits between
// the two: on the shoulders noise dips ended the band walk and noise bumps passed as in-gap states
// (the Gaussian model with 1 % of |I| as noise: edges within 60 mV in 67 % of sweeps, 3 spurious
// states each; `Bias-Spectroscopy002.dat`: 24 "states" on a shoulder). So the sweep is cut into
// blocks, and a block whose noise (the median of it and its two neighbours) is clearly above the
// quietest part's is noisy, with its own σ.
import { medianBracketed, medianInPlace } from './quickselect.ts';
import { clippedSamples, fillUnread, MIN_READ } from './clippedSamples.ts';
import { endStandIns } from './endStandIns.ts';
import type { NumberArray } from './types.ts';

export interface CurrentNoise {
  /** The sweep's white-noise σ (A): 1.4826 · median |I[i−1] − 2I[i] + I[i+1]| / √6. */
  sigma: number;
  /** σ (A) of each noisy block (NOISE_BLOCK samples), 0 for the others; null when none is noisy. */
  blocks: Float64Array | null;
  /** σ (A) of the quietest block, the reference a noisy block is measured against; 0 without blocks. */
  quiet: number;
}

export interface NoiseProfile {
  /** σ of dI/dV (A/V) from the whole sweep. */
  floor: number;
  /** Turns a block's σ into dI/dV's (A/V): the derivative kernel's noise gain / step for a current's. */
  scale: number;
  /**
   * σ of each noisy block, 0 for the others (block b covers samples [b·64, (b+1)·64)): the current's
   * (A, CurrentNoise.blocks), or already dI/dV's with scale 1 (withDidvNoise); null when none is.
   */
  blocks: Float64Array | null;
  /**
   * How much noisier dI/dV is at the sweep's first samples (ends[p]: sample p; the last samples
   * mirror it) than inside, the derivative's one-sided end kernels (derivativeEndGains); null: as
   * inside.
   */
  ends: Float64Array | null;
}

/** Samples per block: enough second differences for a median within ~15 %. */
export const NOISE_BLOCK = 64;
/**
 * A block is noisy when its σ is this many times the quietest block's: on white noise of one σ
 * the blocks' estimates (each the median of three) scatter by ~12 %, so no block of such a sweep
 * is noisy and its noise tests stay those of the one σ (`noiseProfile.test.ts`, 300 sweeps).
 */
export const NOISE_RAISE = 2;
/**
 * The blocks' medians are taken only when one block's mean |second difference| is NOISE_RAISE
 * times another's: the mean scales with σ as the median does, and on white noise of one σ the
 * means differ by ~1.3×. Most sweeps stop there, at the cost of one sum (a lower screen, 1.6, sent
 * 16 % of the analysis bench's sweeps on to the medians and made no block noisy that this misses).
 */
const NOISE_SCREEN = NOISE_RAISE;

/** Robust σ of a smooth curve's noise from its second differences (A/V for dI/dV). */
export function curveNoise(y: NumberArray): number {
  const n = y.length;
  if (n < 3) return 0;
  const r = new Float64Array(n - 2);
  for (let i = 1; i < n - 1; i++) r[i - 1] = Math.abs(y[i]! - 0.5 * (y[i - 1]! + y[i + 1]!));
  return (1.4826 * medianInPlace(r)) / Math.sqrt(1.5);
}

export function constantNoise(sigma: number): NoiseProfile {
  return { floor: sigma, scale: 1, blocks: null, ends: null };
}

/**
 * The σ of dI/dV along a sweep: the current's noise through a kernel of noise gain / step `scale`
 * and end gains `ends` (derivativeEndGains); `floor` (A/V) when the caller measures the sweep's σ
 * another way (a grid pixel's third differences, an average's smoothed curve).
 */
export function didvNoise(
  noise: CurrentNoise,
  scale: number,
  ends: Float64Array | null,
  floor = noise.sigma * scale,
): NoiseProfile {
  return { floor, scale, blocks: noise.blocks, ends };
}

/** The noisy block's σ of dI/dV at sample i (A/V); 0 where the sweep is not noisy. */
export function noisyAt(profile: NoiseProfile, i: number): number {
  const blocks = profile.blocks;
  if (blocks === null) return 0;
  return blocks[Math.max(0, Math.min(blocks.length - 1, Math.floor(i / NOISE_BLOCK)))]! * profile.scale;
}

/** σ of dI/dV at sample i (A/V): the sweep's, or a noisy block's when larger. */
export function noiseAt(profile: NoiseProfile, i: number): number {
  return Math.max(profile.floor, noisyAt(profile, i));
}

/** σ of dI/dV at sample i of n (A/V): noiseAt's, raised by the derivative's end kernels there. */
export function noiseWithEnds(profile: NoiseProfile, i: number, n: number): number {
  const sigma = noiseAt(profile, i);
  const ends = profile.ends;
  const p = Math.min(i, n - 1 - i);
  return ends !== null && p < ends.length ? Math.max(sigma, profile.floor * ends[p]!) : sigma;
}

/** The largest σ of dI/dV over samples [from, to] (A/V). */
export function noiseOver(profile: NoiseProfile, from: number, to: number): number {
  const blocks = profile.blocks;
  if (blocks === null) return profile.floor;
  const last = blocks.length - 1;
  const first = Math.max(0, Math.min(last, Math.floor(from / NOISE_BLOCK)));
  const final = Math.max(0, Math.min(last, Math.floor(to / NOISE_BLOCK)));
  let max = 0;
  for (let b = first; b <= final; b++) if (blocks[b]! > max) max = blocks[b]!;
  return Math.max(profile.floor, max * profile.scale);
}

/**
 * The largest σ of dI/dV (A/V) from sample i to the end of an n-sample sweep in direction
 * `outward` (±1): noiseOver's, and the floor raised by the end kernels' gains there.
 */
export function noiseToEnd(profile: NoiseProfile, i: number, n: number, outward: 1 | -1): number {
  let sigma = outward > 0 ? noiseOver(profile, i, n - 1) : noiseOver(profile, 0, i);
  const ends = profile.ends;
  if (ends === null) return sigma;
  for (let p = 0; p < ends.length; p++) {
    const j = outward > 0 ? n - 1 - p : p;
    if (outward > 0 ? j >= i : j <= i) sigma = Math.max(sigma, profile.floor * ends[p]!);
  }
  return sigma;
}

/** End (exclusive) of block b's |second differences| (r[i − 1] is sample i's); the last takes the rest. */
function blockEnd(b: number, count: number, n: number): number {
  return b === count - 1 ? n - 2 : (b + 1) * NOISE_BLOCK - 1;
}

const medianOfThree = (a: number, b: number, c: number): number =>
  Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

let residuals = new Float64Array(0);
let blockResiduals = new Float64Array(2 * NOISE_BLOCK);
let blockSigmas = new Float64Array(0);

/**
 * The current's noise (A), for the sweep and, unless `alongSweep` is false, per block: |second
 * difference| at every sample, their median for the sweep; per block of NOISE_BLOCK samples (the
 * last takes those left over) the same, leaving out clipped samples (clippedSamples.ts), then the
 * median of it and its two neighbours (endStandIns.ts for the neighbour an end block lacks: one
 * block's estimate alone scatters too much to be trusted). A block at least NOISE_RAISE × the
 * quietest block's σ is noisy; the quietest counts down to a quarter of the sweep's σ only (a gap
 * whose current is quantised to the converter's step has no second differences at all, and every
 * other block would be noisy).
 */
export function currentNoiseOf(current: NumberArray, alongSweep = true): CurrentNoise {
  const n = current.length;
  if (n < 3) return { sigma: 0, blocks: null, quiet: 0 };
  if (residuals.length < n - 2) residuals = new Float64Array(Math.max(n - 2, 512));
  const r = residuals;
  const count = alongSweep ? Math.floor(n / NOISE_BLOCK) : 0;
  let least = Infinity;
  let most = 0;
  let sum = 0;
  let block = 0;
  let start = 0;
  let end = count >= 2 ? blockEnd(0, count, n) : -1;
  for (let i = 0; i < n - 2; i++) {
    const v = Math.abs(current[i]! - 2 * current[i + 1]! + current[i + 2]!);
    r[i] = v;
    sum += v;
    if (i + 1 === end) {
      const mean = sum / (end - start);
      if (mean < least) least = mean;
      if (mean > most) most = mean;
      sum = 0;
      start = end;
      end = ++block < count ? blockEnd(block, count, n) : -1;
    }
  }
  const screened = count >= 2 && most >= NOISE_SCREEN * least;
  if (screened) {
    if (blockSigmas.length < count) blockSigmas = new Float64Array(count);
    const clipped = clippedSamples(current);
    for (let b = 0; b < count; b++) {
      const from = b === 0 ? 0 : b * NOISE_BLOCK - 1;
      const to = blockEnd(b, count, n);
      if (blockResiduals.length < to - from) blockResiduals = new Float64Array(to - from);
      let m = 0;
      for (let i = from; i < to; i++)
        if (clipped === null || (clipped[i]! | clipped[i + 1]! | clipped[i + 2]!) === 0)
          blockResiduals[m++] = r[i]!;
      blockSigmas[b] = m >= MIN_READ ? (1.4826 * medianInPlace(blockResiduals, m)) / Math.sqrt(6) : NaN;
    }
    withoutCurvature(current, blockSigmas, count, clipped);
    if (clipped !== null) fillUnread(blockSigmas, count);
  }
  // The blocks' residuals are copied out first: the sweep's median reorders r. The sweep's σ keeps
  // the clipped samples' differences: without them (2 pA, not 0.7, on the sessions' clipped sweeps)
  // the band contrast test found no band onset on 24 clipped sweeps whose edges it had right.
  const sigma = (1.4826 * medianBracketed(r, n - 2)) / Math.sqrt(6);
  if (!screened || !(sigma > 0)) return { sigma, blocks: null, quiet: 0 };
  let quiet = Infinity;
  const [firstEnd, lastEnd] = endStandIns(current, blockSigmas, count, sigma, NOISE_BLOCK);
  let before = firstEnd;
  for (let b = 0; b < count; b++) {
    const here = blockSigmas[b]!;
    const local = medianOfThree(before, here, b < count - 1 ? blockSigmas[b + 1]! : lastEnd);
    before = here;
    blockSigmas[b] = local;
    if (local < quiet) quiet = local;
  }
  quiet = Math.max(quiet, sigma / 4);
  let blocks: Float64Array | null = null;
  for (let b = 0; b < count; b++) {
    if (!(blockSigmas[b]! >= NOISE_RAISE * quiet)) continue;
    blocks ??= new Float64Array(count);
    blocks[b] = blockSigmas[b]!;
  }
  return { sigma, blocks, quiet };
}

/**
 * A block whose fourth-difference σ is under this fraction of its second-difference σ is read as
 * bent, not noisy. Noise reads alike in both: 0.62 and up on the real Nanonis sweeps' blocks at
 * least twice their quietest (62 blocks), 0.64 and up (1st percentile 0.77) on 2,194 such blocks
 * of the Gaussian model with 1–2 % of |I| as noise; a bend reads 0.05–0.55 on 411 of 454 such
 * blocks of the model's sweeps with 0.01 pA of noise (median 0.24), the rest mixed.
 */
const CURVATURE_RATIO = 0.55;

let fourthResiduals = new Float64Array(0);

/**
 * Replaces each block's σ (A, from second differences: `sigmas`) by its fourth differences' where
 * that reads under CURVATURE_RATIO of it: 1.4826 · median |I[i−2] − 4I[i−1] + 6I[i] − 4I[i+1] +
 * I[i+2]| / √70 over the block. A curve's own bend raises second differences where the current
 * bends (a band's shoulders, an edge's peak); fourth differences hardly (each difference order
 * scales a smooth curve's share by the step over its scale of change). The average of 10,000 of
 * the analysis bench's sweeps, 100× quieter than each, read 2–5× its quietest block on its shoulders
 * in second differences and 0.8–1.3× in fourth.
 */
function withoutCurvature(
  current: NumberArray,
  sigmas: Float64Array,
  count: number,
  /** clippedSamples(current): differences touching a clipped sample are left out. */
  clipped: Uint8Array | null,
): void {
  const n = current.length;
  for (let b = 0; b < count; b++) {
    if (!(sigmas[b] === sigmas[b])) continue;
    const from = Math.max(2, b * NOISE_BLOCK);
    const to = Math.min(n - 2, b === count - 1 ? n : (b + 1) * NOISE_BLOCK);
    if (fourthResiduals.length < to - from) fourthResiduals = new Float64Array(to - from);
    let m = 0;
    for (let i = from; i < to; i++) {
      if (
        clipped !== null &&
        (clipped[i - 2]! | clipped[i - 1]! | clipped[i]! | clipped[i + 1]! | clipped[i + 2]!) !== 0
      )
        continue;
      fourthResiduals[m++] = Math.abs(
        current[i - 2]! - 4 * current[i - 1]! + 6 * current[i]! - 4 * current[i + 1]! + current[i + 2]!,
      );
    }
    if (m < MIN_READ) continue;
    const fourth = (1.4826 * medianInPlace(fourthResiduals, m)) / Math.sqrt(70);
    if (fourth < CURVATURE_RATIO * sigmas[b]!) sigmas[b] = fourth;
  }
}

/** The noisiest block's σ over the quietest part's (noisyCurrentNote's first figure); null without noisy blocks. */
export function noiseRaise(noise: CurrentNoise): number | null {
  const blocks = noise.blocks;
  if (blocks === null || !(noise.quiet > 0)) return null;
  let worst = 0;
  for (let b = 0; b < blocks.length; b++) if (blocks[b]! > worst) worst = blocks[b]!;
  return worst / noise.quiet;
}

const volts = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;

/**
 * What a view says of a sweep's noisy blocks (its ascending bias `bias`, V, sample for sample), or
 * null when it has none: each run of noisy blocks as a bias range with its largest σ against the
 * quietest part's, e.g. "current noise up to 7.2× the sweep's quietest part at −2.00 … −1.00 V and
 * 10.6× at +1.00 … +2.00 V: band edges and in-gap states there are judged against it".
 */
export function noisyCurrentNote(bias: NumberArray, noise: CurrentNoise): string | null {
  const blocks = noise.blocks;
  if (blocks === null || !(noise.quiet > 0)) return null;
  const n = bias.length;
  const runs: string[] = [];
  for (let b = 0; b < blocks.length; b++) {
    if (!(blocks[b]! > 0)) continue;
    let worst = blocks[b]!;
    const first = b;
    while (b + 1 < blocks.length && blocks[b + 1]! > 0) worst = Math.max(worst, blocks[++b]!);
    const from = bias[first * NOISE_BLOCK]!;
    const to = bias[b === blocks.length - 1 ? n - 1 : (b + 1) * NOISE_BLOCK - 1]!;
    const ratio = `${(worst / noise.quiet).toFixed(1)}×${runs.length === 0 ? " the sweep's quietest part" : ''}`;
    runs.push(`${ratio} at ${volts(from)} … ${volts(to)} V`);
  }
  return `current noise up to ${runs.join(' and ')}: band edges and in-gap states there are judged against it`;
}

/** Samples between the dI/dV values a noisy block's own σ is read from: half the default window. */
const DIDV_LAG = 7;
let lagResiduals = new Float64Array(0);

/**
 * The profile with each noisy block's σ read from the dI/dV itself as well (A/V): the larger of
 * the current's σ through the kernel and 1.4826 · median |d[i] − (d[i−7] + d[i+7])/2| / √1.5 over
 * the block. Second differences of the current barely see noise of a few samples' period (a
 * sinusoid of period 10 keeps 0.38 of its amplitude in them; white noise √6 of its σ), which the
 * derivative passes: on the VB shoulder of `Bias-Spectroscopy002.dat` this reads 15–20× the
 * sweep's σ where second differences read 2–4×. Only noisy blocks are read so (on white noise no
 * block is noisy): a band-edge peak's own curvature would raise a quiet block's reading.
 */
export function withDidvNoise(profile: NoiseProfile, didv: NumberArray): NoiseProfile {
  const blocks = profile.blocks;
  if (blocks === null) return profile;
  const n = didv.length;
  const own = new Float64Array(blocks.length);
  if (lagResiduals.length < 2 * NOISE_BLOCK) lagResiduals = new Float64Array(2 * NOISE_BLOCK);
  for (let b = 0; b < blocks.length; b++) {
    if (!(blocks[b]! > 0)) continue;
    const from = Math.max(DIDV_LAG, b * NOISE_BLOCK);
    const to = Math.min(n - DIDV_LAG, b === blocks.length - 1 ? n : (b + 1) * NOISE_BLOCK);
    let m = 0;
    for (let i = from; i < to; i++)
      lagResiduals[m++] = Math.abs(didv[i]! - 0.5 * (didv[i - DIDV_LAG]! + didv[i + DIDV_LAG]!));
    const read = m >= 8 ? (1.4826 * medianInPlace(lagResiduals, m)) / Math.sqrt(1.5) : 0;
    own[b] = Math.max(blocks[b]! * profile.scale, read);
  }
  return { floor: profile.floor, scale: 1, blocks: own, ends: profile.ends };
}
