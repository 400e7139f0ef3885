// First start on an empty library: the shipped demo is imported, labelled exactly as its
// labels.csv says, and one analysis run is stored with the seed study's three groups.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLabelsCsv } from '../shared/model/labelsCsv.ts';
import { DEMO_DIR, openDemoOnFirstRun } from './demoSession.ts';
import { LibraryService } from './services/libraryService.ts';

const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-first-')), 'library.sqlite');
const service = new LibraryService({ dbPath, workers: 2 });
afterAll(() => service.close());

describe('the demo on first start', () => {
  it('is imported, labelled from labels.csv and analysed once', async () => {
    const ready = await openDemoOnFirstRun(service);
    expect(ready?.problem).toBeNull();
    const csv = parseLabelsCsv(readFileSync(join(DEMO_DIR, 'labels.csv'), 'utf8'));
    expect(csv.problems).toEqual([]);

    // Every spectrum of every listed file carries the file's label, and nothing else is labelled.
    const { rows } = await service.handlers.listSpectra({ limit: 100_000, offset: 0, includeAverages: true });
    const labelOfFile = new Map(csv.rows.map((r) => [r.file, r.label]));
    for (const row of rows) expect(row.label, row.fileName).toBe(labelOfFile.get(row.fileName) ?? null);
    const labelled = rows.filter((r) => r.label !== null).length;
    expect(labelled).toBeGreaterThan(0);
    expect(ready?.labelled).toBe(labelled);

    const runs = await service.handlers.listAnalysisRuns({});
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]?.runId).toBe(ready?.runId);
    expect([...(runs.rows[0]?.groups ?? [])].sort()).toEqual(
      [...new Set(csv.rows.map((r) => r.label))].sort(),
    );
  });

  it('is not imported again into a library that holds files', () => {
    expect(openDemoOnFirstRun(service)).toBeNull();
  });
});
