// Issue #13: a MATRIX session's parameter file (`_0001.mtrx`) that arrives after its data files
// were recorded "waiting for the parameter file" makes the import (or the folder watcher) read
// those data files again. Real MATRIX files copied into a temp folder in two steps; the result
// must equal a one-step import of the complete session, curve for curve.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { matrixMissingParameterReason } from '../../shared/formats/index.ts';
import { realFile } from '../../testing/realData.ts';
import { LibraryService } from '../services/libraryService.ts';

const PARAMETER = '2014Sep30-111118_0001.mtrx';
const DATA = [
  '2014Sep30-111118--1_1.I(V)_mtrx',
  '2014Sep30-111118--1_1.I(t)_mtrx',
  '2014Sep30-111118--2_1.I(V)_mtrx',
  '2014Sep30-111118--3_1.I(V)_mtrx',
  '2014Sep30-111118--4_1.I(V)_mtrx',
];

const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

function newSession(files: string[]): { service: LibraryService; session: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sts-matrix-late-'));
  const session = join(dir, 'session');
  mkdirSync(session);
  for (const name of files) copyFileSync(realFile('omicron-matrix', name), join(session, name));
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 2 });
  services.push(service);
  return { service, session };
}

/** Every curve of the session's data files, by file name, as stored (bias and current blobs). */
function curves(service: LibraryService): Array<Record<string, unknown>> {
  return service.db
    .prepare(
      `SELECT f.name, f.not_iv, s.idx, s.direction, s.points, s.bias_min, s.bias_max, hex(s.bias) AS bias,
        hex(s.current) AS current FROM files f LEFT JOIN spectra s ON s.file_id = f.id
      WHERE f.name LIKE '2014Sep30-111118--%' ORDER BY f.name, s.idx`,
    )
    .all() as Array<Record<string, unknown>>;
}

function waiting(service: LibraryService): string[] {
  const reason = matrixMissingParameterReason(PARAMETER);
  return (
    service.db.prepare('SELECT name, not_iv FROM files ORDER BY name').all() as Array<{
      name: string;
      not_iv: string | null;
    }>
  )
    .filter((row) => row.not_iv?.includes(reason))
    .map((row) => row.name);
}

async function oneStepCurves(): Promise<Array<Record<string, unknown>>> {
  const { service, session } = newSession([...DATA, PARAMETER]);
  const progress = await service.startImport([session]).done;
  expect(progress.report.failed).toEqual([]);
  return curves(service);
}

const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

describe('a MATRIX parameter file that arrives after its data files', () => {
  it('import: the next import of the folder reads the waiting data files again, as a one-step import would', async () => {
    const truth = await oneStepCurves();
    // The one-step import holds the reference's I(V) curves of at least 2 points, file by file
    // (omicron-matrix-reference.json: --1_1 189/189, --2_1 481/25, --4_1 1421/1421).
    expect(truth.filter((c) => c.points !== null).map((c) => c.points)).toEqual([
      189, 189, 481, 25, 1421, 1421,
    ]);

    const { service, session } = newSession(DATA);
    const first = await service.startImport([session]).done;
    expect(first.report.imported).toBe(DATA.length);
    expect(waiting(service)).toEqual([...DATA].sort());
    expect(curves(service)).not.toEqual(truth);

    copyFileSync(realFile('omicron-matrix', PARAMETER), join(session, PARAMETER));
    const second = await service.startImport([session]).done;
    expect(second.report.updated).toBe(DATA.length);
    expect(second.report.unchanged).toBe(0);
    expect(waiting(service)).toEqual([]);
    expect(curves(service)).toEqual(truth);

    // Read once: a third import finds every file unchanged (the data files and the parameter file,
    // recorded as read with them).
    const third = await service.startImport([session]).done;
    expect(third.report.unchanged).toBe(DATA.length + 1);
    expect(third.report.updated).toBe(0);
  }, 120_000);

  it('watch: the watcher seeing only the new parameter file reads the waiting data files again', async () => {
    const truth = await oneStepCurves();
    const { service, session } = newSession(DATA);
    await service.watch.start([session], false);
    const deadline = Date.now() + 30_000;
    while (waiting(service).length < DATA.length) {
      if (Date.now() > deadline) throw new Error('the watcher did not record the data files');
      await sleep(50);
    }
    copyFileSync(realFile('omicron-matrix', PARAMETER), join(session, PARAMETER));
    while (waiting(service).length > 0) {
      if (Date.now() > deadline + 30_000) throw new Error('the data files were not read again');
      await sleep(50);
    }
    await service.watch.stop();
    expect(curves(service)).toEqual(truth);
  }, 120_000);
});
