// The σ profile along a sweep (noiseProfile.ts) against the noise put on the current: none raised
// on white noise of one σ, and the blocks of a current whose noise grows with |I| at the σ the
// blocks were given (within the range of their neighbours', ~20 % in the mean); a noisy block's
// σ read from white dI/dV noise at that σ; the views' note on where the current is noisy.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { gaussianBandSweeps } from '../../testing/gaussianBandModel.ts';
import {
  currentNoiseOf,
  didvNoise,
  noiseOver,
  noisyAt,
  noisyCurrentNote,
  noiseRaise,
  withDidvNoise,
  NOISE_BLOCK,
} from './noiseProfile.ts';

function normalFrom(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-300)) * Math.cos(2 * Math.PI * uniform());
}

/** A smooth semiconductor-like I(V) (A): ~1 nA at ±2 V, flat in the gap. */
const smoothCurrent = (v: number): number =>
  1e-9 * Math.sign(v) * Math.max(0, Math.abs(v) - 0.8) ** 1.5 + 1e-12 * v;

/**
 * The smooth current on `points` samples over −2 … 2 V with Gaussian noise of σ = floor + fraction
 * · |I| (A) at each sample, and that σ.
 */
function noisyCurrent(points: number, normal: () => number, floor: number, fraction: number) {
  const sigmaAt: number[] = [];
  const current = Float64Array.from({ length: points }, (_, i) => {
    const clean = smoothCurrent(-2 + (4 * i) / (points - 1));
    const sigma = floor + fraction * Math.abs(clean);
    sigmaAt.push(sigma);
    return clean + sigma * normal();
  });
  return { current, sigmaAt };
}

/** The σ block b of `count` was given: the rms of its samples' σ (the last block takes the rest). */
function blockRms(sigmaAt: readonly number[], b: number, count: number): number {
  const from = b * NOISE_BLOCK;
  const to = b === count - 1 ? sigmaAt.length : from + NOISE_BLOCK;
  return Math.sqrt(sigmaAt.slice(from, to).reduce((s, x) => s + x * x, 0) / (to - from));
}

