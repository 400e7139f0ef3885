// Acceptance: the demo session (known truth) through import → labels → runAnalysis on a real
// SQLite library, checked against truth.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRunView } from '../../shared/api/contract.ts';
import { APP_VERSION } from '../appVersion.ts';
import type { LibraryService } from '../services/libraryService.ts';
import { generateDemo, importDemo, readTruth } from './demoSession.testing.ts';
import type { DemoTruth } from './demoSession.testing.ts';

/** Volts. */
const EDGE_TOLERANCE = 0.02;

let service: LibraryService;
let truth: DemoTruth;
let run: AnalysisRunView;

beforeAll(async () => {
  const dir = generateDemo();
  truth = readTruth(dir);
  service = await importDemo(dir, true);
  run = await service.handlers.runAnalysis({});
  // Generating the demo integrates the model per point (~20 s on a loaded 2-core machine).
}, 180_000);

afterAll(async () => {
  await service?.close();
});

const group = (label: string) => run.groups.find((g) => g.label === label)!;

describe('analysis of the demo session', () => {
  it('stores the run with its whole recipe, the app version and one result per forward sweep', async () => {
    const stored = await service.handlers.getAnalysisRun({ runId: run.runId, results: 'all' });
    expect(stored.appVersion).toBe(APP_VERSION);
    expect(stored.recipe.derivative).toEqual({ method: 'savgol', window: 15, polyorder: 3, maxSpan: 0.5 });
    expect(stored.recipe.edges.method).toBe('band');
    const forward = service.db
      .prepare("SELECT count(*) AS n FROM spectra WHERE direction = 'forward' AND is_average = 0")
      .get() as { n: number };
    expect(stored.spectra).toHaveLength(forward.n);
    expect(Object.keys(stored.curves).sort()).toEqual(['core', 'crown-centre', 'crown-edge']);
    expect(stored.curves.core!.bias).toBeInstanceOf(Float64Array);
    const runs = await service.handlers.listAnalysisRuns({});
    expect(runs.rows[0]).toMatchObject({ runId: run.runId, groups: ['core', 'crown-centre', 'crown-edge'] });
  });

  it('counts each spot once (first sweep of a series)', () => {
    for (const t of truth.groups) expect(group(t.label).counted).toBe(t.n);
  });

  it("recovers each group's band edges from its averaged spectrum within 20 mV", () => {
    for (const t of truth.groups) {
      const average = group(t.label).average;
      expect(average.ok).toBe(true);
      if (!average.ok) continue;
      expect(Math.abs(average.edges.vbm! - t.vbmMean)).toBeLessThan(EDGE_TOLERANCE);
      expect(Math.abs(average.edges.cbm! - t.cbmMean)).toBeLessThan(EDGE_TOLERANCE);
    }
  });

  it('recovers the per-spectrum group means of VBM and CBM within 20 mV', () => {
    for (const t of truth.groups) {
      const stats = group(t.label).stats;
      expect(Math.abs(stats.vbm.mean! - t.vbmMean)).toBeLessThan(EDGE_TOLERANCE);
      expect(Math.abs(stats.cbm.mean! - t.cbmMean)).toBeLessThan(EDGE_TOLERANCE);
    }
  });

  it('finds the deep-trap reduction core → crown-centre within 5 percentage points', () => {
    const c = run.comparisons.find((x) => x.a === 'core' && x.b === 'crown-centre')!;
    expect(Math.abs(c.reduction! - truth.deepTrapReductionCoreToCrownCentre)).toBeLessThan(0.05);
    expect(c.ci95![0]).toBeLessThan(c.reduction!);
    expect(c.ci95![1]).toBeGreaterThan(c.reduction!);
    expect(run.comparisons).toHaveLength(6);
  });

  it('follows every sweep of both series: each gap within ±60 mV of the truth, in-gap states reported', () => {
    for (const label of ['core', 'crown-centre']) {
      const found = run.series.find((s) => s.label === label)!;
      const t = truth.series.find((s) => s.label === label)!;
      expect(found.files).toEqual(t.files);
      expect(found.sweeps).toHaveLength(5);
      found.sweeps.forEach((row, k) => {
        expect(row.gap).not.toBeNull();
        expect(Math.abs(row.gap! - t.sweeps[k]!.gap)).toBeLessThan(0.06);
      });
    }
    // The core's in-gap trap states grow sweep by sweep and are reported, not taken for edges.
    const core = run.series.find((s) => s.label === 'core')!;
    expect(core.sweeps[4]!.gap!).toBeLessThan(core.sweeps[0]!.gap! - 0.5);
    expect(core.sweeps[4]!.inGap!).toBeGreaterThan(core.sweeps[0]!.inGap!);
  });

  it('stores exclusions by hand with a note and applies them to every later run, in its recipe', async () => {
    const core = group('core');
    const first = run.spectra.find((r) => r.label === 'core' && r.sweepInSeries === 1)!;
    await service.handlers.setSpectrumExclusion({
      spectrumId: first.spectrumId,
      action: 'exclude',
      note: 'tip crash',
    });
    const listed = await service.handlers.listSpectrumExclusions({});
    expect(listed.exclusions).toMatchObject([
      { spectrumId: first.spectrumId, action: 'exclude', note: 'tip crash' },
    ]);
    const again = await service.handlers.runAnalysis({});
    expect(again.recipe.exclusions).toEqual([{ id: first.spectrumId, action: 'exclude', note: 'tip crash' }]);
    const coreAgain = again.groups.find((g) => g.label === 'core')!;
    expect(coreAgain.counted).toBe(core.counted - 1);
    expect(coreAgain.excluded).toBe(core.excluded + 1);
    const q = again.quality.find((x) => x.spectrumId === first.spectrumId)!;
    expect(q).toMatchObject({ excluded: true, exclusionReason: 'excluded by hand: tip crash' });
    await service.handlers.setSpectrumExclusion({ spectrumId: first.spectrumId, action: 'clear', note: '' });
    const cleared = await service.handlers.runAnalysis({});
    expect(cleared.groups.find((g) => g.label === 'core')!.counted).toBe(core.counted);
  });
});
