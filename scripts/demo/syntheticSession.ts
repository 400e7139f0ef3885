// A seeded synthetic STS session with known truth, for acceptance tests of the analysis: three
// labelled groups of spots; every spot with 1–3 in-gap states of 0.1–0.6 of the principal VB
// peak; degrading repeated-sweep series (band edges move inward, in-gap states grow), both as the
// sweeps of one file and as consecutive files a minute apart; spots revisited at the same X/Y hours
// later (independent spots, counted in n); ~5 % of sweeps clipped, ~8 % with a tip change; 2 pA
// current noise. Units: V, A, m, ms.
import type { PipelineSpectrum } from '../../src/shared/analysis/index.ts';
import { mulberry32, normal } from './random.ts';
import {
  clipped,
  modelCurrent,
  principalBandPeak,
  trueEdges,
  withNoise,
  withTipChange,
} from './bandModel.ts';
import type { InGapTruth, SpotTruth } from './bandModel.ts';

export interface SpectrumTruth {
  group: string;
  /** True band edges (V) and gap of this sweep. */
  vbm: number;
  cbm: number;
  gap: number;
  saturated: boolean;
  tipChange: boolean;
  /** Index of the true series (spot visit) and 1-based sweep in it. */
  series: number;
  sweep: number;
}

export type SyntheticSpectrum = PipelineSpectrum<number> & { truth: SpectrumTruth };

export interface SyntheticSession {
  spectra: SyntheticSpectrum[];
  /** Per group: true mean edges over the clean first sweeps, and how many spots that is. */
  groups: Array<{ label: string; vbmMean: number; cbmMean: number; spots: number }>;
  /** Degrading series: the true gap of every sweep, V. */
  series: Array<{ ids: number[]; gaps: number[] }>;
}

const GROUPS = [
  { label: 'A', vbm: -1.1, cbm: 1.5 },
  { label: 'B', vbm: -1.25, cbm: 1.65 },
  { label: 'C', vbm: -0.95, cbm: 1.35 },
];
const SPOTS_PER_GROUP = 16;
const NOISE = 2e-12;
const SWEEPS = 5;
const BIAS = Float64Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
const START = Date.UTC(2026, 10, 21, 9, 0, 0);
/** Height of the model's principal VB peak above the background, in the model's relative units. */
const PRINCIPAL = principalBandPeak();

