// Grid pixels as spots of the group analysis, on a real library: a synthetic grid whose pixel
// centres are 0.31 nm apart (closer than the 0.5 nm series radius) is imported, its pixels are
// labelled by their true region (as the Grid tab's region labelling does), and a stored run must
// count every labelled pixel as its own spot (n = labelled pixels, no "series" of neighbours),
// pair each pixel's backward sweep with its own forward sweep, and put the group mean edges
// within ±30 mV of the regions' truth.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInputSchemas } from '../../shared/api/contract.ts';
import { REGION_TRUTH, syntheticGrid, type GridRegion } from '../../../scripts/grid/syntheticGrid.ts';
import { LibraryService } from '../services/libraryService.ts';

const WIDTH = 32;
const gridOf = (seed: number) =>
  syntheticGrid({
    seed,
    width: WIDTH,
    height: WIDTH,
    points: 256,
    frameSize: 10e-9,
    angleDeg: 45,
    defectFraction: 0,
    extraChannels: ['Current [bwd] (A)'],
  });
// Two grids: one with its start time, one without (times unknown: only positions could decide).
const grids = [gridOf(21), gridOf(22)];
const untimed = grids[1]!.bytes;
const at = new TextDecoder('latin1').decode(untimed.subarray(0, 4096)).indexOf('Start time=');
untimed.set(new TextEncoder().encode('Xtart'), at);
const dir = mkdtempSync(join(tmpdir(), 'sts-gridspots-'));
let service: LibraryService;
/** Labelled forward pixel ids by region. */
const labelled = new Map<GridRegion, number[]>();

beforeAll(async () => {
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'grid-timed.3ds'), grids[0]!.bytes);
  writeFileSync(join(dir, 'data', 'grid-untimed.3ds'), untimed);
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 1 });
  await service.startImport([join(dir, 'data')]).done;
  const files = (await service.handlers.listFiles({ limit: 10, offset: 0 })).rows;
  const gridOfFile = new Map(files.map((f) => [f.id, grids[f.name.includes('untimed') ? 1 : 0]!]));
  const rows = (await service.handlers.listSpectra({ limit: 100_000, offset: 0, includeAverages: false }))
    .rows;
  for (const row of rows) {
    if (row.direction !== 'forward' || row.gridIndex === null) continue;
    const region = gridOfFile.get(row.fileId)!.truth[row.gridIndex]!.region;
    if (region === 'substrate') continue;
    labelled.set(region, [...(labelled.get(region) ?? []), row.id]);
  }
  for (const [region, ids] of labelled) await service.handlers.setLabel({ spectrumIds: ids, label: region });
}, 120_000);
afterAll(() => service.close());

describe('grid pixels join the group analysis as spots', () => {
  it('pixel pitch is below the series radius (the case this test guards)', () => {
    expect(grids[0]!.frame.width / WIDTH).toBeLessThan(0.5e-9);
  });

  it('every labelled pixel is its own series, counted once, with mean edges within ±30 mV', async () => {
    const run = await service.handlers.runAnalysis(
      apiInputSchemas.runAnalysis.parse({ recipe: { direction: 'mean' } }),
    );
    for (const [region, ids] of labelled) {
      const group = run.groups.find((g) => g.label === region)!;
      expect(group.spectra).toBe(ids.length);
      expect(group.counted + group.excluded).toBe(ids.length);
      const truth = REGION_TRUTH[region as Exclude<GridRegion, 'substrate'>];
      expect(Math.abs(group.stats.vbm.mean! - truth.vbm)).toBeLessThan(0.03);
      expect(Math.abs(group.stats.cbm.mean! - truth.cbm)).toBeLessThan(0.03);
    }
    const total = [...labelled.values()].reduce((n, ids) => n + ids.length, 0);
    // Each pixel the first (and only) sweep of its own series.
    expect(run.spectra).toHaveLength(total);
    expect(new Set(run.spectra.map((s) => s.seriesIndex)).size).toBe(total);
    expect(run.spectra.filter((s) => s.sweepInSeries !== 1)).toEqual([]);
    // The mean of both directions needs each pixel's backward partner: none may be missing.
    const failed = run.spectra.filter((s) => !s.ok && /both|backward/.test(s.reason ?? ''));
    expect(failed).toEqual([]);
  }, 120_000);
});
