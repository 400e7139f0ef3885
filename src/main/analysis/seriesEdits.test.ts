// Series split and joined by hand: stored in a real library (migration 13) with a note, copied into
// the recipe of every later run, and the run's series, group counts and first-sweep statistics
// follow them. The session: spot A swept in 4 files a minute apart (one series), spot B swept at
// 10:10 and again at 10:11 after the tip drifted 2 nm (beyond the 0.5 nm radius: two spots).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNanonisDat } from '../../../scripts/nanonis/writeNanonisDat.ts';
import { apiInputSchemas } from '../../shared/api/contract.ts';
import type { AnalysisRunView } from '../../shared/api/contract.ts';
import { gaussianBandSweeps } from '../../testing/gaussianBandModel.ts';
import { LibraryService } from '../services/libraryService.ts';

const SPOTS = [
  ...[0, 1, 2, 3].map((k) => ({ name: `A${k + 1}.dat`, x: 10e-9, y: 10e-9, minute: k })),
  { name: 'B1.dat', x: 50e-9, y: 50e-9, minute: 10 },
  { name: 'B2.dat', x: 52e-9, y: 50e-9, minute: 11 },
];

let service: LibraryService;
/** Forward spectrum id of each file, by file name. */
const idOf = new Map<string, number>();

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'sts-series-edits-'));
  const folder = join(root, 'session');
  mkdirSync(folder);
  const sweeps = gaussianBandSweeps(7, SPOTS.length, { from: -2, to: 2, points: 301, noise: 2e-12 });
  SPOTS.forEach((spot, i) => {
    const sweep = sweeps[i]!;
    const text = writeNanonisDat({
      x: spot.x,
      y: spot.y,
      bias: sweep.bias,
      sweeps: [{ forward: sweep.current, backward: sweep.current }],
      date: `21.11.2026 10:${String(spot.minute).padStart(2, '0')}:00`,
    });
    writeFileSync(join(folder, spot.name), text);
  });
  service = new LibraryService({ dbPath: join(root, 'library.sqlite'), workers: 1 });
  const progress = await service.startImport([folder]).done;
  if (progress.state !== 'done') throw new Error(`import ${progress.state}`);
  const rows = service.db
    .prepare(
      "SELECT s.id AS id, f.name AS name FROM spectra s JOIN files f ON f.id = s.file_id WHERE s.direction = 'forward'",
    )
    .all() as Array<{ id: number; name: string }>;
  for (const row of rows) idOf.set(row.name, row.id);
  await service.handlers.setLabel({ spectrumIds: [...idOf.values()], label: 'core' });
}, 60_000);

afterAll(() => service?.close());

const id = (name: string): number => idOf.get(name)!;
const seriesFiles = (run: AnalysisRunView): string[][] => run.series.map((s) => s.files);
const counted = (run: AnalysisRunView): number => run.groups.find((g) => g.label === 'core')!.counted;

describe('series edits by hand', () => {
  it('detects one series at spot A and two spots at B before any edit', async () => {
    const run = await service.handlers.runAnalysis({});
    expect(seriesFiles(run)).toEqual([['A1.dat', 'A2.dat', 'A3.dat', 'A4.dat']]);
    expect(counted(run)).toBe(3);
    expect(run.recipe.series.split).toEqual([]);
  });

  it('splits a series where the user says, stores the note and puts the split in the run recipe', async () => {
    const { edits } = await service.handlers.setSeriesEdit({
      spectrumId: id('A3.dat'),
      action: 'split',
      note: 'tip conditioned between sweeps',
    });
    expect(edits).toMatchObject([
      { spectrumId: id('A3.dat'), action: 'split', note: 'tip conditioned between sweeps' },
    ]);
    const run = await service.handlers.runAnalysis({});
    expect(run.recipe.series.split).toEqual([id('A3.dat')]);
    expect(seriesFiles(run)).toEqual([
      ['A1.dat', 'A2.dat'],
      ['A3.dat', 'A4.dat'],
    ]);
    // A3 now starts a series of its own: a spot counted in the group's statistics.
    expect(counted(run)).toBe(4);
    const a3 = run.spectra.find((r) => r.spectrumId === id('A3.dat'))!;
    expect(a3.sweepInSeries).toBe(1);
  });

  it('joins a drifted re-measurement to the series before it', async () => {
    await service.handlers.setSeriesEdit({ spectrumId: id('B2.dat'), action: 'join', note: 'same particle' });
    const run = await service.handlers.runAnalysis({});
    expect(run.recipe.series.join).toEqual([id('B2.dat')]);
    expect(seriesFiles(run)).toContainEqual(['B1.dat', 'B2.dat']);
    expect(counted(run)).toBe(3);
    const listed = await service.handlers.listSeriesEdits({});
    expect(listed.edits.map((e) => [e.spectrumId, e.action])).toEqual(
      [
        [id('A3.dat'), 'split'],
        [id('B2.dat'), 'join'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it("keeps a run recipe's own split or join over the stored edit of the same spectrum", async () => {
    const run = await service.handlers.runAnalysis(
      apiInputSchemas.runAnalysis.parse({ recipe: { series: { join: [id('A3.dat')] } } }),
    );
    expect(run.recipe.series.join).toEqual([id('A3.dat'), id('B2.dat')]);
    expect(run.recipe.series.split).toEqual([]);
    expect(seriesFiles(run)[0]).toEqual(['A1.dat', 'A2.dat', 'A3.dat', 'A4.dat']);
  });

  it('is refused on a library opened read-only, which still lists the edits', async () => {
    const readOnly = new LibraryService({ dbPath: service.dbPath, readonly: true });
    try {
      expect(() =>
        readOnly.handlers.setSeriesEdit({ spectrumId: id('A1.dat'), action: 'split', note: '' }),
      ).toThrow('read-only');
      expect((await readOnly.handlers.listSeriesEdits({})).edits).toHaveLength(2);
    } finally {
      await readOnly.close();
    }
  });

  it('clears an edit, refuses an unknown spectrum and drops the edits of a deleted file', async () => {
    await service.handlers.setSeriesEdit({ spectrumId: id('A3.dat'), action: 'clear', note: '' });
    const run = await service.handlers.runAnalysis({});
    expect(seriesFiles(run)[0]).toEqual(['A1.dat', 'A2.dat', 'A3.dat', 'A4.dat']);
    expect(() => service.handlers.setSeriesEdit({ spectrumId: 999_999, action: 'split', note: '' })).toThrow(
      'no spectrum 999999 in this library',
    );
    service.db.prepare("DELETE FROM files WHERE name = 'B2.dat'").run();
    expect((await service.handlers.listSeriesEdits({})).edits).toEqual([]);
  });
});