export function syntheticSession(seed: number): SyntheticSession {
  const uniform = mulberry32(seed);
  const gaussian = normal(uniform);
  const spectra: SyntheticSpectrum[] = [];
  const seriesTruth: SyntheticSession['series'] = [];
  const clean = new Map<string, Array<{ vbm: number; cbm: number }>>();
  let time = START;
  let id = 0;
  let file = 0;
  let series = 0;

  /** 1–3 isolated states (≥ 0.3 V apart), 0.1–0.6 of the principal VB peak. */
  const inGapStates = (vbm: number, cbm: number, margin: number): InGapTruth[] => {
    const count = 1 + Math.floor(uniform() * 3);
    const states: InGapTruth[] = [];
    for (let attempt = 0; states.length < count && attempt < 50; attempt++) {
      const bias = vbm + margin + uniform() * (cbm - vbm - 2 * margin);
      if (states.some((s) => Math.abs(s.bias - bias) < 0.3)) continue;
      states.push({ bias, height: (0.1 + 0.5 * uniform()) * PRINCIPAL, width: 0.04 + 0.04 * uniform() });
    }
    return states;
  };

  /** One sweep's current with the session's defects; returns the truth flags. */
  const sweepOf = (spot: SpotTruth): { current: Float64Array; saturated: boolean; tipChange: boolean } => {
    let current = withNoise(modelCurrent(BIAS, spot), NOISE, gaussian);
    const roll = uniform();
    if (roll < 0.05) {
      const top = Math.min(Math.abs(current[0]!), Math.abs(current[current.length - 1]!));
      current = clipped(current, (0.4 + 0.4 * uniform()) * top);
      return { current, saturated: true, tipChange: false };
    }
    if (roll < 0.13) {
      const at = Math.floor((0.15 + 0.7 * uniform()) * BIAS.length);
      const factor = uniform() < 0.5 ? 0.5 + 0.27 * uniform() : 1.3 + 0.7 * uniform();
      const offset = (uniform() < 0.5 ? -1 : 1) * (20e-12 + 80e-12 * uniform());
      return { current: withTipChange(current, at, factor, offset), saturated: false, tipChange: true };
    }
    return { current, saturated: false, tipChange: false };
  };

  const push = (
    group: string,
    spot: SpotTruth,
    at: { x: number; y: number; fileName: string; time: number; sweep: number },
    seriesIndex: number,
    /** Sweep of the true series (files of a repeated-sweep series are each sweep 1 of their file). */
    truthSweep = at.sweep,
  ): number => {
    const sweep = sweepOf(spot);
    const edges = trueEdges(spot);
    spectra.push({
      id,
      label: group,
      fileName: at.fileName,
      time: at.time,
      x: at.x,
      y: at.y,
      sweep: at.sweep,
      bias: BIAS,
      current: sweep.current,
      truth: {
        group,
        vbm: edges.vbm,
        cbm: edges.cbm,
        gap: edges.cbm - edges.vbm,
        saturated: sweep.saturated,
        tipChange: sweep.tipChange,
        series: seriesIndex,
        sweep: truthSweep,
      },
    });
    if (truthSweep === 1 && !sweep.saturated && !sweep.tipChange) {
      const list = clean.get(group) ?? [];
      list.push(edges);
      clean.set(group, list);
    }
    return id++;
  };
  const nextFile = (): string => `Bias-Spectroscopy${String(++file).padStart(4, '0')}.dat`;

  const visits: Array<{
    group: string;
    spot: SpotTruth;
    x: number;
    y: number;
    degrade: 'none' | 'sweeps' | 'files';
  }> = [];
  GROUPS.forEach((g, gi) => {
    for (let s = 0; s < SPOTS_PER_GROUP; s++) {
      const vbm = g.vbm + 0.03 * gaussian();
      const cbm = g.cbm + 0.03 * gaussian();
      const degrade = s === 0 ? 'sweeps' : s === 1 ? 'files' : 'none';
      const margin = degrade === 'none' ? 0.4 : 0.7;
      visits.push({
        group: g.label,
        spot: { vbm, cbm, inGap: inGapStates(vbm, cbm, margin), background: 0.02 },
        x: (50 + 20 * gi) * 1e-9 + s * 5e-9,
        y: (40 + 30 * gi) * 1e-9,
        degrade,
      });
    }
  });
  // Interleave the groups in time, as an operator moving between platelets would.
  visits.sort((a, b) => a.x + a.y - (b.x + b.y));
  const degraded = (first: SpotTruth, k: number): SpotTruth => ({
    vbm: first.vbm + 0.05 * (k - 1),
    cbm: first.cbm - 0.08 * (k - 1),
    inGap: first.inGap.map((s) => ({
      ...s,
      height: Math.min(0.6 * PRINCIPAL, s.height * (1 + 0.3 * (k - 1))),
    })),
    background: first.background + 0.01 * (k - 1),
  });
  const record = (visit: (typeof visits)[number]): void => {
    const ids: number[] = [];
    const gaps: number[] = [];
    const index = series++;
    if (visit.degrade === 'sweeps') {
      const fileName = nextFile();
      time += 3 * 60_000;
      for (let k = 1; k <= SWEEPS; k++) {
        const spot = degraded(visit.spot, k);
        ids.push(push(visit.group, spot, { x: visit.x, y: visit.y, fileName, time, sweep: k }, index));
        gaps.push(spectra[spectra.length - 1]!.truth.gap);
      }
    } else if (visit.degrade === 'files') {
      for (let k = 1; k <= SWEEPS; k++) {
        time += 60_000;
        const spot = degraded(visit.spot, k);
        // Repeated sweeps saved as consecutive files at the same spot (within 0.1 nm).
        const at = { x: visit.x + 0.05e-9 * k, y: visit.y, fileName: nextFile(), time, sweep: 1 };
        ids.push(push(visit.group, spot, at, index, k));
        gaps.push(spectra[spectra.length - 1]!.truth.gap);
      }
    } else {
      time += (2 + 2 * uniform()) * 60_000;
      push(visit.group, visit.spot, { x: visit.x, y: visit.y, fileName: nextFile(), time, sweep: 1 }, index);
    }
    if (ids.length) seriesTruth.push({ ids, gaps });
  };
  for (const visit of visits) record(visit);
  // Hours later: every fourth spot revisited at the same X/Y, a fresh spot (its own series).
  time += 3 * 3600_000;
  visits.forEach((visit, i) => {
    if (i % 4 !== 2 || visit.degrade !== 'none') return;
    const spot: SpotTruth = {
      ...visit.spot,
      vbm: visit.spot.vbm + 0.02 * gaussian(),
      cbm: visit.spot.cbm + 0.02 * gaussian(),
    };
    record({ ...visit, spot });
  });

  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const groups = GROUPS.map((g) => {
    const list = clean.get(g.label) ?? [];
    return {
      label: g.label,
      vbmMean: mean(list.map((e) => e.vbm)),
      cbmMean: mean(list.map((e) => e.cbm)),
      spots: spectra.filter((s) => s.label === g.label && s.truth.sweep === 1).length,
    };
  });
  return { spectra, groups, series: seriesTruth };
}