describe('noise profile', () => {
  it('raises no block on white noise of one σ (300 sweeps of 301, 512 and 1,024 points)', () => {
    let raised = 0;
    for (let seed = 1; seed <= 100; seed++)
      for (const points of [301, 512, 1024]) {
        const normal = normalFrom(1000 * seed + points);
        const current = Float64Array.from({ length: points }, (_, i) => {
          const v = -2 + (4 * i) / (points - 1);
          return smoothCurrent(v) + 2e-12 * normal();
        });
        const noise = currentNoiseOf(current);
        if (noise.blocks !== null) raised++;
        expect(Math.abs(noise.sigma / 2e-12 - 1)).toBeLessThan(0.25);
      }
    expect(raised).toBe(0);
  });

  it('gives each block the σ of a current whose noise is a fraction of |I|, within the σ of its neighbours', () => {
    const points = 1024;
    for (const seed of [1, 2, 3]) {
      const { current, sigmaAt } = noisyCurrent(points, normalFrom(seed), 1e-12, 0.01);
      const scale = 3;
      const profile = didvNoise(currentNoiseOf(current), scale, null);
      expect(profile.blocks).not.toBeNull();
      // The gap's σ: 1 pA.
      const floor = 1e-12;
      const count = Math.floor(points / NOISE_BLOCK);
      // The σ each block was given (rms over its samples), and the median of it and its neighbours
      // (an end block's own beyond the ends: its stand-in is read from blocks of like current), as
      // the profile takes it.
      const blockTruth = Array.from({ length: count }, (_, b) => blockRms(sigmaAt, b, count));
      let checked = 0;
      let logError = 0;
      for (let b = 0; b < count; b++) {
        const three = [
          blockTruth[b - 1] ?? blockTruth[b]!,
          blockTruth[b]!,
          blockTruth[b + 1] ?? blockTruth[b]!,
        ];
        const truth = three.sort((x, y) => x - y)[1]!;
        const given = noisyAt(profile, b * NOISE_BLOCK + 1) / scale;
        if (truth >= 3 * floor) {
          // Clearly noisier than the sweep: within the σ of the three blocks (the median of three
          // estimates, each ~15 % off; a median of |d2| over a block whose σ grows reads low), and within
          // 20 % in the mean (log scale).
          expect(given).toBeGreaterThan(0.8 * three[0]!);
          expect(given).toBeLessThan(1.2 * three[2]!);
          logError += Math.abs(Math.log(given / truth));
          checked++;
        } else if (truth <= 1.2 * floor) expect(given).toBe(0);
      }
      expect(checked).toBeGreaterThanOrEqual(6);
      expect(logError / checked).toBeLessThan(0.2);
      // noiseOver reads the largest block of a range: the sweep's end blocks are its noisiest.
      expect(noiseOver(profile, 0, points - 1)).toBe(Math.max(...profile.blocks!) * scale);
    }
  });

  it('reads noise that grows to the sweep ends at the end blocks (60 sweeps, 2 pA + 2 % of |I|)', () => {
    // Each end block's σ against the σ it was given (rms over its samples). Before the end blocks'
    // stand-in (the sweep's σ, mostly the gap's) 80 of 120 were noisy, at a median 0.36 of truth.
    const ratios: number[] = [];
    for (let seed = 1; seed <= 20; seed++)
      for (const points of [301, 512, 1024]) {
        const { current, sigmaAt } = noisyCurrent(points, normalFrom(7 * seed + points), 2e-12, 0.02);
        const noise = currentNoiseOf(current);
        const count = Math.floor(points / NOISE_BLOCK);
        for (const b of [0, count - 1]) ratios.push((noise.blocks?.[b] ?? 0) / blockRms(sigmaAt, b, count));
      }
    ratios.sort((a, b) => a - b);
    expect(ratios.filter((r) => r > 0).length).toBeGreaterThanOrEqual(110);
    expect(ratios[ratios.length >> 1]!).toBeGreaterThan(0.65);
    expect(ratios[ratios.length - 1]!).toBeLessThan(1.3);
  });

  it('keeps a clipped end from setting the quiet level (white noise, both ends flat at the limit)', () => {
    // A clipped end block has no noise to read (σ ≈ 0); its stand-in stays the sweep's σ, so the
    // blocks of ordinary noise are not made noisy against it.
    let raised = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const normal = normalFrom(500 + seed);
      const limit = 0.2e-9 + 0.01e-9 * seed;
      const current = Float64Array.from({ length: 401 }, (_, i) => {
        const value = smoothCurrent(-2 + i * 0.01) + 2e-12 * normal();
        return Math.max(-limit, Math.min(limit, value));
      });
      if (currentNoiseOf(current).blocks !== null) raised++;
    }
    expect(raised).toBe(0);
  });

  it("reads a quiet curve's bend as curvature, not noise (an average of thousands of sweeps)", () => {
    // Averaging 2,000 sweeps divides their white noise by √2000 ≈ 45: the model's noise-free
    // current with 0.01 pA of white noise stands for such an average. Its own bend where a band
    // starts then dominates second differences (55 % of these sweeps had a "noisy" block before
    // fourth differences were read; the bench's 10,000-sweep averages 2–5× their quietest block).
    // Three grids, three seeds, 40 sweeps each: at most 12 % keep one (6 % measured: blocks where
    // the 0.01 pA and the bend are alike).
    let raised = 0;
    let sweeps = 0;
    for (const grid of [
      { from: -2, to: 2, points: 512, noise: 1e-14 },
      { from: -1.8, to: 2.4, points: 1024, noise: 1e-14 },
      { from: -2.5, to: 2.2, points: 301, noise: 1e-14 },
    ])
      for (const seed of [7, 8, 9])
        for (const sweep of gaussianBandSweeps(seed, 40, grid)) {
          sweeps++;
          if (currentNoiseOf(sweep.current).blocks !== null) raised++;
        }
    expect(raised / sweeps).toBeLessThan(0.12);
    // A smooth current with a pA of noise at its ±2 V ends (100× the gap's) is noisy there still.
    const { current } = noisyCurrent(1024, normalFrom(5), 1e-14, 0.001);
    const blocks = currentNoiseOf(current).blocks!;
    expect(blocks[0]).toBeGreaterThan(0);
    expect(blocks.at(-1)).toBeGreaterThan(0);
  });

  it('says where the current is noisy, as bias ranges with their σ against the quietest part', () => {
    const points = 1024;
    const normal = normalFrom(7);
    const bias = Float64Array.from({ length: points }, (_, i) => -2 + (4 * i) / (points - 1));
    const noisy = bias.map((v) => {
      const clean = smoothCurrent(v);
      return clean + (1e-12 + 0.01 * Math.abs(clean)) * normal();
    });
    const note = noisyCurrentNote(bias, currentNoiseOf(noisy))!;
    // Two runs, the sweep's ends: from −2.00 V and to +2.00 V, each many times the gap's 1 pA.
    const runs = [
      ...note.matchAll(/([\d.]+)×(?: the sweep's quietest part)? at ([−+][\d.]+) … ([−+][\d.]+) V/g),
    ];
    expect(runs).toHaveLength(2);
    expect(runs[0]![2]).toBe('−2.00');
    expect(runs[1]![3]).toBe('+2.00');
    for (const run of runs) expect(Number(run[1])).toBeGreaterThan(5);
    // The results' figure (SpectrumResult.currentNoiseRaise): the note's largest ratio.
    const largest = Math.max(...runs.map((run) => Number(run[1])));
    expect(noiseRaise(currentNoiseOf(noisy))!.toFixed(1)).toBe(largest.toFixed(1));
    const white = bias.map((v) => smoothCurrent(v) + 2e-12 * normal());
    expect(noisyCurrentNote(bias, currentNoiseOf(white))).toBeNull();
    expect(noiseRaise(currentNoiseOf(white))).toBeNull();
  });

  it("reads a noisy block's σ from the dI/dV too: white noise at its σ, the current's σ when larger", () => {
    const normal = normalFrom(11);
    const points = 4 * NOISE_BLOCK;
    // Block 1 noisy by the current (σ 0.5 A/V through the kernel); the dI/dV there white of σ 2.
    const didv = Float64Array.from({ length: points }, (_, i) =>
      i >= NOISE_BLOCK && i < 2 * NOISE_BLOCK ? 2 * normal() : 0.1 * normal(),
    );
    const blocks = new Float64Array(4);
    blocks[1] = 0.5;
    blocks[3] = 100;
    const read = withDidvNoise({ floor: 0.1, scale: 1, blocks, ends: null }, didv);
    expect(Math.abs(noisyAt(read, NOISE_BLOCK + 5) / 2 - 1)).toBeLessThan(0.25);
    // Block 3's current σ (100) stands above its dI/dV's (~0.1); quiet blocks stay quiet.
    expect(noisyAt(read, 3 * NOISE_BLOCK + 5)).toBe(100);
    expect(noisyAt(read, 5)).toBe(0);
    expect(withDidvNoise({ floor: 0.1, scale: 1, blocks: null, ends: null }, didv).blocks).toBeNull();
  });
});
