// A labels CSV sent as text (the Library's button and drop) on a library of real files: matched
// rows label every spectrum of their file, unmatched and unreadable rows are reported by line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataDir } from '../../testing/realData.ts';
import { LibraryService } from '../services/libraryService.ts';

let service: LibraryService;
beforeAll(async () => {
  service = new LibraryService({
    dbPath: join(mkdtempSync(join(tmpdir(), 'sts-csv-')), 'l.sqlite'),
    workers: 2,
  });
  await service.startImport([join(realDataDir(), 'nanonis-dat')]).done;
});
afterAll(() => service.close());

describe('importLabelsText', () => {
  it('labels matched files and reports the rest by line', async () => {
    const file = 'nanonis_sts_15mv.dat';
    const { rows: before } = await service.handlers.listFiles({ text: file, limit: 10, offset: 0 });
    const target = before.find((f) => f.name === file);
    expect(target).toBeDefined();
    const { rows: ofFile } = await service.handlers.listSpectra({
      fileId: target!.id,
      includeAverages: true,
      limit: 1000,
      offset: 0,
    });
    const text = ['file,label', `${file},crown-edge`, 'missing.dat,core', 'only-one-cell', ''].join('\r\n');
    const outcome = await service.handlers.importLabelsText({ text });
    expect(outcome).toEqual({
      files: 1,
      spectra: ofFile.length,
      unmatched: [{ line: 3, file: 'missing.dat' }],
      problems: [{ line: 4, reason: "expected 'file,label', found 1 cell(s)" }],
    });
    const { rows: after } = await service.handlers.listSpectra({
      fileId: target!.id,
      includeAverages: true,
      limit: 1000,
      offset: 0,
    });
    expect(after.map((r) => r.label)).toEqual(ofFile.map(() => 'crown-edge'));
    const { total } = await service.handlers.listSpectra({
      label: 'crown-edge',
      limit: 1,
      offset: 0,
      includeAverages: true,
    });
    expect(total).toBe(ofFile.length);
  });
});
