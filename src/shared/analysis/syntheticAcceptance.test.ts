// Acceptance on seeded synthetic sessions with known truth (scripts/demo/syntheticSession.ts):
// in-gap states of 0.1–0.6 of the principal VB peak, degrading series, revisits hours later at the
// same X/Y, ~5 % clipped sweeps, ~8 % tip changes, 2 pA noise. Several seeds; the pipeline with
// its default recipe must recover the truth within the margins.
import { describe, expect, it } from 'vitest';
import { syntheticSession } from '../../../scripts/demo/syntheticSession.ts';
import type { SyntheticSession } from '../../../scripts/demo/syntheticSession.ts';
import { runPipeline } from './runPipeline.ts';
import type { PipelineResult } from './results.ts';

const SEEDS = [11, 2026, 77];
const sessions: Array<{ seed: number; session: SyntheticSession; result: PipelineResult<number> }> =
  SEEDS.map((seed) => {
    const session = syntheticSession(seed);
    return { seed, session, result: runPipeline(session.spectra) };
  });

describe('synthetic sessions with known truth', () => {
  it('group VBM and CBM means within ±30 mV of the truth', () => {
    for (const { session, result } of sessions) {
      for (const t of session.groups) {
        const g = result.groups.find((x) => x.label === t.label)!;
        expect(Math.abs(g.stats.vbm.mean! - t.vbmMean)).toBeLessThan(0.03);
        expect(Math.abs(g.stats.cbm.mean! - t.cbmMean)).toBeLessThan(0.03);
      }
    }
  });

  it('counts every spot once, revisits hours later included: n + excluded = spots', () => {
    for (const { session, result } of sessions) {
      for (const t of session.groups) {
        const g = result.groups.find((x) => x.label === t.label)!;
        expect(g.counted + g.excluded).toBe(t.spots);
      }
    }
  });

  it('series gap change within ±80 mV of the truth, sweep by sweep', () => {
    let compared = 0;
    for (const { session, result } of sessions) {
      for (const t of session.series) {
        const s = result.series.find((x) => x.spotIds[0] === t.ids[0])!;
        expect(s.spotIds).toEqual(t.ids);
        const clean = t.ids.map((id) => {
          const truth = session.spectra[id]!.truth;
          return !truth.saturated && !truth.tipChange;
        });
        if (!clean[0]) continue;
        s.sweeps.forEach((row, k) => {
          if (!clean[k] || k === 0) return;
          expect(row.deltaGap).not.toBeNull();
          expect(Math.abs(row.deltaGap! - (t.gaps[k]! - t.gaps[0]!))).toBeLessThan(0.08);
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('flags clipped sweeps (recall ≥ 0.9) and tip changes (recall ≥ 0.8, precision ≥ 0.7)', () => {
    let saturated = 0;
    let saturatedFound = 0;
    let tips = 0;
    let tipsFound = 0;
    let tipFlags = 0;
    for (const { session, result } of sessions) {
      result.spectra.forEach((r, i) => {
        const truth = session.spectra[i]!.truth;
        if (truth.saturated) {
          saturated++;
          if (r.flags.includes('saturated')) saturatedFound++;
        }
        if (truth.tipChange) {
          tips++;
          if (r.flags.includes('tip-change')) tipsFound++;
        }
        if (r.flags.includes('tip-change')) tipFlags++;
      });
    }
    expect(saturated).toBeGreaterThan(5);
    expect(tips).toBeGreaterThan(10);
    expect(saturatedFound / saturated).toBeGreaterThanOrEqual(0.9);
    expect(tipsFound / tips).toBeGreaterThanOrEqual(0.8);
    expect(tipsFound / tipFlags).toBeGreaterThanOrEqual(0.7);
  });

  it('flagged spectra are excluded from group statistics, each with its reason', () => {
    for (const { result } of sessions) {
      for (const r of result.spectra) {
        if (r.flags.length) {
          expect(r.excluded).toBe(true);
          expect(r.exclusionReason).toMatch(new RegExp(r.flags[0]!));
        }
      }
    }
  });

  it('reports in-gap states, not band edges, at the in-gap peaks', () => {
    let states = 0;
    for (const { session, result } of sessions) {
      result.spectra.forEach((r, i) => {
        const truth = session.spectra[i]!.truth;
        if (r.flags.length || truth.saturated || truth.tipChange) return;
        expect(Math.abs(r.vbm! - truth.vbm)).toBeLessThan(0.06);
        expect(Math.abs(r.cbm! - truth.cbm)).toBeLessThan(0.06);
        for (const s of r.inGapStates) {
          expect(s.bias).toBeGreaterThan(r.vbm!);
          expect(s.bias).toBeLessThan(r.cbm!);
        }
        states += r.inGapStates.length;
      });
    }
    expect(states).toBeGreaterThan(100);
  });
});

// The same acceptance as statistics over twelve more consecutive seeds, not the three above: the
// margins hold per sweep in all but a rare one (a 40-seed probe found 1 of 741 gap changes and 1 of
// 2,905 edge pairs outside them), and the edges' scatter is what docs/ANALYSIS.md states
// (10.0 mV rms over 40 seeds; 13.9 mV with the three-point apex).
describe('synthetic sessions, twelve more seeds: edge scatter and misses', () => {
  it('edges within 12 mV rms of the truth, p99 under 35 mV; gap changes within ±80 mV in ≥ 99 % of sweeps', () => {
    const errors: number[] = [];
    let changes = 0;
    let missed = 0;
    for (let seed = 100; seed < 112; seed++) {
      const session = syntheticSession(seed);
      const result = runPipeline(session.spectra);
      result.spectra.forEach((r, i) => {
        const truth = session.spectra[i]!.truth;
        if (r.flags.length || truth.saturated || truth.tipChange || r.vbm === null || r.cbm === null) return;
        errors.push(r.vbm - truth.vbm, r.cbm - truth.cbm);
      });
      for (const t of session.series) {
        const s = result.series.find((x) => x.spotIds[0] === t.ids[0])!;
        const clean = t.ids.map(
          (id) => !session.spectra[id]!.truth.saturated && !session.spectra[id]!.truth.tipChange,
        );
        if (!clean[0]) continue;
        s.sweeps.forEach((row, k) => {
          if (!clean[k] || k === 0) return;
          changes++;
          if (row.deltaGap === null || Math.abs(row.deltaGap - (t.gaps[k]! - t.gaps[0]!)) >= 0.08) missed++;
        });
      }
    }
    // Misclassified edges (hundreds of mV off) are counted by the p99, not let into the rms.
    const inlying = errors.filter((e) => Math.abs(e) < 0.1);
    const rms = Math.sqrt(inlying.reduce((sum, e) => sum + e * e, 0) / inlying.length);
    const sorted = errors.map(Math.abs).sort((a, b) => a - b);
    expect(errors.length).toBeGreaterThan(1000);
    expect(rms).toBeLessThan(0.012);
    expect(sorted[Math.floor(0.99 * sorted.length)]!).toBeLessThan(0.035);
    expect(changes).toBeGreaterThan(150);
    expect(missed / changes).toBeLessThanOrEqual(0.01);
    // Twelve whole sessions through the pipeline: 112–114 s on the current 2-core build VM, where
    // the default 60 s timed out (it passed within it on the previous, faster one).
  }, 300_000);
});
