// Import of real instrument files into a real SQLite library through the real worker pool.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realDataDir, realFile } from '../../testing/realData.ts';
import { LibraryService } from '../services/libraryService.ts';

const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

function newService(): { service: LibraryService; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sts-import-'));
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 2 });
  services.push(service);
  return { service, dir };
}

/** A session folder of copies of real files, so tests may change them. */
function sessionOf(dir: string, files: Array<[string, string]>): string {
  const session = join(dir, 'session');
  mkdirSync(session, { recursive: true });
  for (const [folder, name] of files) copyFileSync(realFile(folder, name), join(session, name));
  return session;
}

const count = (service: LibraryService, table: string): number =>
  (service.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('import', () => {
  it('imports every real Nanonis .dat, recording non-I–V kinds with their reason', async () => {
    const { service } = newService();
    const folder = join(realDataDir(), 'nanonis-dat');
    const progress = await service.startImport([folder]).done;
    const names = readdirSync(folder);
    expect(progress.state).toBe('done');
    expect(progress.report.files).toBe(names.length);
    expect(progress.report.failed).toEqual([]);
    expect(progress.report.imported + progress.report.skipped.length).toBe(names.length);
    expect(progress.filesDone).toBe(names.length);
    expect(progress.bytesDone).toBe(progress.bytesTotal);
    const zFile = service.db.prepare("SELECT kind, not_iv FROM files WHERE name = 'z.dat'").get() as {
      kind: string;
      not_iv: string;
    };
    expect(zFile.kind).toBe('z-spectroscopy');
    expect(zFile.not_iv).toBeTruthy();
    // nanonis_sts_15mv.dat: 2 sweeps x 2 directions + the instrument's average per direction.
    const sts = service.db
      .prepare(
        "SELECT sweep, is_average, direction FROM spectra s JOIN files f ON f.id = s.file_id WHERE f.name = 'nanonis_sts_15mv.dat' ORDER BY is_average, sweep, direction",
      )
      .all() as Array<{ sweep: number; is_average: number; direction: string }>;
    expect(sts.filter((s) => s.is_average === 0).map((s) => `${s.sweep}${s.direction[0]}`)).toEqual([
      '1b',
      '1f',
      '2b',
      '2f',
    ]);
    expect(sts.filter((s) => s.is_average === 1)).toHaveLength(2);
    // The report counts I–V spectra as the library's counts do: the two averages are stored, not counted.
    const averages = service.db.prepare('SELECT count(*) FROM spectra WHERE is_average = 1').pluck().get();
    expect(averages).toBe(2);
    expect(progress.report.spectra).toBe(count(service, 'spectra') - 2);
    expect(progress.report.spectra).toBe((await service.handlers.getLibraryInfo({})).spectra);
  });

  it('adds nothing when the same folder is imported again, without reading the files', async () => {
    const { service, dir } = newService();
    const session = sessionOf(dir, [
      ['nanonis-dat', 'i_v.dat'],
      ['nanonis-dat', 'STS003.dat'],
      ['nanonis-sxm', 'sxm_moire_10nm.sxm'],
    ]);
    const first = await service.startImport([session]).done;
    expect(first.report.imported).toBe(3);
    const spectra = count(service, 'spectra');
    const images = count(service, 'images');
    const second = await service.startImport([session]).done;
    expect(second.report).toMatchObject({
      files: 3,
      imported: 0,
      updated: 0,
      unchanged: 3,
      spectra: 0,
      images: 0,
    });
    expect(count(service, 'spectra')).toBe(spectra);
    expect(count(service, 'images')).toBe(images);
    // Touched but identical: still unchanged (matched by sha256).
    utimesSync(join(session, 'i_v.dat'), new Date(), new Date(Date.now() + 5000));
    const third = await service.startImport([session]).done;
    expect(third.report.unchanged).toBe(3);
  });

  it('replaces a changed file and keeps the labels set on its spectra', async () => {
    const { service, dir } = newService();
    const session = sessionOf(dir, [['nanonis-dat', 'STS003.dat']]);
    await service.startImport([session]).done;
    const rows = (await service.handlers.listSpectra({ limit: 10, offset: 0, includeAverages: false })).rows;
    expect(rows.length).toBeGreaterThan(0);
    await service.handlers.setLabel({ spectrumIds: [rows[0]!.id], label: 'core' });
    const path = join(session, 'STS003.dat');
    writeFileSync(
      path,
      readFileSync(path, 'latin1').replace('\n', '\nComment added\tafter review\t\n'),
      'latin1',
    );
    const progress = await service.startImport([session]).done;
    expect(progress.report.updated).toBe(1);
    const after = (await service.handlers.listSpectra({ limit: 10, offset: 0, includeAverages: false })).rows;
    expect(after[0]!.id).not.toBe(rows[0]!.id);
    expect(after[0]!.label).toBe('core');
  });

  it('reports a broken file as failed, writes no partial record for it and imports the rest', async () => {
    const { service, dir } = newService();
    const session = sessionOf(dir, [['nanonis-dat', 'i_v.dat']]);
    const sxm = readFileSync(realFile('nanonis-sxm', 'sxm_moire_10nm.sxm'));
    writeFileSync(join(session, 'truncated.sxm'), sxm.subarray(0, Math.floor(sxm.length / 2)));
    writeFileSync(join(session, 'notes.md'), '# what we did today\n');
    const progress = await service.startImport([session]).done;
    expect(progress.report.imported).toBe(1);
    expect(progress.report.failed).toHaveLength(1);
    expect(progress.report.failed[0]!.file).toMatch(/truncated\.sxm$/);
    expect(progress.report.failed[0]!.error).toMatch(/truncat|ends|short|bytes/i);
    expect(progress.report.skipped.map((s) => s.file)).toEqual([join(session, 'notes.md')]);
    const failed = service.db.prepare("SELECT id, status FROM files WHERE name = 'truncated.sxm'").get() as {
      id: number;
      status: string;
    };
    expect(failed.status).toBe('failed');
    expect(service.db.prepare('SELECT count(*) AS n FROM images WHERE file_id = ?').get(failed.id)).toEqual({
      n: 0,
    });
  });

  it('stops early when cancelled and keeps what it finished', async () => {
    const { service, dir } = newService();
    const session = join(dir, 'many');
    mkdirSync(session);
    const source = realFile('nanonis-dat', 'Bias-Spectroscopy002.dat');
    const text = readFileSync(source).toString('latin1');
    for (let i = 0; i < 300; i++)
      writeFileSync(join(session, `copy${i}.dat`), text.replace('\n', `\nComment\t${i}\t\n`), 'latin1');
    const run = service.startImport([session]);
    while (run.progress.filesDone < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    run.cancel();
    const progress = await run.done;
    expect(progress.state).toBe('cancelled');
    expect(progress.filesDone).toBeLessThan(300);
    expect(progress.report.imported).toBeGreaterThanOrEqual(5);
    expect(count(service, 'files')).toBe(progress.report.imported);
    expect(count(service, 'spectra')).toBe(progress.report.spectra);
  });
});
