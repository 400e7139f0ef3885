// The analysis on real instrument files (../shared/data/real): a clipped sweep is flagged
// saturated, the lock-in channel, used as dI/dV, gives the same edges as the numerical
// derivative, and a tip change is a step beyond the noise around it, not only the sweep's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../shared/analysis/index.ts';
import type { PipelineSpectrum, RecipeOverrides } from '../../shared/analysis/index.ts';
import { parseFile } from '../../shared/formats/index.ts';
import { realFile } from '../../testing/realData.ts';

function forwardSweeps(
  name: string,
  folder = 'nanonis-dat',
  direction: 'forward' | 'backward' = 'forward',
): Array<PipelineSpectrum<number>> {
  const parsed = parseFile(name, readFileSync(realFile(folder, name)));
  return parsed.spectra
    .filter((s) => !s.isAverage && s.direction === direction)
    .map((s, i) => {
      const lockIn = s.extra.find((e) => /lock-?in/i.test(e.name) && !/\bY\b/.test(e.name));
      return {
        id: i,
        label: 'real',
        fileName: name,
        time: null,
        x: null,
        y: null,
        sweep: s.sweep,
        bias: s.bias,
        current: s.current,
        lockIn: lockIn ? { x: lockIn.values } : null,
      };
    });
}

describe('real files', () => {
  it('NanonisReader_BiasSpectroscopy.dat (current clipped at ±10 nA) is flagged saturated and excluded', () => {
    const result = runPipeline(forwardSweeps('NanonisReader_BiasSpectroscopy.dat'));
    expect(result.spectra.length).toBeGreaterThan(0);
    for (const r of result.spectra) {
      // A clipped current has no noisy block to report.
      expect(r.currentNoiseRaise).toBeNull();
      expect(r.flags).toContain('saturated');
      expect(r.excluded).toBe(true);
      expect(r.exclusionReason).toMatch(/saturated: current flat at -?10\.00 nA/);
    }
    expect(result.groups[0]!.counted).toBe(0);
  });

  it('noise that grows with the current or picked up is not a tip change; a jump beyond it is', () => {
    // Each of these passed 6 σ of its sweep's noise somewhere (σ from the whole sweep) but not 4 σ
    // of the noise around it: a 4 pA blip in noisy bias, a 1.5 pA one, the coherence peaks of a
    // ±15 mV superconductor sweep, periodic pickup every 4 mV.
    for (const name of [
      'Follow Me_Bias Spectroscopy054.dat',
      'STS003.dat',
      'nanonis_sts_15mv.dat',
      'Bias-Spectroscopy002.dat',
    ]) {
      const spectra = forwardSweeps(name);
      for (const r of runPipeline(spectra).spectra) expect(r.flags, name).not.toContain('tip-change');
      const sweepNoiseOnly = runPipeline(spectra, { quality: { tipChangeLocalK: 1e-9 } });
      expect(
        sweepNoiseOnly.spectra.some((r) => r.flags.includes('tip-change')),
        name,
      ).toBe(true);
    }
  });

  it('the text bundle: the 3.4 nA jump at 0 V of every sweep is a tip change, named with its size', () => {
    const result = runPipeline(forwardSweeps('20130605-1030-11_01_td-mol.iv.specbun.asc', 'text'));
    expect(result.spectra).toHaveLength(9);
    for (const r of result.spectra) {
      expect(r.flags).toContain('tip-change');
      expect(r.exclusionReason).toMatch(
        /tip-change: current steps by -[0-9]{4} pA \([0-9]+ σ\) between -0\.001 and 0\.001 V/,
      );
    }
  });

  // The issue asks ±20 mV, which on a ±15 mV sweep cannot fail; measured: the lock-in edges sit on
  // the coherence peaks (±4.5 mV), the numerically differentiated current (noisier) puts them at
  // −12.6 / +14.8 mV, 8–10 mV further out. Asserted at 12 mV, with the lock-in edges at the peaks.
  it('nanonis_sts_15mv.dat: lock-in and numerical dI/dV give gap edges within 12 mV', () => {
    // A ±15 mV sweep with a soft gap at 0 V: edges are the coherence peaks a few mV out.
    const recipe: RecipeOverrides = {
      derivative: { window: 9, polyorder: 3 },
      edges: { ignoreBelow: 0.001, minContrast: 1 },
    };
    const spectra = forwardSweeps('nanonis_sts_15mv.dat');
    expect(spectra.every((s) => s.lockIn !== null)).toBe(true);
    const numerical = runPipeline(spectra, recipe);
    const lockIn = runPipeline(spectra, { ...recipe, didvSource: 'lock-in' });
    numerical.spectra.forEach((n, i) => {
      const l = lockIn.spectra[i]!;
      expect(l.lockInFit).not.toBeNull();
      expect(l.lockInFit!.r2).toBeGreaterThan(0.2);
      expect(n.vbm).not.toBeNull();
      expect(n.cbm).not.toBeNull();
      expect(Math.abs(l.vbm! - n.vbm!)).toBeLessThan(0.012);
      expect(Math.abs(l.cbm! - n.cbm!)).toBeLessThan(0.012);
      expect(Math.abs(l.vbm! + 0.0045)).toBeLessThan(0.0019);
      expect(Math.abs(l.cbm! - 0.005)).toBeLessThan(0.0019);
    });
  });

  // ±0.2 V, 1,024 points: dI/dV is flat from about −0.1 to +0.1 V and rises on both sides, where
  // the current's noise is 5–8× the gap's (second differences) and its dI/dV oscillates at ~4 mV.
  // With one σ for the sweep the forward sweep had its VBM at the sweep's end (−0.195 V) and 41
  // in-gap states on the shoulders; the backward one both edges at the ends and 24 states.
  it('Bias-Spectroscopy002.dat: both directions put their edges where dI/dV leaves the flat gap', () => {
    const edges = (['forward', 'backward'] as const).map((direction) => {
      const [r] = runPipeline(forwardSweeps('Bias-Spectroscopy002.dat', 'nanonis-dat', direction)).spectra;
      expect(r!.vbm, direction).not.toBeNull();
      expect(r!.cbm, direction).not.toBeNull();
      expect(r!.vbm!, direction).toBeGreaterThan(-0.125);
      expect(r!.vbm!, direction).toBeLessThan(-0.09);
      expect(r!.cbm!, direction).toBeGreaterThan(0.09);
      expect(r!.cbm!, direction).toBeLessThan(0.125);
      expect(r!.inGapStates.length, direction).toBeLessThanOrEqual(3);
      // The result says its edges were judged against that noise: the noisiest block's σ 5–8× the
      // quietest part's (second differences, as the views' notes give it).
      expect(r!.currentNoiseRaise, direction).toBeGreaterThan(4);
      expect(r!.currentNoiseRaise!, direction).toBeLessThan(10);
      return r!;
    });
    expect(Math.abs(edges[0]!.vbm! - edges[1]!.vbm!)).toBeLessThan(0.015);
    expect(Math.abs(edges[0]!.cbm! - edges[1]!.cbm!)).toBeLessThan(0.015);
  });
});
