// A seeded model of STS sweeps with known truth, unlike the demo's (scripts/demo/bandModel.ts), for
// acceptance tests that should not share the generator the analysis was tuned on: dI/dV (in units
// of the VB edge peak's conductance, 1 nA/V) has one Gaussian peak at each band edge (σ 50–110 mV;
// the CB's 1.3 times taller), a square-root continuum beyond it, 0–2 isolated Gaussian trap states
// of 0.1–0.6 inside the gap (and, when asked for, a broad in-gap density) and a background of 0.01; I(V) is its integral from 0 V plus white
// current noise. Units: V, A.
import { mulberry32 } from '../shared/analysis/random.ts';
import type { PipelineSpectrum } from '../shared/analysis/index.ts';

export interface ModelTrap {
  /** Centre, V. */
  bias: number;
  /** Height relative to the VB edge peak. */
  height: number;
  /** Gaussian σ, V. */
  width: number;
}

export interface ModelSweep {
  bias: Float64Array;
  /** A, noise included. */
  current: Float64Array;
  /** Centres of the band-edge peaks, V: the true edges (the continuum starts one σ beyond). */
  vbm: number;
  cbm: number;
  traps: ModelTrap[];
  /** Noise-free dI/dV, A/V: for truths the tests compute themselves (integrals, peak heights). */
  didv: (v: number) => number;
}

export interface ModelGrid {
  from: number;
  to: number;
  points: number;
  /** White current noise σ, A. */
  noise: number;
  /**
   * Broad in-gap density (relative to the VB edge peak) drawn per sweep from [min, max): Gaussians
   * at −0.3 V (σ 0.15) and 0.5 V (0.8 of it, σ 0.2), as deep traps fill a degraded gap. Default none.
   */
  gapDensity?: [number, number];
  /**
   * More white current noise whose σ is this fraction of |I| (tip-height and feedback noise, as
   * real sweeps carry: a band's shoulders are many times noisier than the gap). Default none.
   */
  relativeNoise?: number;
}

const gauss = (v: number, centre: number, width: number): number =>
  Math.exp(-0.5 * ((v - centre) / width) ** 2);

/** dI/dV, relative units. */
function conductance(
  v: number,
  vbm: number,
  cbm: number,
  width: number,
  traps: ModelTrap[],
  density: number,
): number {
  let d = 0.01 + gauss(v, vbm, width) + 1.3 * gauss(v, cbm, width);
  d += density * (gauss(v, -0.3, 0.15) + 0.8 * gauss(v, 0.5, 0.2));
  d += 0.6 * Math.sqrt(Math.max(0, vbm - width - v)) + 0.8 * Math.sqrt(Math.max(0, v - cbm - width));
  for (const t of traps) d += t.height * gauss(v, t.bias, t.width);
  return d;
}

/** `count` independent sweeps on one bias grid (ascending; `from` < 0 < `to`), seeded. */
export function gaussianBandSweeps(seed: number, count: number, grid: ModelGrid): ModelSweep[] {
  const uniform = mulberry32(seed);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(uniform() + 1e-300)) * Math.cos(2 * Math.PI * uniform());
  const step = (grid.to - grid.from) / (grid.points - 1);
  const sweeps: ModelSweep[] = [];
  for (let k = 0; k < count; k++) {
    const vbm = -1.4 + 0.5 * uniform();
    const cbm = 1.1 + 0.6 * uniform();
    const width = 0.05 + 0.06 * uniform();
    const traps: ModelTrap[] = [];
    for (let t = Math.floor(3 * uniform()); t > 0; t--)
      traps.push({
        bias: vbm + 0.4 + (cbm - vbm - 0.8) * uniform(),
        height: 0.1 + 0.5 * uniform(),
        width: 0.03 + 0.03 * uniform(),
      });
    // I(V) = ∫₀^V dI/dV: cumulative trapezoids, 20 per grid step, from the sweep's start, less the
    // same integral up to 0 V; then white noise.
    const bias = Float64Array.from({ length: grid.points }, (_, i) => grid.from + i * step);
    // Drawn only when asked for, so sessions without it keep their random sequence.
    const density = grid.gapDensity
      ? grid.gapDensity[0] + (grid.gapDensity[1] - grid.gapDensity[0]) * uniform()
      : 0;
    const dIdV = (v: number): number => 1e-9 * conductance(v, vbm, cbm, width, traps, density);
    const integrate = (from: number, to: number, pieces: number): number => {
      const h = (to - from) / pieces;
      let sum = 0;
      for (let j = 0; j < pieces; j++) sum += 0.5 * h * (dIdV(from + j * h) + dIdV(from + (j + 1) * h));
      return sum;
    };
    const atZero = integrate(grid.from, 0, 20 * Math.ceil(-grid.from / step));
    const current = new Float64Array(grid.points);
    let cumulative = 0;
    for (let i = 0; i < grid.points; i++) {
      if (i > 0) cumulative += integrate(bias[i - 1]!, bias[i]!, 20);
      current[i] = cumulative - atZero + grid.noise * normal();
    }
    // Drawn only when asked for, so sessions without it keep their random sequence.
    const relative = grid.relativeNoise ?? 0;
    if (relative > 0)
      for (let i = 0; i < grid.points; i++)
        current[i] = current[i]! * (1 + relative * Math.sign(current[i]!) * normal());
    sweeps.push({ bias, current, vbm, cbm, traps, didv: dIdV });
  }
  return sweeps;
}

/** The sweeps as independent spots for runPipeline: one sweep each, an hour and 10 nm apart, one label. */
export function modelSpectra(model: ReadonlyArray<ModelSweep>, label = 'A'): Array<PipelineSpectrum<number>> {
  return model.map((sweep, k) => ({
    id: k,
    fileName: `spot${k}.dat`,
    time: k * 3_600_000,
    x: k * 1e-8,
    y: 0,
    sweep: 1,
    label,
    bias: sweep.bias,
    current: sweep.current,
  }));
}
