// A seeded synthetic Nanonis .3ds bias grid with known truth, in the real file layout (the header
// keys and order of the real lock-in grid, CRLF, `:HEADER_END:`, big-endian float32 pixel blocks
// of 10 parameters then channels × points, sweep + → −). The scene, in grid pixel coordinates:
//   - substrate (Au): metallic, no gap: dI/dV = G0 (1 + 0.2 V²), small enough that 2 pA of noise
//     makes wiggles the first-peak rule would take for edges;
//   - a core-only platelet (disc), band edges of the seed's core centre;
//   - a core–crown platelet: core disc (crown-centre edges) inside a crown rim of a larger gap
//     (crown-edge edges);
//   - weak in-gap states everywhere on particles (the seed's ratios: core 2.4 × crown centre), and
//     a few particle pixels with strong in-gap peaks (up to 0.55 of the VB peak) inside the gap;
// each pixel's edges spread by EDGE_SPREAD; 2 pA white current noise; a lock-in channel
// (LIX 1 omega (A), dI/dV × modulation amplitude plus noise); the frame rotated by 30°. An extra
// channel named `Current [bwd] (A)` is the backward sweep: the same current with its own noise,
// stored against the forward bias axis as Nanonis does.
import { mulberry32 } from '../../src/shared/analysis/random.ts';
import { normal } from '../demo/random.ts';
import { relativeConductance, PEAK_CONDUCTANCE, type SpotTruth } from '../demo/stsModel.ts';

export type GridRegion = 'substrate' | 'core' | 'crown-centre' | 'crown-edge';

export const REGION_TRUTH: Record<Exclude<GridRegion, 'substrate'>, SpotTruth> = {
  core: { vbm: -1.13, cbm: 1.53, trap: 0.04, background: 0.01 },
  'crown-centre': { vbm: -1.11, cbm: 1.59, trap: 0.017, background: 0.01 },
  'crown-edge': { vbm: -1.27, cbm: 1.66, trap: 0.03, background: 0.01 },
};

/** Metallic substrate conductance at 0 V, A/V. */
export const SUBSTRATE_CONDUCTANCE = 0.3e-9;
/** Pixel-to-pixel spread (s.d.) of the band edges, V. */
export const EDGE_SPREAD = 0.015;
/** In-gap trap amplitude of the defect pixels, relative to the VB peak. */
const DEFECT_TRAP = 0.6;
/** Lock-in output per A/V of dI/dV: modulation amplitude 20 mV (LIX in A). */
const LOCK_IN_GAIN = 0.02;

export interface SyntheticGridOptions {
  seed: number;
  width?: number;
  height?: number;
  /** Points per sweep. */
  points?: number;
  /** Frame rotation, degrees. */
  angleDeg?: number;
  /** White current noise, A. */
  noise?: number;
  /** Pixels written before the grid was aborted (default: all). */
  written?: number;
  /** Channels besides the current: the lock-in X, optionally more. Default ['LIX 1 omega (A)']. */
  extraChannels?: string[];
  /** Fraction of particle pixels given in-gap states. */
  defectFraction?: number;
  /** Frame side, m (default 40 nm; 10 nm over 32 pixels puts pixel centres 0.31 nm apart). */
  frameSize?: number;
}

export interface PixelTruth {
  region: GridRegion;
  /** True edges, V (null on the substrate). */
  vbm: number | null;
  cbm: number | null;
  /** Strong in-gap states: the nearest-peak rule may take them for edges. */
  defect: boolean;
}

export interface SyntheticGrid {
  bytes: Uint8Array;
  width: number;
  height: number;
  points: number;
  truth: PixelTruth[];
  /** Frame centre (m), size (m), angle (deg). */
  frame: { centreX: number; centreY: number; width: number; height: number; angleDeg: number };
  biasStart: number;
  biasEnd: number;
}

const SWEEP_START = 2.0;
const SWEEP_END = -2.0;
const FRAME_SIZE = 40e-9;
const CENTRE_X = 120e-9;
const CENTRE_Y = -35e-9;

