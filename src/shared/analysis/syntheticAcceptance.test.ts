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
