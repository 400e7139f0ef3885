// Generates the demo session in resources/demo (deterministic): 64 Nanonis .dat sweeps on three
// groups of ~20 spots (core, crown-centre, crown-edge) modelled on the seed study's band edges,
// every spot with in-gap trap states near −0.35 and +0.55 V (isolated peaks of up to 0.6 of the
// principal VB peak in the degraded core sweeps), one repeated-sweep series per kind (core
// degrades: edges move inward while its in-gap states grow; crown stays), one .sxm topography
// with the platelets under the tip positions, labels.csv and truth.json (what the analysis must
// recover; band edges are the band-edge peak apexes of the noise-free model, stsModel.trueEdges).
// Run: node scripts/generateDemo.ts [outDir]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoGroup } from './demo/layout.ts';
import { FRAME, platelets, spotPlan } from './demo/layout.ts';
import { mulberry32, normal } from './demo/random.ts';
import { modelCurrent, relativeConductance, trueEdges, withNoise } from './demo/bandModel.ts';
import type { SpotTruth } from './demo/bandModel.ts';
import { topography } from './demo/topography.ts';
import { writeNanonisDat } from './nanonis/writeNanonisDat.ts';
import type { SweepCurrents } from './nanonis/writeNanonisDat.ts';
import { writeNanonisSxm } from './nanonis/writeNanonisSxm.ts';

/** Band edges (V) and in-gap trap strength (scales the two trap states' heights) of each group. */
const GROUP_TRUTH: Record<DemoGroup, { vbm: number; cbm: number; trap: number }> = {
  core: { vbm: -1.13, cbm: 1.53, trap: 1 },
  'crown-centre': { vbm: -1.11, cbm: 1.59, trap: 0.42 },
  'crown-edge': { vbm: -1.27, cbm: 1.66, trap: 0.75 },
};
/** The trap states at trap strength 1: bias V, height relative to the principal VB peak, σ V. */
const TRAP_STATES = [
  { bias: -0.35, height: 0.3, width: 0.08 },
  { bias: 0.55, height: 0.24, width: 0.1 },
];
const BACKGROUND = 0.01;
/** Spot-to-spot spread of the band edges, volts. */
const EDGE_SPREAD = 0.03;
/** White current noise per point, amperes. */
const CURRENT_NOISE = 2e-12;
const SWEEPS_PER_SERIES = 5;

const uniform = mulberry32(20261121);
const gaussian = normal(uniform);
const bias = Float64Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);

function sweepOf(spot: SpotTruth): SweepCurrents {
  const ideal = modelCurrent(bias, spot);
  return {
    forward: withNoise(ideal, CURRENT_NOISE, gaussian),
    backward: withNoise(ideal, CURRENT_NOISE, gaussian),
  };
}

/** Core-only platelets fill their gap sweep by sweep; core–crown ones barely change. */
function degraded(first: SpotTruth, group: DemoGroup, k: number): SpotTruth {
  const n = k - 1;
  if (group === 'core') {
    return {
      vbm: first.vbm + 0.06 * n,
      cbm: first.cbm - 0.12 * n,
      inGap: first.inGap.map((s) => ({ ...s, height: Math.min(0.6, s.height * (1 + 0.25 * n)) })),
      background: first.background + 0.01 * n,
    };
  }
  return {
    vbm: first.vbm + 0.004 * n,
    cbm: first.cbm - 0.008 * n,
    inGap: first.inGap.map((s) => ({ ...s, height: s.height * (1 + 0.05 * n) })),
    background: first.background,
  };
}

/** Principal VB peak of the noise-free dI/dV: its largest value at V < 0 (1 mV grid over the sweep). */
function principalPeak(spot: SpotTruth): number {
  let best = 0;
  for (let k = 1; k <= 2000; k++) best = Math.max(best, relativeConductance(-k * 1e-3, spot));
  return best;
}

/** Deep-trap integral of the noise-free dI/dV, normalised by its principal VB peak, over [-0.8, 1.0] V (trapezoid, 1 mV). */
function deepTrapTruth(spot: SpotTruth): number {
  const peakValue = principalPeak(spot);
  let sum = 0;
  for (let k = 0; k <= 1800; k++)
    sum += (k === 0 || k === 1800 ? 0.5 : 1) * relativeConductance(-0.8 + k * 1e-3, spot);
  return (sum * 1e-3) / peakValue;
}