/** Region of pixel (column, row), from the pixel centre in units of the grid size (0..1). */
export function regionAt(column: number, row: number, width: number, height: number): GridRegion {
  const u = (column + 0.5) / width;
  const v = (row + 0.5) / height;
  const core = Math.hypot(u - 0.27, v - 0.3);
  if (core < 0.17) return 'core';
  const crown = Math.hypot(u - 0.66, v - 0.64);
  if (crown < 0.13) return 'crown-centre';
  if (crown < 0.25) return 'crown-edge';
  return 'substrate';
}

function substrateConductance(v: number): number {
  return (SUBSTRATE_CONDUCTANCE / PEAK_CONDUCTANCE) * (1 + 0.2 * v * v);
}

/** Sweep bias points, acquisition order (+ → −). */
function sweepBias(points: number): Float64Array {
  const step = (SWEEP_END - SWEEP_START) / (points - 1);
  return Float64Array.from({ length: points }, (_, i) =>
    i === points - 1 ? SWEEP_END : SWEEP_START + step * i,
  );
}

/**
 * I(V) (A, I(0) = 0) and dI/dV (A/V) on the sweep points, integrated on the ascending grid with 4
 * trapezoid sub-steps per interval.
 */
function currentOf(bias: Float64Array, conductance: (v: number) => number): [Float64Array, Float64Array] {
  const n = bias.length;
  const ascending = Float64Array.from(bias).reverse();
  const integral = new Float64Array(n);
  const sub = 4;
  for (let i = 1; i < n; i++) {
    const a = ascending[i - 1]!;
    const h = (ascending[i]! - a) / sub;
    let sum = 0;
    for (let k = 0; k < sub; k++) sum += (conductance(a + k * h) + conductance(a + (k + 1) * h)) * 0.5 * h;
    integral[i] = integral[i - 1]! + sum;
  }
  // Shift so I(0 V) = 0: interpolate the integral at 0 V.
  let j = 0;
  while (j < n - 2 && ascending[j + 1]! < 0) j++;
  const t = (0 - ascending[j]!) / (ascending[j + 1]! - ascending[j]!);
  const atZero = integral[j]! + t * (integral[j + 1]! - integral[j]!);
  const current = new Float64Array(n);
  const didv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    current[n - 1 - i] = PEAK_CONDUCTANCE * (integral[i]! - atZero);
    didv[n - 1 - i] = PEAK_CONDUCTANCE * conductance(ascending[i]!);
  }
  return [current, didv];
}

function headerText(o: Required<Omit<SyntheticGridOptions, 'written'>>, channels: string[]): string {
  const lines = [
    `Grid dim="${o.width} x ${o.height}"`,
    `Grid settings=${[CENTRE_X, CENTRE_Y, o.frameSize, o.frameSize, o.angleDeg].map((v) => v.toExponential(6).toUpperCase()).join(';')}`,
    'Filetype=Linear',
    'Sweep Signal="Bias (V)"',
    'Fixed parameters="Sweep Start;Sweep End"',
    'Experiment parameters="X (m);Y (m);Z (m);Z offset (m);Settling time (s);Integration time (s);Z-Ctrl hold;Final Z (m)"',
    '# Parameters (4 byte)=10',
    `Experiment size (bytes)=${channels.length * o.points * 4}`,
    `Points=${o.points}`,
    `Channels="${channels.join(';')}"`,
    'Delay before measuring (s)=1.000000E+0',
    'Experiment="Grid Spectroscopy"',
    'Start time="21.11.2026 09:00:00"',
    'End time="21.11.2026 15:00:00"',
    'User=',
    `Comment=synthetic grid seed ${o.seed}`,
    'Bias>Bias (V)=100E-3',
    `Bias Spectroscopy>Sweep Start (V)=${SWEEP_START}E+0`,
    `Bias Spectroscopy>Sweep End (V)=${SWEEP_END}E+0`,
    `Bias Spectroscopy>Num Pixel=${o.points}`,
    'Bias Spectroscopy>backward sweep=FALSE',
    'Bias Spectroscopy>Z-controller hold=TRUE',
    'Bias Spectroscopy>Lock-In run=TRUE',
    'Current>Current (A)=1E-9',
    'Lock-in>Modulated signal="Bias (V)"',
    'Lock-in>Amplitude=20E-3',
    'Lock-in>Demodulated signal="Current (A)"',
    'Lock-in>Harmonic=1',
  ];
  return lines.join('\r\n') + '\r\n:HEADER_END:\r\n';
}

