// Stored grid runs on a real library (migration 9): a synthetic grid imported, its maps computed
// on worker threads with progress, stored with the recipe and app version, equal to the
// single-thread maps; the same grid and recipe answered from the library without recomputing;
// another recipe is another run, and so is another app version; a cancelled run stores nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { apiInputSchemas, type GridRunProgress } from '../../shared/api/contract.ts';
import { resolveRecipe } from '../../shared/analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../../shared/formats/nanonis3dsCube.ts';
import { gridMaps, MAP_NAMES } from '../../shared/grid/gridMaps.ts';
import { APP_VERSION } from '../appVersion.ts';
import { LibraryService } from '../services/libraryService.ts';

const grid = syntheticGrid({ seed: 5, width: 36, height: 30, points: 160, written: 1000 });
const dir = mkdtempSync(join(tmpdir(), 'sts-gridruns-'));
let service: LibraryService;
let fileId: number;

beforeAll(async () => {
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'aborted.3ds'), grid.bytes);
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 1 });
  await service.startImport([join(dir, 'data')]).done;
  fileId = (await service.handlers.listFiles({ limit: 10, offset: 0 })).rows[0]!.id;
}, 60_000);
afterAll(() => service.close());

const start = (recipe: object = {}) =>
  service.handlers.startGridRun(apiInputSchemas.startGridRun.parse({ fileId, recipe })) as GridRunProgress;

async function finished(jobId: number, seen: number[] = []): Promise<GridRunProgress> {
  for (;;) {
    const progress = service.handlers.getGridRunProgress({ jobId }) as GridRunProgress;
    seen.push(progress.done);
    if (progress.state !== 'running') return progress;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const rows = (): number =>
  (service.db.prepare('SELECT count(*) AS n FROM grid_runs').get() as { n: number }).n;

describe('stored grid runs', () => {
  it('computes in workers with progress, stores maps equal to the single-thread path', async () => {
    const seen: number[] = [];
    const progress = await finished(start().jobId, seen);
    expect(progress).toMatchObject({ state: 'done', stored: false, total: 1000, done: 1000, error: null });
    expect(seen.some((done) => done > 0 && done < 1000) || seen.length > 1).toBe(true);
    const run = service.handlers.getGridRun({ runId: progress.runId! }) as Awaited<
      ReturnType<typeof service.handlers.getGridRun>
    >;
    const expected = gridMaps(decodeNanonis3dsCube(grid.bytes, 'aborted.3ds'), resolveRecipe());
    expect([run.width, run.height, run.points, run.written]).toEqual([36, 30, 160, 1000]);
    expect([run.gridName, run.channel, run.appVersion]).toEqual(['aborted.3ds', 'Current (A)', APP_VERSION]);
    expect(run.recipe).toEqual({ ...resolveRecipe(), direction: 'forward' });
    for (const name of MAP_NAMES) expect(Array.from(run.maps[name])).toEqual(Array.from(expected.maps[name]));
    expect(Array.from(run.flags)).toEqual(Array.from(expected.flags));
    // Pixels the aborted grid never wrote have no value in any map.
    for (const name of MAP_NAMES) expect(run.maps[name].subarray(1000).every(Number.isNaN)).toBe(true);
    expect(rows()).toBe(1);
  });

  it('the same grid and recipe come from the library; another recipe is a new run', async () => {
    const first = (await finished(start().jobId)).runId;
    const again = await finished(start().jobId);
    expect(again).toMatchObject({ state: 'done', stored: true, runId: first });
    expect(rows()).toBe(1);
    const other = await finished(start({ edges: { method: 'first-peak' } }).jobId);
    expect(other).toMatchObject({ state: 'done', stored: false });
    expect(other.runId).not.toBe(first);
    expect(rows()).toBe(2);
    const run = service.handlers.getGridRun({ runId: other.runId! }) as Awaited<
      ReturnType<typeof service.handlers.getGridRun>
    >;
    expect(run.recipe.edges.method).toBe('first-peak');
  });

  it('cancel stores nothing, and a later run still works', async () => {
    const job = start({ derivative: { window: 9, polyorder: 2 } });
    const cancelled = service.handlers.cancelGridRun({ jobId: job.jobId }) as GridRunProgress;
    expect(cancelled.state).toBe('cancelled');
    expect((await finished(job.jobId)).state).toBe('cancelled');
    expect(rows()).toBe(2);
    const after = await finished(start({ derivative: { window: 9, polyorder: 2 } }).jobId);
    expect(after).toMatchObject({ state: 'done', stored: false });
    expect(rows()).toBe(3);
  });

  it('a run stored by another version of the app is computed again (definitions change)', async () => {
    service.db.prepare("UPDATE grid_runs SET app_version = 'an older version'").run();
    const before = rows();
    const fresh = await finished(start().jobId);
    expect(fresh).toMatchObject({ state: 'done', stored: false });
    expect(rows()).toBe(before + 1);
    const again = await finished(start().jobId);
    expect(again).toMatchObject({ state: 'done', stored: true, runId: fresh.runId });
  });

  it('a grid that is not a file of the library is a specific error', async () => {
    const bad = service.handlers.startGridRun(
      apiInputSchemas.startGridRun.parse({ fileId: 9999 }),
    ) as GridRunProgress;
    const result = await finished(bad.jobId);
    expect(result).toMatchObject({ state: 'failed', error: 'no file 9999' });
  });
});
