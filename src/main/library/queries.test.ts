// List queries and their filters on a real library of real files.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataDir } from '../../testing/realData.ts';
import { LibraryService } from '../services/libraryService.ts';

let service: LibraryService;
const page = { limit: 1000, offset: 0 };

beforeAll(async () => {
  service = new LibraryService({
    dbPath: join(mkdtempSync(join(tmpdir(), 'sts-q-')), 'l.sqlite'),
    workers: 2,
  });
  await service.startImport([join(realDataDir(), 'nanonis-dat'), join(realDataDir(), 'text')]).done;
});
afterAll(() => service.close());

describe('list queries', () => {
  it('filters files by kind, status and text, taking % and _ literally', async () => {
    const z = await service.handlers.listFiles({ ...page, kind: 'z-spectroscopy' });
    expect(z.rows.map((f) => f.name).sort()).toEqual(
      [
        'Z-Spectroscopy002.dat',
        'Z-Spectroscopy420.dat',
        'Z-Spectroscopy507.dat',
        'Z-Spectroscopy__012.dat',
        'z.dat',
      ].sort(),
    );
    expect(z.total).toBe(5);
    const underscore = await service.handlers.listFiles({ ...page, text: '__0' });
    expect(underscore.rows.map((f) => f.name)).toEqual(['Z-Spectroscopy__012.dat']);
    expect((await service.handlers.listFiles({ ...page, text: '%' })).total).toBe(0);
    expect((await service.handlers.listFiles({ ...page, status: 'failed' })).total).toBe(0);
  });

  it('pages with a stable order and the full total', async () => {
    const all = await service.handlers.listSpectra({ ...page, includeAverages: false });
    const second = await service.handlers.listSpectra({ limit: 5, offset: 5, includeAverages: false });
    expect(second.total).toBe(all.total);
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(5, 10).map((r) => r.id));
  });

  it('keeps the instrument averages out unless asked, and filters spectra by label', async () => {
    const withAverages = await service.handlers.listSpectra({ ...page, includeAverages: true });
    const without = await service.handlers.listSpectra({ ...page, includeAverages: false });
    expect(withAverages.total - without.total).toBe(withAverages.rows.filter((r) => r.isAverage).length);
    expect(without.rows.some((r) => r.isAverage)).toBe(false);
    const target = without.rows.slice(0, 3).map((r) => r.id);
    await service.handlers.setLabel({ spectrumIds: target, label: 'crown-edge' });
    const labelled = await service.handlers.listSpectra({
      ...page,
      includeAverages: false,
      label: 'crown-edge',
    });
    expect(labelled.rows.map((r) => r.id)).toEqual(target);
    expect(labelled.rows.every((r) => r.label === 'crown-edge')).toBe(true);
  });
});
