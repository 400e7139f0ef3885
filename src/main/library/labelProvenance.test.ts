// Label provenance on a real SQLite library of real files: labels accepted from the classifier's
// suggestions store the classify run (image + parameters); re-importing a file keeps each label's
// provenance (the classifier's stays the classifier's, a hand label stays a hand label).
import { copyFileSync, mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/api/dispatch.ts';
import type { Dispatch } from '../../shared/api/dispatch.ts';
import { DEFAULT_CLASSIFY_PARAMS } from '../../shared/image/classifyParams.ts';
import { realFile } from '../../testing/realData.ts';
import { LibraryService } from '../services/libraryService.ts';

let folder: string;
let service: LibraryService;
let dispatch: Dispatch;

interface LabelRow {
  idx: number;
  label: string;
  classify_run_id: number | null;
}

function labelsOfFile(name: string): LabelRow[] {
  return service.db
    .prepare(
      `SELECT s.idx, l.name AS label, sl.classify_run_id FROM spectra s JOIN files f ON f.id = s.file_id
      JOIN spectrum_labels sl ON sl.spectrum_id = s.id JOIN labels l ON l.id = sl.label_id
      WHERE f.name = ? ORDER BY s.idx`,
    )
    .all(name) as LabelRow[];
}

function importRunOf(name: string): number {
  return service.db.prepare('SELECT import_run_id FROM files WHERE name = ?').pluck().get(name) as number;
}

async function importFolder(): Promise<void> {
  const progress = await service.startImport([folder]).done;
  expect(progress.state).toBe('done');
}

beforeAll(async () => {
  folder = join(mkdtempSync(join(tmpdir(), 'sts-provenance-')), 'session');
  mkdirSync(folder);
  copyFileSync(realFile('nanonis-dat', 'Bias-Spectroscopy002.dat'), join(folder, 'Bias-Spectroscopy002.dat'));
  copyFileSync(realFile('nanonis-sxm', 'Image_002.sxm'), join(folder, 'Image_002.sxm'));
  service = new LibraryService({ dbPath: join(folder, '..', 'library.sqlite'), workers: 1 });
  dispatch = createDispatch(service.handlers);
  await importFolder();
}, 60_000);

afterAll(() => service.close());

describe('label provenance', () => {
  it('accepted suggestions store a classify run; re-importing the file keeps it (and keeps hand labels hand labels)', async () => {
    const spectra = service.db
      .prepare(
        "SELECT s.id FROM spectra s JOIN files f ON f.id = s.file_id WHERE f.name = 'Bias-Spectroscopy002.dat' ORDER BY s.idx",
      )
      .pluck()
      .all() as number[];
    expect(spectra.length).toBeGreaterThanOrEqual(2);
    const image = service.db
      .prepare(
        "SELECT i.id FROM images i JOIN files f ON f.id = i.file_id WHERE f.name = 'Image_002.sxm' LIMIT 1",
      )
      .pluck()
      .get() as number;
    const params = { ...DEFAULT_CLASSIFY_PARAMS, minHeightNm: 1.5, marginNm: 0.3 };
    // As the Topography's "Accept all" sends it, through the API's schema.
    const accepted = await dispatch('setLabel', {
      spectrumIds: spectra,
      label: 'core',
      classified: { imageId: image, params },
    });
    expect(accepted).toEqual({ ok: true, value: { changed: spectra.length } });
    const runs = service.db.prepare('SELECT * FROM classify_runs').all() as Array<{
      id: number;
      image_id: number;
      image_name: string;
      params_json: string;
    }>;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ image_id: image, image_name: 'Image_002.sxm' });
    expect(JSON.parse(runs[0]!.params_json)).toEqual(params);
    // One of them relabelled by hand: no longer the classifier's.
    await dispatch('setLabel', { spectrumIds: [spectra[0]], label: 'crown-edge' });
    const before = labelsOfFile('Bias-Spectroscopy002.dat');
    expect(before.map((l) => [l.label, l.classify_run_id])).toEqual(
      spectra.map((_, k) => (k === 0 ? ['crown-edge', null] : ['core', runs[0]!.id])),
    );

    const firstRun = importRunOf('Bias-Spectroscopy002.dat');
    // The file was read by an older app (a reader update re-reads every file) and is touched: the
    // import reads it again and replaces its rows.
    service.db
      .prepare("UPDATE files SET reader_version = '0.0.0-older' WHERE name = ?")
      .run('Bias-Spectroscopy002.dat');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(folder, 'Bias-Spectroscopy002.dat'), later, later);
    await importFolder();
    // Read again by the second import (its rows were replaced).
    expect(importRunOf('Bias-Spectroscopy002.dat')).toBe(firstRun + 1);
    expect(labelsOfFile('Bias-Spectroscopy002.dat')).toEqual(before);
  }, 60_000);

  it('a suggestion naming an image that does not exist is refused and changes nothing', async () => {
    const id = service.db.prepare('SELECT id FROM spectra LIMIT 1').pluck().get() as number;
    const before = labelsOfFile('Bias-Spectroscopy002.dat');
    const refused = await dispatch('setLabel', {
      spectrumIds: [id],
      label: 'core',
      classified: { imageId: 999_999, params: DEFAULT_CLASSIFY_PARAMS },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'no image with id 999999' },
    });
    expect(labelsOfFile('Bias-Spectroscopy002.dat')).toEqual(before);
  });
});