function dateOf(minutes: number): string {
  const t = new Date(Date.UTC(2026, 10, 21, 9, 0, 0) + minutes * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(t.getUTCDate())}.${pad(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../resources/demo'));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const allPlatelets = platelets();
const spots = spotPlan(allPlatelets, uniform);
const labels: string[] = ['file,label'];
const perSpot: Array<{ file: string; group: DemoGroup; vbm: number; cbm: number; deepTrap: number }> = [];
const series: Array<{ files: string[]; group: DemoGroup; sweeps: SpotTruth[] }> = [];
let fileNumber = 0;
let minutes = 0;
const nextName = (): string => `Bias-Spectroscopy${String(++fileNumber).padStart(3, '0')}.dat`;

// Interleave the groups in time, as an operator moving between platelets would.
const order = [...spots.keys()].sort((a, b) => (a % 20) - (b % 20) || a - b);
for (const index of order) {
  const plan = spots[index]!;
  const base = GROUP_TRUTH[plan.group];
  const trap = base.trap * (1 + 0.1 * gaussian());
  const truth: SpotTruth = {
    vbm: base.vbm + EDGE_SPREAD * gaussian(),
    cbm: base.cbm + EDGE_SPREAD * gaussian(),
    inGap: TRAP_STATES.map((s) => ({ ...s, height: s.height * trap })),
    background: BACKGROUND,
  };
  const isCoreSeries = plan.group === 'core' && index === 0;
  const isCrownSeries = plan.group === 'crown-centre' && index === 20;
  const sweepTruths =
    isCoreSeries || isCrownSeries
      ? Array.from({ length: SWEEPS_PER_SERIES }, (_, k) => degraded(truth, plan.group, k + 1))
      : [truth];
  if (isCrownSeries) {
    // Repeated sweeps saved as consecutive files at the same spot (within 0.1 nm).
    const files: string[] = [];
    sweepTruths.forEach((sweep, k) => {
      const name = nextName();
      const file = writeNanonisDat({
        x: plan.x + 0.05e-9 * k,
        y: plan.y,
        bias,
        sweeps: [sweepOf(sweep)],
        date: dateOf((minutes += 1)),
      });
      writeFileSync(join(outDir, name), file);
      labels.push(`${name},${plan.group}`);
      files.push(name);
    });
    series.push({ files, group: plan.group, sweeps: sweepTruths });
  } else {
    const name = nextName();
    const file = writeNanonisDat({
      x: plan.x,
      y: plan.y,
      bias,
      sweeps: sweepTruths.map(sweepOf),
      date: dateOf((minutes += 2)),
    });
    writeFileSync(join(outDir, name), file);
    labels.push(`${name},${plan.group}`);
    if (isCoreSeries) series.push({ files: [name], group: plan.group, sweeps: sweepTruths });
  }
  const firstFile = isCrownSeries ? fileNumber - SWEEPS_PER_SERIES + 1 : fileNumber;
  const edges = trueEdges(truth);
  perSpot.push({
    file: `Bias-Spectroscopy${String(firstFile).padStart(3, '0')}.dat`,
    group: plan.group,
    vbm: edges.vbm,
    cbm: edges.cbm,
    deepTrap: deepTrapTruth(truth),
  });
}

const PIXELS = 256;
const z = topography(allPlatelets, PIXELS, gaussian);
const current = Float32Array.from({ length: PIXELS * PIXELS }, () => 1e-9 + 2e-11 * gaussian());
const sxm = writeNanonisSxm(
  {
    width: PIXELS,
    height: PIXELS,
    rangeX: FRAME.size,
    rangeY: FRAME.size,
    centreX: FRAME.centreX,
    centreY: FRAME.centreY,
    angleDeg: 0,
    date: '21.11.2026',
    time: '08:40:00',
    biasV: 2.0,
    channels: [
      { name: 'Z', unit: 'm', forward: z, backward: z.map((value) => value + 5e-12 * gaussian()) },
      {
        name: 'Current',
        unit: 'A',
        forward: current,
        backward: current.map((value) => value + 1e-11 * gaussian()),
      },
    ],
    comment: 'STS Workbench demo: CsPbBr3 core-only and CsPbBr3/FAPbBr3 core-crown platelets on Au(111)',
  },
  'Topography001.sxm',
);
writeFileSync(join(outDir, 'Topography001.sxm'), sxm);
writeFileSync(join(outDir, 'labels.csv'), labels.join('\n') + '\n');

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const groups = (['core', 'crown-centre', 'crown-edge'] as const).map((group) => {
  const members = perSpot.filter((spot) => spot.group === group);
  return {
    label: group,
    n: members.length,
    vbmMean: mean(members.map((m) => m.vbm)),
    cbmMean: mean(members.map((m) => m.cbm)),
    deepTrapMean: mean(members.map((m) => m.deepTrap)),
  };
});
const core = groups[0]!;
const crown = groups[1]!;
writeFileSync(
  join(outDir, 'truth.json'),
  JSON.stringify(
    {
      about: 'Known truth of the generated demo session (scripts/generateDemo.ts); edges in volts',
      groups,
      deepTrapReductionCoreToCrownCentre: 1 - crown.deepTrapMean / core.deepTrapMean,
      series: series.map((s) => ({
        files: s.files,
        label: s.group,
        sweeps: s.sweeps.map((t) => {
          const e = trueEdges(t);
          return { vbm: e.vbm, cbm: e.cbm, gap: e.cbm - e.vbm, inGap: t.inGap };
        }),
      })),
    },
    null,
    2,
  ) + '\n',
);
console.log(`demo session written to ${outDir}: ${fileNumber} spectra files, 1 topography`);
