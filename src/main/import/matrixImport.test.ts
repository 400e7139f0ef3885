// Import of Omicron MATRIX and Gwyddion files into a real SQLite library through the real worker
// pool: MATRIX data files are read with the `_0001.mtrx` beside them, or recorded with the reason.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import reference from '../../shared/formats/fixtures/omicron-matrix-reference.json' with { type: 'json' };
import { realDataDir, realFile } from '../../testing/realData.ts';
import { LibraryService } from '../services/libraryService.ts';
import { parseContextFor } from './parseContext.ts';

const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

function newService(): { service: LibraryService; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sts-matrix-'));
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 2 });
  services.push(service);
  return { service, dir };
}

interface CurveReference {
  direction: string;
  points: number;
}
const FILES = (reference as { files: Array<{ file: string; curves?: CurveReference[] }> }).files;

describe('MATRIX and Gwyddion import', () => {
  it('imports every real MATRIX data file with its parameter file, and the .gwy image', async () => {
    const { service } = newService();
    const real = realDataDir();
    const progress = await service.startImport([join(real, 'omicron-matrix'), join(real, 'gwyddion')]).done;
    expect(progress.report.failed).toEqual([]);
    expect(progress.report.skipped.map((s) => s.reason)).toEqual([
      'Omicron MATRIX parameter file (read with its data files)',
      'Omicron MATRIX parameter file (read with its data files)',
    ]);
    for (const ref of FILES.filter((f) => f.file.includes('I(V)'))) {
      const rows = service.db
        .prepare(
          'SELECT s.direction, s.points FROM spectra s JOIN files f ON f.id = s.file_id WHERE f.name = ? ORDER BY s.idx',
        )
        .all(ref.file) as Array<{ direction: string; points: number }>;
      const expected = (ref.curves ?? []).filter((c) => c.points >= 2);
      expect(rows).toEqual(expected.map((c) => ({ direction: c.direction, points: c.points })));
    }
    const images = service.db
      .prepare(
        'SELECT f.name, i.channel, i.unit, i.width, i.height FROM images i JOIN files f ON f.id = i.file_id ORDER BY f.name, i.idx',
      )
      .all();
    expect(images).toEqual([
      { name: '20201111--4_1.Z_mtrx', channel: 'Z', unit: 'm', width: 400, height: 400 },
      { name: '20201111--4_1.Z_mtrx', channel: 'Z', unit: 'm', width: 400, height: 400 },
      { name: 'GwiddionReader_chip.gwy', channel: 'Channel 0', unit: 'm', width: 300, height: 300 },
    ]);
  });

  it('records a data file whose parameter file is missing, with that reason', async () => {
    const { service, dir } = newService();
    const session = join(dir, 'session');
    mkdirSync(session);
    const name = '2014Sep30-111118--4_1.I(V)_mtrx';
    copyFileSync(realFile('omicron-matrix', name), join(session, name));
    const progress = await service.startImport([session]).done;
    expect(progress.report.imported).toBe(1);
    const row = service.db.prepare('SELECT not_iv FROM files WHERE name = ?').get(name) as { not_iv: string };
    expect(row.not_iv).toBe(
      'Omicron MATRIX I(V) file, 2842 points: its parameter file 2014Sep30-111118_0001.mtrx is not beside it (axes and calibration live there)',
    );
  });

  it('parseContextFor finds the parameter file only for MATRIX data files', () => {
    const data = realFile('omicron-matrix', '20201111--4_1.Z_mtrx');
    expect(parseContextFor(data, '20201111--4_1.Z_mtrx').matrixParameterFile?.length).toBe(1650004);
    expect(parseContextFor('/nowhere/x--1_1.Z_mtrx', 'x--1_1.Z_mtrx')).toEqual({ matrixParameterFile: null });
    expect(parseContextFor('/a/b.sxm', 'b.sxm')).toEqual({});
  });
});
