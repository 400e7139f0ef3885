// Seeded synthetic STS spectra for benchmarks and the worker tests: three groups with the seed
// study's band edges, dI/dV = band-edge peaks + continuum + in-gap traps + background, I(V) its
// cumulative trapezoid from 0 V, white current noise. Some spots are repeated-sweep series (sweep
// columns of one file, or consecutive files at one spot); backward sweeps run the other way.
import type { PipelineSpectrum } from '../../src/shared/analysis/index.ts';

const GROUPS = [
  { label: 'core', vbm: -1.13, cbm: 1.53, trap: 0.05 },
  { label: 'crown-centre', vbm: -1.11, cbm: 1.59, trap: 0.025 },
  { label: 'crown-edge', vbm: -1.27, cbm: 1.66, trap: 0.04 },
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  count: number;
  points: number;
  seed?: number;
  /** Also record backward sweeps. */
  backward?: boolean;
  /** White current noise, A. */
  noise?: number;
}

export function syntheticSpectra(options: SyntheticOptions): Array<PipelineSpectrum<number>> {
  const { count, points, seed = 2026, backward = false, noise = 1e-12 } = options;
  const uniform = mulberry32(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Sweeps run + → − as on the instrument; the analysis sorts them.
  const bias = Float64Array.from({ length: points }, (_, i) => 2 - (4 * i) / (points - 1));
  const g = (v: number, c: number, w: number): number => Math.exp(-0.5 * ((v - c) / w) ** 2);
  const currentOf = (vbm: number, cbm: number, trap: number, fill: number): Float64Array => {
    const didv = bias.map(
      (v) =>
        1e-9 *
        (g(v, vbm, 0.09) +
          1.3 * g(v, cbm, 0.09) +
          2 * Math.max(0, vbm - 0.25 - v) ** 1.2 +
          2.5 * Math.max(0, v - cbm - 0.25) ** 1.2 +
          trap * (g(v, -0.35, 0.15) + 0.8 * g(v, 0.55, 0.2)) +
          0.01 +
          fill),
    );
    // Cumulative trapezoid from the point nearest 0 V outward, so I(0) ≈ 0.
    const zero = Math.round((points - 1) / 2);
    const current = new Float64Array(points);
    for (let i = zero + 1; i < points; i++)
      current[i] = current[i - 1]! + 0.5 * (didv[i]! + didv[i - 1]!) * (bias[i]! - bias[i - 1]!);
    for (let i = zero - 1; i >= 0; i--)
      current[i] = current[i + 1]! - 0.5 * (didv[i]! + didv[i + 1]!) * (bias[i + 1]! - bias[i]!);
    for (let i = 0; i < points; i++) current[i] = current[i]! + noise * gaussian();
    return current;
  };
  const out: Array<PipelineSpectrum<number>> = [];
  let file = 0;
  while (out.length < count) {
    const group = GROUPS[file % 3]!;
    const vbm = group.vbm + 0.03 * gaussian();
    const cbm = group.cbm + 0.03 * gaussian();
    const x = (file % 100) * 20e-9;
    const y = Math.floor(file / 100) * 20e-9;
    // Every 10th spot: 3 sweeps in one file; every 15th: 3 consecutive files at the spot.
    const sweeps = file % 10 === 0 ? 3 : 1;
    const files = file % 15 === 7 ? 3 : 1;
    for (let f = 0; f < files && out.length < count; f++) {
      const name = `Bias-Spectroscopy${String(file).padStart(5, '0')}-${f}.dat`;
      for (let k = 1; k <= sweeps && out.length < count; k++) {
        const n = f + k - 1;
        const current = currentOf(vbm + 0.03 * n, cbm - 0.06 * n, group.trap * (1 + n), 0.02 * n);
        const reversed = backward
          ? { bias: bias.slice().reverse(), current: currentOf(vbm, cbm, group.trap, 0).reverse() }
          : null;
        out.push({
          id: out.length + 1,
          label: file % 50 === 49 ? null : group.label,
          fileName: name,
          time: (file * 3 + f) * 60_000,
          x: x + f * 0.05e-9,
          y,
          sweep: k,
          bias,
          current,
          backward: reversed,
        });
      }
    }
    file++;
  }
  return out;
}
