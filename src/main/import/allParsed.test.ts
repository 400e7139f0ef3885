// ImportRun's onAllParsed: called once, when every file's parse has answered and before the last
// batch is written, so the CLI can stop its parse worker there (its teardown overlapping the last
// writes). Stopping the pool at that point must lose nothing: the run writes every file it read.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realDataDir } from '../../testing/realData.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { ImportRun } from './importRun.ts';
import { ParsePool, SOURCE_WORKER_URL } from './parsePool.ts';

const count = (db: ReturnType<typeof openLibrary>, sql: string): number =>
  (db.prepare(sql).get() as { n: number }).n;

describe('onAllParsed', () => {
  it('comes once after the last parse, before the last write, and closing the pool there loses nothing', async () => {
    const folder = join(realDataDir(), 'nanonis-dat');
    const compare = async (closeEarly: boolean) => {
      const db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-all-parsed-')), 'library.sqlite'));
      const pool = new ParsePool(SOURCE_WORKER_URL, 1);
      const seen: Array<{ filesDone: number; written: number }> = [];
      const run = new ImportRun({
        db,
        pool,
        paths: [folder],
        readerVersion: 'test',
        // Every file in one batch: nothing is written before the last flush.
        batchFiles: 1_000,
        onAllParsed: () => {
          seen.push({
            filesDone: run.progress.filesDone,
            written: count(db, 'SELECT count(*) AS n FROM files'),
          });
          if (closeEarly) void pool.close();
        },
      });
      const progress = await run.done;
      await pool.close();
      // After the close, the pool refuses work: it really was stopped.
      await expect(pool.parse(join(folder, 'a.dat'), 'a.dat')).rejects.toThrow('closed');
      const outcome = {
        state: progress.state,
        report: progress.report,
        files: count(db, 'SELECT count(*) AS n FROM files'),
        spectra: count(db, 'SELECT count(*) AS n FROM spectra'),
      };
      db.close();
      return { seen, outcome, total: progress.filesTotal };
    };
    const early = await compare(true);
    const late = await compare(false);
    expect(early.total).toBeGreaterThan(10);
    expect(early.seen).toEqual([{ filesDone: early.total, written: 0 }]);
    expect(early.outcome.state).toBe('done');
    expect(early.outcome.files).toBe(early.total);
    expect(early.outcome.spectra).toBeGreaterThan(0);
    expect(early.outcome).toEqual(late.outcome);
  });
});
