// A real chokidar watcher on a temp folder, a real library and real parse workers: files copied in
// one by one, a .dat written in pieces cut mid-line with 0.6 s pauses, an .sxm growing line by
// line, a rename, a delete and a burst of 500 files. Waits on conditions, never on fixed sleeps.
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNanonisSxm } from '../../../scripts/nanonis/writeNanonisSxm.ts';
import { parseFile } from '../../shared/formats/index.ts';
import { realFile } from '../../testing/realData.ts';
import { setLabel } from '../library/labels.ts';
import { LibraryService } from '../services/libraryService.ts';
import { importThrough } from './serviceImport.ts';
import { WatchSession } from './watchSession.ts';
import type { BatchDetail } from './watchSession.ts';

const demo = resolve(import.meta.dirname, '../../../resources/demo');
const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Harness {
  folder: string;
  service: LibraryService;
  session: WatchSession;
  batches: BatchDetail[];
  /** Every path listed in any batch, in order (a file listed twice was imported twice). */
  listed: () => string[];
  row: (path: string) => { id: number; status: string; missing_since: string | null } | undefined;
}

const open: Harness[] = [];

async function startWatching(options: { polling?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'sts-watch-'));
  const folder = join(dir, 'session');
  mkdirSync(folder);
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 2 });
  const batches: BatchDetail[] = [];
  const session = new WatchSession({
    db: service.db,
    folders: [folder],
    importPaths: importThrough(service),
    onBatch: (detail) => batches.push(detail),
    polling: options.polling,
    pollIntervalMs: 100,
  });
  await session.started;
  const harness: Harness = {
    folder,
    service,
    session,
    batches,
    listed: () => batches.flatMap((batch) => batch.report.files),
    row: (path) =>
      service.db.prepare('SELECT id, status, missing_since FROM files WHERE path = ?').get(path) as
        { id: number; status: string; missing_since: string | null } | undefined,
  };
  open.push(harness);
  return harness;
}

afterEach(async () => {
  for (const harness of open.splice(0)) {
    await harness.session.stop();
    await harness.service.close();
  }
});

function failures(batches: BatchDetail[]): string[] {
  return batches.flatMap((batch) => batch.report.failed.map(({ file, error }) => `${file}: ${error}`));
}

/** Writes `bytes` in `pieces` appends cut at arbitrary bytes (mid-line), `pauseMs` apart. */
async function writeInPieces(
  path: string,
  bytes: Uint8Array,
  pieces: number,
  pauseMs: number,
): Promise<void> {
  const cuts = Array.from(
    { length: pieces - 1 },
    (_, i) => Math.floor(((i + 1) * bytes.length) / pieces) + 7,
  );
  let from = 0;
  writeFileSync(path, new Uint8Array(0));
  for (const cut of [...cuts, bytes.length]) {
    appendFileSync(path, bytes.subarray(from, cut));
    from = cut;
    if (cut < bytes.length) await sleep(pauseMs);
  }
}