export function syntheticGrid(options: SyntheticGridOptions): SyntheticGrid {
  const o = {
    width: 48,
    height: 48,
    points: 256,
    angleDeg: 30,
    noise: 2e-12,
    extraChannels: ['LIX 1 omega (A)'],
    defectFraction: 0.04,
    frameSize: FRAME_SIZE,
    ...options,
  };
  const uniform = mulberry32(o.seed);
  const gaussian = normal(uniform);
  const channels = ['Current (A)', ...o.extraChannels];
  const header = new TextEncoder().encode(headerText(o, channels));
  const total = o.width * o.height;
  const written = Math.min(total, o.written ?? total);
  const pixelFloats = 10 + channels.length * o.points;
  const bytes = new Uint8Array(header.length + written * pixelFloats * 4);
  bytes.set(header);
  const view = new DataView(bytes.buffer, header.length);
  const bias = sweepBias(o.points);
  const angle = (o.angleDeg * Math.PI) / 180;
  const truth: PixelTruth[] = [];
  for (let pixel = 0; pixel < total; pixel++) {
    const column = pixel % o.width;
    const row = Math.floor(pixel / o.width);
    const region = regionAt(column, row, o.width, o.height);
    let spot: SpotTruth | null = null;
    let defect = false;
    if (region !== 'substrate') {
      const base = REGION_TRUTH[region];
      defect = uniform() < o.defectFraction;
      spot = {
        ...base,
        vbm: base.vbm + EDGE_SPREAD * gaussian(),
        cbm: base.cbm + EDGE_SPREAD * gaussian(),
        trap: defect ? DEFECT_TRAP : base.trap,
      };
    }
    truth.push({ region, vbm: spot?.vbm ?? null, cbm: spot?.cbm ?? null, defect });
    if (pixel >= written) continue;
    const [current, didv] = currentOf(
      bias,
      spot === null
        ? substrateConductance
        : (v) => relativeConductance(v, spot) + (defect ? defectPeaks(v) : 0),
    );
    // Pixel centres in the frame rotated clockwise about its centre (Nanonis), metres.
    const localX = ((column + 0.5) / o.width - 0.5) * o.frameSize;
    const localY = ((row + 0.5) / o.height - 0.5) * o.frameSize;
    const x = CENTRE_X + localX * Math.cos(angle) + localY * Math.sin(angle);
    const y = CENTRE_Y - localX * Math.sin(angle) + localY * Math.cos(angle);
    const parameters = [SWEEP_START, SWEEP_END, x, y, -2e-9, 0, 5e-3, 20e-3, 1, -2e-9];
    let at = pixel * pixelFloats * 4;
    for (const value of parameters) {
      view.setFloat32(at, value);
      at += 4;
    }
    for (let i = 0; i < o.points; i++, at += 4) view.setFloat32(at, current[i]! + o.noise * gaussian());
    for (let c = 1; c < channels.length; c++) {
      if (channels[c]!.startsWith('Current')) {
        for (let i = 0; i < o.points; i++, at += 4) view.setFloat32(at, current[i]! + o.noise * gaussian());
        continue;
      }
      for (let i = 0; i < o.points; i++, at += 4) {
        view.setFloat32(at, LOCK_IN_GAIN * didv[i]! + LOCK_IN_GAIN * 0.01 * PEAK_CONDUCTANCE * gaussian());
      }
    }
  }
  return {
    bytes,
    width: o.width,
    height: o.height,
    points: o.points,
    truth,
    frame: {
      centreX: CENTRE_X,
      centreY: CENTRE_Y,
      width: o.frameSize,
      height: o.frameSize,
      angleDeg: o.angleDeg,
    },
    biasStart: SWEEP_START,
    biasEnd: SWEEP_END,
  };
}

/** Strong in-gap states of a defect pixel (relative to the VB peak): two peaks inside the gap. */
function defectPeaks(v: number): number {
  const z1 = (v + 0.45) / 0.08;
  const z2 = (v - 0.7) / 0.08;
  return 0.55 * Math.exp(-0.5 * z1 * z1) + 0.5 * Math.exp(-0.5 * z2 * z2);
}
