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
  // Generating and importing the demo, then a worker-thread run: seconds on a loaded 2-core machine.
}, 60_000);

afterAll(async () => {
  await service?.close();
});

const group = (label: string) => run.groups.find((g) => g.label === label)!;

describe('analysis of the demo session', () => {
  it('stores the run with its whole recipe, the app version and one result per forward sweep', async () => {
    const stored = await service.handlers.getAnalysisRun({ runId: run.runId });
    expect(stored.appVersion).toBe(APP_VERSION);
    expect(stored.recipe.derivative).toEqual({ method: 'savgol', window: 15, polyorder: 3 });
    expect(stored.recipe.edges.method).toBe('first-peak');
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

  it('shows the degradation trend: core gap shrinks and fills, crown-centre keeps its gap', () => {
    const core = run.series.find((s) => s.label === 'core')!;
    const crown = run.series.find((s) => s.label === 'crown-centre')!;
    expect(core.files).toEqual(truth.series.find((s) => s.label === 'core')!.files);
    expect(crown.files).toEqual(truth.series.find((s) => s.label === 'crown-centre')!.files);
    expect(core.sweeps).toHaveLength(5);
    expect(crown.sweeps).toHaveLength(5);
    const [c1, c5] = [core.sweeps[0]!, core.sweeps[4]!];
    expect(c5.gap === null || c5.gap < c1.gap!).toBe(true);
    expect(c5.metallic || (c5.inGap !== null && c1.inGap !== null && c5.inGap > 2 * c1.inGap)).toBe(true);
    const [k1, k5] = [crown.sweeps[0]!, crown.sweeps[4]!];
    // The crown keeps its gap: the change follows the model's (48 mV over 5 sweeps) within 20 mV,
    // a tenth of what the core loses.
    const crownTruth = truth.series.find((s) => s.label === 'crown-centre')!.sweeps;
    const truthChange = crownTruth[4]!.gap - crownTruth[0]!.gap;
    expect(Math.abs(k5.gap! - k1.gap! - truthChange)).toBeLessThan(0.02);
    expect(Math.abs(k5.gap! - k1.gap!)).toBeLessThan(0.1 * (c1.gap! - (c5.gap ?? 0)));
  });
});
