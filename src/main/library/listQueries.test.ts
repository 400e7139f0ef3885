// The Library's list queries at scale, on a real SQLite file holding a seeded synthetic library:
// their plans (files lead the join, no temp B-tree sort, counts from indexes only), keyset and
// offset paging against a reference order computed here, totals against the generator's truth,
// and the labels CSV matched through the file-name index.
import type { Database } from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInputSchemas } from '../../shared/api/contract.ts';
import type { ApiInput } from '../../shared/api/contract.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import type { SyntheticLibraryTruth } from '../../testing/syntheticLibrary.ts';
import { applyLabelsCsv } from './applyLabelsCsv.ts';
import { openLibrary } from './openLibrary.ts';
import { listLabels, listSpectra, spectrumCountQuery, spectrumPageQuery } from './queries.ts';
import type { SqlQuery } from './queries.ts';

let db: Database;
let truth: SyntheticLibraryTruth;
const FILES = 1200;

beforeAll(() => {
  db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-list-')), 'library.sqlite'));
  truth = writeSyntheticLibrary(db, { files: FILES, points: 16, seed: 7, skipped: 3, failed: 2 });
});
afterAll(() => db.close());

const parse = (input: ApiInput<'listSpectra'>) => apiInputSchemas.listSpectra.parse(input);

function plan(query: SqlQuery): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params) as Array<{ detail: string }>;
  return rows.map((row) => row.detail).join(' | ');
}

interface RefRow {
  id: number;
  path: string;
  idx: number;
  is_average: number;
  label: string | null;
}

/** Every spectrum with its sort key, sorted here (binary string order, as SQLite's BINARY collation). */
function reference(): RefRow[] {
  const rows = db
    .prepare(
      `SELECT s.id, f.path, s.idx, s.is_average, l.name AS label FROM spectra s JOIN files f ON f.id = s.file_id
      LEFT JOIN spectrum_labels sl ON sl.spectrum_id = s.id LEFT JOIN labels l ON l.id = sl.label_id`,
    )
    .all() as RefRow[];
  return rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.idx - b.idx));
}

describe('listSpectra at scale', () => {
  it('walks files by path and their spectra by index: no temp B-tree sort, files first', () => {
    for (const input of [
      {},
      { label: 'core' },
      { includeAverages: true },
      { after: { path: '/synthetic/day000/Bias-Spectroscopy000500.dat', index: 1 } },
    ]) {
      const detail = plan(spectrumPageQuery(parse(input)));
      expect(detail).toMatch(/^(SCAN|SEARCH) f USING (COVERING )?INDEX sqlite_autoindex_files_1/);
      expect(detail).toMatch(
        /SEARCH s USING (COVERING )?INDEX (spectra_file_average|sqlite_autoindex_spectra_1)/,
      );
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('counts from indexes, never reading the spectra rows that hold the curve BLOBs', () => {
    expect(plan(spectrumCountQuery(parse({})))).toBe('SCAN s USING COVERING INDEX spectra_file_average');
    expect(plan(spectrumCountQuery(parse({ includeAverages: true })))).toMatch(
      /^SCAN (s|spectra) USING COVERING INDEX/,
    );
    const labelled = plan(spectrumCountQuery(parse({ label: 'core' })));
    expect(labelled).toMatch(/SEARCH sl USING COVERING INDEX spectrum_labels_label/);
    expect(labelled).toMatch(/COVERING INDEX spectra_averages/);
    expect(labelled).not.toMatch(/SEARCH s USING INTEGER PRIMARY KEY|SCAN s\b/);
  });

  it('totals match the generated library, with and without [AVG] columns and by label', () => {
    expect(listSpectra(db, parse({ limit: 1 })).total).toBe(truth.spectra);
    expect(listSpectra(db, parse({ limit: 1, includeAverages: true })).total).toBe(
      truth.spectra + truth.averages,
    );
    for (const [label, n] of Object.entries(truth.labels)) {
      expect(listSpectra(db, parse({ limit: 1, label })).total).toBe(n);
    }
    expect(listSpectra(db, parse({ limit: 1, label: 'no-such-label' })).total).toBe(0);
  });

  it('keyset pages and offset pages both give the reference order, each row once', () => {
    for (const filter of [{}, { includeAverages: true }, { label: 'crown-edge' }]) {
      const expected = reference()
        .filter((r) => ('includeAverages' in filter ? true : r.is_average === 0))
        .filter((r) => !('label' in filter) || r.label === filter.label)
        .map((r) => r.id);
      const byCursor: number[] = [];
      let after: { path: string; index: number } | undefined;
      for (;;) {
        const result = listSpectra(db, parse({ ...filter, limit: 333, after }));
        byCursor.push(...result.rows.map((r) => r.id));
        expect(result.total).toBe(expected.length);
        if (!result.next) break;
        after = result.next;
      }
      expect(byCursor).toEqual(expected);
      const offsetPage = listSpectra(db, parse({ ...filter, limit: 50, offset: 700 }));
      expect(offsetPage.rows.map((r) => r.id)).toEqual(expected.slice(700, 750));
    }
  });
});

describe('labels CSV', () => {
  it('matches bare names anywhere and relative paths by their ending, through the name index', () => {
    const detail = (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT id, path FROM files WHERE name = ? AND status = 'imported'`)
        .all('x') as Array<{
        detail: string;
      }>
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(detail).toMatch(/USING INDEX files_name/);
    const before = new Map(listLabels(db).rows.map((r) => [r.name, r.spectra]));
    const csv = [
      'file,label',
      'Bias-Spectroscopy000049.dat,defect', // unlabelled file (every 50th), 2 sweeps + [AVG]? no: 49 % 4 = 1
      'day001/Bias-Spectroscopy001100.dat,defect', // 1100 % 4 = 0: forward, backward, [AVG]
      'day000/Bias-Spectroscopy001101.dat,defect', // wrong folder
      'Bias-Spectroscopy_00049.dat,defect', // LIKE wildcard taken literally: no such file
      'skipped0.dat,defect', // recorded but not imported
    ].join('\n');
    const outcome = applyLabelsCsv(db, csv);
    expect(outcome.files).toBe(2);
    expect(outcome.spectra).toBe(2 + 3);
    expect(outcome.unmatched.map((u) => u.line)).toEqual([4, 5, 6]);
    const after = new Map(listLabels(db).rows.map((r) => [r.name, r.spectra]));
    expect(after.get('defect')).toBe(5);
    // File 1100 was crown-edge ... (1100 % 3 = 2): its two sweeps moved to 'defect'.
    expect(after.get('crown-edge')).toBe((before.get('crown-edge') ?? 0) - 2);
  });
});
