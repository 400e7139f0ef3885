// Writes docs/figures/degraded-sweep.svg: a degraded sweep of the demo model (band edges moved
// inward, in-gap trap states grown to ~0.6 of the principal VB peak, 2 pA noise) with the edges of
// the 'band' method (default), of 'first-peak' and of 'onset', the in-gap baseline and the in-gap
// states the band method reports. Run: node scripts/docsFigure.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bandWalk,
  differentiate,
  findBandEdges,
  prepareCurve,
  resolveRecipe,
} from '../src/shared/analysis/index.ts';
import { mulberry32, normal } from './demo/random.ts';
import { PEAK_CONDUCTANCE, modelCurrent, principalBandPeak, trueEdges, withNoise } from './demo/bandModel.ts';

const principal = principalBandPeak();
const spot = {
  vbm: -0.89,
  cbm: 1.05,
  inGap: [
    { bias: -0.35, height: 0.6 * principal, width: 0.08 },
    { bias: 0.55, height: 0.5 * principal, width: 0.1 },
  ],
  background: 0.05,
};
const bias = Float64Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
const current = withNoise(modelCurrent(bias, spot), 2e-12, normal(mulberry32(9)));
const recipe = resolveRecipe();
const curve = prepareCurve({ bias, current }, null, recipe);
if (!curve.ok) throw new Error(curve.reason);
const d = differentiate(curve, recipe);
if (!d.ok) throw new Error(d.reason);
const didv = d.didv.slice();
const band = findBandEdges(curve.bias, didv, recipe.edges);
const firstPeak = findBandEdges(curve.bias, didv, { ...recipe.edges, method: 'first-peak' });
const onset = findBandEdges(curve.bias, didv, { ...recipe.edges, method: 'onset' });
const walk = bandWalk(curve.bias, didv, recipe.edges);
const truth = trueEdges(spot);

const W = 760;
const H = 440;
const m = { left: 70, right: 20, top: 20, bottom: 56 };
const yMax = 1.3;
const x = (v: number): number => m.left + ((v + 2) / 4) * (W - m.left - m.right);
const y = (g: number): number => H - m.bottom - (g / yMax) * (H - m.top - m.bottom);
const nA = (a: number): number => a / PEAK_CONDUCTANCE;
const parts: string[] = [];
parts.push(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="13">`,
);
parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
for (let v = -2; v <= 2.001; v += 0.5) {
  parts.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${y(0)}" y2="${y(0) + 5}" stroke="black"/>`);
  parts.push(`<text x="${x(v)}" y="${y(0) + 20}" text-anchor="middle">${v.toFixed(1)}</text>`);
}
for (let g = 0; g <= yMax + 1e-9; g += 0.25) {
  parts.push(`<line x1="${m.left - 5}" x2="${m.left}" y1="${y(g)}" y2="${y(g)}" stroke="black"/>`);
  parts.push(`<text x="${m.left - 8}" y="${y(g) + 4}" text-anchor="end">${g.toFixed(2)}</text>`);
}
parts.push(
  `<rect x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}" fill="none" stroke="black"/>`,
);
parts.push(
  `<text x="${(m.left + W - m.right) / 2}" y="${H - 12}" text-anchor="middle">Sample bias (V)</text>`,
);
parts.push(
  `<text transform="translate(18 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">dI/dV (nA/V)</text>`,
);
const path = Array.from(
  curve.bias,
  (v, i) => `${i ? 'L' : 'M'}${x(v).toFixed(1)},${y(nA(didv[i]!)).toFixed(1)}`,
).join('');
parts.push(`<path d="${path}" fill="none" stroke="#222" stroke-width="1.5"/>`);
parts.push(
  `<line x1="${m.left}" x2="${W - m.right}" y1="${y(nA(walk.baseline))}" y2="${y(nA(walk.baseline))}" stroke="#888" stroke-dasharray="4 3"/>`,
);
const marker = (v: number | null, colour: string, dash: string): void => {
  if (v === null) return;
  parts.push(
    `<line x1="${x(v)}" x2="${x(v)}" y1="${m.top}" y2="${y(0)}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"/>`,
  );
};
marker(band.vbm, '#0072b2', '');
marker(band.cbm, '#0072b2', '');
marker(firstPeak.vbm, '#d55e00', '6 4');
marker(firstPeak.cbm, '#d55e00', '6 4');
marker(onset.vbm, '#009e73', '2 3');
marker(onset.cbm, '#009e73', '2 3');
for (const s of walk.inGapStates) {
  const g = (s.height * didv.reduce((a, b) => Math.max(a, b), 0)) / PEAK_CONDUCTANCE;
  void g;
  const i = curve.bias.findIndex((v) => v >= s.bias);
  parts.push(
    `<circle cx="${x(s.bias)}" cy="${y(nA(didv[i]!))}" r="6" fill="none" stroke="#cc79a7" stroke-width="2"/>`,
  );
}
const legend: Array<[string, string, string]> = [
  ['#0072b2', '', `band (default): VBM ${band.vbm?.toFixed(2)} V, CBM ${band.cbm?.toFixed(2)} V`],
  ['#d55e00', '6 4', `first-peak: VBM ${firstPeak.vbm?.toFixed(2)} V, CBM ${firstPeak.cbm?.toFixed(2)} V`],
  ['#009e73', '2 3', `onset: VBM ${onset.vbm?.toFixed(2)} V, CBM ${onset.cbm?.toFixed(2)} V`],
  ['#888', '4 3', 'in-gap baseline B'],
];
legend.forEach(([colour, dash, text], k) => {
  const ly = m.top + 18 + 18 * k;
  parts.push(
    `<line x1="${m.left + 12}" x2="${m.left + 40}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"/>`,
  );
  parts.push(`<text x="${m.left + 46}" y="${ly}">${text}</text>`);
});
const ly = m.top + 18 + 18 * legend.length;
parts.push(
  `<circle cx="${m.left + 26}" cy="${ly - 4}" r="6" fill="none" stroke="#cc79a7" stroke-width="2"/>`,
);
parts.push(
  `<text x="${m.left + 46}" y="${ly}">in-gap states (reported, not edges); truth: VBM ${truth.vbm.toFixed(2)} V, CBM ${truth.cbm.toFixed(2)} V</text>`,
);
parts.push('</svg>');
const out = join(dirname(fileURLToPath(import.meta.url)), '../docs/figures/degraded-sweep.svg');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, parts.join('\n') + '\n');
console.log(
  `wrote ${out}: band ${band.vbm} ${band.cbm}, first-peak ${firstPeak.vbm} ${firstPeak.cbm}, onset ${onset.vbm} ${onset.cbm}`,
);