describe('watching a session folder', () => {
  it('reports the initial import first, even when the folder is empty', async () => {
    const h = await startWatching();
    expect(h.batches).toHaveLength(1);
    expect(h.batches[0]?.report).toMatchObject({
      files: [],
      imported: 0,
      updated: 0,
      unchanged: 0,
      spectra: 0,
    });
  });

  it('imports files copied in one by one, each once, with the spectra the reader finds', async () => {
    const h = await startWatching();
    const names = [
      'Bias-Spectroscopy001.dat',
      'Bias-Spectroscopy002.dat',
      'Bias-Spectroscopy003.dat',
      'Topography001.sxm',
    ];
    for (const name of names) {
      copyFileSync(join(demo, name), join(h.folder, name));
      await sleep(150);
    }
    await until('all four imported', () =>
      names.every((name) => h.row(join(h.folder, name))?.status === 'imported'),
    );
    expect(failures(h.batches)).toEqual([]);
    expect(h.listed().sort()).toEqual(names.map((name) => join(h.folder, name)).sort());
    const expectedSpectra = names.reduce(
      (sum, name) => sum + parseFile(name, new Uint8Array(readFileSync(join(demo, name)))).spectra.length,
      0,
    );
    const stored = h.service.db.prepare('SELECT count(*) AS n FROM spectra').get() as { n: number };
    expect(stored.n).toBe(expectedSpectra);
    expect(h.batches.reduce((sum, batch) => sum + batch.report.updated, 0)).toBe(0);
    // However many batches it took, the watched folder is one library session holding every file.
    const sessions = h.service.db
      .prepare('SELECT session_id, count(*) AS n FROM session_files GROUP BY session_id')
      .all() as Array<{ session_id: number; n: number }>;
    expect(h.batches.length).toBeGreaterThan(2);
    expect(sessions.map((row) => row.n)).toEqual([names.length]);
  });

  it('imports a .dat written in pieces cut mid-line with 0.6 s pauses once, whole', async () => {
    const h = await startWatching();
    const bytes = new Uint8Array(readFileSync(join(demo, 'Bias-Spectroscopy004.dat')));
    const path = join(h.folder, 'Bias-Spectroscopy004.dat');
    await writeInPieces(path, bytes, 6, 600);
    await until('the .dat imported', () => h.row(path)?.status === 'imported');
    await sleep(1500); // a second import would come within the quiet time
    expect(failures(h.batches)).toEqual([]);
    expect(h.listed()).toEqual([path]);
    const whole = parseFile('x.dat', bytes).spectra;
    const stored = h.service.db
      .prepare('SELECT points, bias_min, bias_max FROM spectra WHERE file_id = ? ORDER BY idx')
      .all(h.row(path)?.id) as Array<{ points: number; bias_min: number; bias_max: number }>;
    expect(stored.map((s) => s.points)).toEqual(whole.map((s) => s.bias.length));
    expect(stored[0]?.points).toBeGreaterThan(100);
  });

  it('imports an .sxm growing line by line only once it is complete, never as failed', async () => {
    const h = await startWatching();
    const width = 24;
    const height = 16;
    const image = (seed: number): Float32Array =>
      Float32Array.from({ length: width * height }, (_, i) => Math.sin(i * seed) * 1e-9);
    const bytes = writeNanonisSxm(
      {
        width,
        height,
        rangeX: 20e-9,
        rangeY: 20e-9,
        centreX: 0,
        centreY: 0,
        angleDeg: 0,
        date: '01.02.2024',
        time: '10:00:00',
        biasV: 0.5,
        channels: [{ name: 'Z', unit: 'm', forward: image(0.1), backward: image(0.2) }],
        comment: 'growing',
      },
      'grow.sxm',
    );
    const path = join(h.folder, 'grow.sxm');
    const dataStart = bytes.length - 2 * width * height * 4;
    writeFileSync(path, bytes.subarray(0, dataStart));
    // One scan line (width float32) at a time, 2 x 16 lines.
    for (let at = dataStart; at < bytes.length; at += width * 4) {
      await sleep(60);
      appendFileSync(path, bytes.subarray(at, at + width * 4));
    }
    await until('the .sxm imported', () => h.row(path)?.status === 'imported');
    await sleep(800);
    expect(failures(h.batches)).toEqual([]);
    expect(h.listed()).toEqual([path]);
    const stored = h.service.db
      .prepare('SELECT width, height FROM images WHERE file_id = ?')
      .all(h.row(path)?.id);
    expect(stored).toEqual([
      { width, height },
      { width, height },
    ]);
  });

  it('imports a .3ds grid in progress as it grows, then whole, never as failed', async () => {
    const h = await startWatching();
    const bytes = new Uint8Array(readFileSync(realFile('nanonis-3ds', 'Grid Spectroscopy002.3ds')));
    const path = join(h.folder, 'grid.3ds');
    const headerEnd = new TextDecoder('latin1').decode(bytes.subarray(0, 8192)).indexOf(':HEADER_END:') + 14;
    // Header and a third of the pixels, a pause past the quiet time, another third, then the rest.
    const third = Math.floor((bytes.length - headerEnd) / 3);
    writeFileSync(path, bytes.subarray(0, headerEnd + third));
    await until('the grid imported in progress', () => h.batches.some((b) => b.inProgress.includes(path)));
    const partialSpectra = (
      h.service.db
        .prepare('SELECT count(*) AS n FROM spectra s JOIN files f ON f.id = s.file_id WHERE f.path = ?')
        .get(path) as {
        n: number;
      }
    ).n;
    appendFileSync(path, bytes.subarray(headerEnd + third, headerEnd + 2 * third));
    await sleep(1300);
    appendFileSync(path, bytes.subarray(headerEnd + 2 * third));
    const whole = parseFile('grid.3ds', bytes).spectra.length;
    const stored = (): number =>
      (
        h.service.db
          .prepare('SELECT count(*) AS n FROM spectra s JOIN files f ON f.id = s.file_id WHERE f.path = ?')
          .get(path) as {
          n: number;
        }
      ).n;
    await until('the whole grid imported', () => stored() === whole);
    expect(partialSpectra).toBeGreaterThan(0);
    expect(partialSpectra).toBeLessThan(whole);
    expect(failures(h.batches)).toEqual([]);
    // The last batch naming it imported it whole (not in progress).
    const last = h.batches.filter((b) => b.report.files.includes(path)).at(-1);
    expect(last?.inProgress).not.toContain(path);
    expect(last?.updated).toContain(path);
  });

  it('follows a rename (same row, label kept) and marks a deleted file missing with its labels', async () => {
    const h = await startWatching();
    const first = join(h.folder, 'Bias-Spectroscopy005.dat');
    const second = join(h.folder, 'Bias-Spectroscopy006.dat');
    copyFileSync(join(demo, 'Bias-Spectroscopy005.dat'), first);
    copyFileSync(join(demo, 'Bias-Spectroscopy006.dat'), second);
    await until(
      'both imported',
      () => h.row(first)?.status === 'imported' && h.row(second)?.status === 'imported',
    );
    const db = h.service.db;
    const spectraOf = (fileId: number | undefined): number[] =>
      (
        db.prepare('SELECT id FROM spectra WHERE file_id = ? ORDER BY idx').all(fileId) as Array<{
          id: number;
        }>
      ).map((s) => s.id);
    const firstId = h.row(first)?.id;
    setLabel(db, spectraOf(firstId), 'core');
    setLabel(db, spectraOf(h.row(second)?.id), 'crown-edge');

    const renamed = join(h.folder, 'renamed.dat');
    renameSync(first, renamed);
    await until('the rename followed', () => h.row(renamed) !== undefined);
    // The row moves before the batch's import runs (the scan is asynchronous): wait for its report.
    await until('the rename reported', () => h.batches.some((b) => b.renamed.length > 0));
    expect(h.row(renamed)?.id).toBe(firstId);
    expect(h.row(first)).toBeUndefined();
    const labelled = db
      .prepare(
        'SELECT count(*) AS n FROM spectrum_labels l JOIN spectra s ON s.id = l.spectrum_id WHERE s.file_id = ?',
      )
      .get(firstId) as { n: number };
    expect(labelled.n).toBe(spectraOf(firstId).length);
    expect(h.batches.flatMap((b) => b.renamed)).toEqual([{ from: first, to: renamed }]);

    const secondSpectra = spectraOf(h.row(second)?.id);
    rmSync(second);
    await until('the delete marked', () => h.row(second)?.missing_since !== null);
    expect(h.row(second)?.status).toBe('imported');
    expect(spectraOf(h.row(second)?.id)).toEqual(secondSpectra);
    const kept = db
      .prepare(
        "SELECT count(*) AS n FROM spectrum_labels l JOIN labels n ON n.id = l.label_id WHERE n.name = 'crown-edge'",
      )
      .get() as { n: number };
    expect(kept.n).toBe(secondSpectra.length);
    expect(h.batches.flatMap((b) => b.missing)).toEqual([second]);

    // Back again: present, same row, not re-imported.
    copyFileSync(join(demo, 'Bias-Spectroscopy006.dat'), second);
    await until('the file present again', () => h.row(second)?.missing_since === null);
    expect(h.batches.reduce((sum, b) => sum + b.report.imported, 0)).toBe(2);
    expect(failures(h.batches)).toEqual([]);
  });

  it('takes a burst of 500 files, each imported once (polling mode)', async () => {
    const h = await startWatching({ polling: true });
    const text = readFileSync(join(demo, 'Bias-Spectroscopy007.dat'), 'latin1');
    const staging = mkdtempSync(join(tmpdir(), 'sts-burst-'));
    const names = Array.from({ length: 500 }, (_, i) => `burst${String(i).padStart(3, '0')}.dat`);
    names.forEach((name, i) =>
      writeFileSync(join(staging, name), text.replace('Comment01\t', `Comment01\tburst ${i} `), 'latin1'),
    );
    for (const name of names) copyFileSync(join(staging, name), join(h.folder, name));
    const count = (): number =>
      (
        h.service.db.prepare("SELECT count(*) AS n FROM files WHERE status = 'imported'").get() as {
          n: number;
        }
      ).n;
    await until('500 files imported', () => count() === 500, 60_000);
    expect(failures(h.batches)).toEqual([]);
    const listed = h.listed();
    expect(listed).toHaveLength(500);
    expect(new Set(listed).size).toBe(500);
    expect(h.batches.reduce((sum, b) => sum + b.report.updated, 0)).toBe(0);
  }, 90_000);
});
