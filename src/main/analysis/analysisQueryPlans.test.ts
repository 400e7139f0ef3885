import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../library/openLibrary.ts';

function plan(sql: string): string {
  const db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-plan-')), 'library.sqlite'));
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>;
  db.close();
  return rows.map((row) => row.detail).join(' | ');
}

describe('analysis queries use their indexes', () => {
  it('results of one run', () => {
    expect(plan('SELECT vbm FROM spectrum_results WHERE run_id = 3 ORDER BY spectrum_id')).toMatch(
      /USING INDEX sqlite_autoindex_spectrum_results_1/,
    );
  });
  it('results of one group in a run', () => {
    expect(plan("SELECT vbm FROM spectrum_results WHERE run_id = 3 AND label = 'core'")).toMatch(
      /USING INDEX sqlite_autoindex_spectrum_results_1/,
    );
  });
  it('results of one spectrum (also the cascade when a spectrum is deleted)', () => {
    expect(plan('SELECT run_id FROM spectrum_results WHERE spectrum_id = 7')).toMatch(
      /USING (COVERING )?INDEX spectrum_results_spectrum/,
    );
  });
  it('curves of one run', () => {
    expect(plan('SELECT bias FROM analysis_group_curves WHERE run_id = 3')).toMatch(
      /USING INDEX sqlite_autoindex_analysis_group_curves_1/,
    );
  });
});
