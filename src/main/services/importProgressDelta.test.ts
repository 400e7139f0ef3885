// getImportProgress `since`: a poll while the import runs carries only the skipped/failed entries
// after those the caller holds; a finished run answers whole (its lists are sorted at the end).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realDataDir } from '../../testing/realData.ts';
import { LibraryService } from './libraryService.ts';

const service = new LibraryService({
  dbPath: join(mkdtempSync(join(tmpdir(), 'sts-progress-')), 'l.sqlite'),
  workers: 1,
});
afterAll(() => service.close());

describe('import progress polling', () => {
  it('sends only the new report entries while running, everything once done', async () => {
    // Every folder of real files: some are skipped (images, non-I–V), some fail (vendor quirks).
    const run = service.startImport([realDataDir()]);
    const { runId } = run.progress;
    const first = await service.handlers.getImportProgress({ runId });
    expect(first.state).toBe('running');
    const held = { skipped: first.report.skipped.length, failed: first.report.failed.length };
    const second = await service.handlers.getImportProgress({ runId, since: held });
    expect(second.reportFrom).toEqual(held);
    expect(second.report.skipped.length).toBe(run.progress.report.skipped.length - held.skipped);
    const tooFar = await service.handlers.getImportProgress({
      runId,
      since: { skipped: 9999, failed: 9999 },
    });
    expect(tooFar.report.skipped).toEqual([]);
    expect(tooFar.reportFrom).toEqual({
      skipped: run.progress.report.skipped.length,
      failed: run.progress.report.failed.length,
    });

    const done = await run.done;
    const last = await service.handlers.getImportProgress({ runId, since: { skipped: 9999, failed: 9999 } });
    expect(last.state).toBe(done.state);
    expect(last.reportFrom).toEqual({ skipped: 0, failed: 0 });
    expect(last.report).toEqual(done.report);
    expect(done.report.skipped.length).toBeGreaterThan(0);
    // The answer is a copy: changing it leaves the run's report alone.
    last.report.skipped.pop();
    expect(run.progress.report.skipped.length).toBe(done.report.skipped.length);
  });
});
