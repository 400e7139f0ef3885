// Stored-run jobs keep their worker between runs (analysisJobs.ts): on a real library file
// (seeded synthetic spectra), a second run goes to the same thread and stores what a run in a new
// thread stores; a failed run keeps it; a cancelled one does not; close() stops the waiting one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { getAnalysisRun } from './analysisRuns.ts';
import { AnalysisJobs } from './analysisJobs.ts';

let dbPath: string;
let jobs: AnalysisJobs;

beforeAll(() => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'sts-jobs-')), 'library.sqlite');
  const db = openLibrary(dbPath);
  writeSyntheticLibrary(db, { files: 300, points: 256, seed: 23 });
  db.close();
  jobs = new AnalysisJobs(dbPath, 'test');
});
afterAll(() => jobs.close());

/** A stored run's numbers, without what differs between two runs (id, time). */
function storedRun(runId: number): unknown {
  const db = openLibrary(dbPath, { readonly: true });
  try {
    const run = getAnalysisRun(db, runId, 'all');
    return { ...run, runId: 0, createdAt: '' };
  } finally {
    db.close();
  }
}

describe('stored-run jobs', () => {
  it('runs the next recipe in the worker of the last run, storing what a new worker stores', async () => {
    const first = jobs.start({ derivative: { window: 11 } });
    const firstProgress = await first.done;
    expect(firstProgress.state).toBe('done');
    const second = jobs.start({ derivative: { window: 15 } });
    expect(second.worker.threadId).toBe(first.worker.threadId);
    expect((await second.done).state).toBe('done');

    // The same recipe again, in a new worker (another jobs object): the same stored numbers.
    const fresh = new AnalysisJobs(dbPath, 'test');
    try {
      const inNew = fresh.start({ derivative: { window: 15 } });
      expect(inNew.worker.threadId).not.toBe(first.worker.threadId);
      const progress = await inNew.done;
      expect(storedRun(progress.runId!)).toEqual(storedRun(second.progress.runId!));
      expect(storedRun(progress.runId!)).not.toEqual(storedRun(firstProgress.runId!));
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('keeps the worker after a run that failed with its own answer, not after a cancel', async () => {
    const before = jobs.start({});
    await before.done;
    const failed = jobs.start({}, { sessionIds: [987654] });
    expect(failed.worker.threadId).toBe(before.worker.threadId);
    const failure = await failed.done;
    expect(failure.state).toBe('failed');
    expect(failure.error).toBe('the chosen sessions or spectra hold no bias-spectroscopy spectra to analyse');

    // Cancelling a run that has ended changes nothing: its worker still takes the next run.
    expect(jobs.cancel(failed.progress.jobId).state).toBe('failed');
    const cancelled = jobs.start({});
    expect(cancelled.worker.threadId).toBe(before.worker.threadId);
    expect(jobs.cancel(cancelled.progress.jobId).state).toBe('cancelled');
    const after = jobs.start({});
    expect(after.worker.threadId).not.toBe(before.worker.threadId);
    expect((await after.done).state).toBe('done');
  }, 60_000);

  it('stops the waiting worker on close', async () => {
    const own = new AnalysisJobs(dbPath, 'test');
    const job = own.start({});
    await job.done;
    const exited = new Promise<number>((resolve) => job.worker.once('exit', resolve));
    await own.close();
    expect(typeof (await exited)).toBe('number');
  }, 60_000);
});
