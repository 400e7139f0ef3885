import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from './openLibrary.ts';

function plan(sql: string): string {
  const db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-plan-')), 'library.sqlite'));
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>;
  db.close();
  return rows.map((row) => row.detail).join(' | ');
}

describe('hot queries use their indexes', () => {
  it('dedupe by content hash', () => {
    expect(plan("SELECT path FROM files WHERE sha256 = 'x' AND path != 'y'")).toMatch(
      /USING INDEX files_sha256/,
    );
  });
  it('re-import lookup by path', () => {
    expect(plan("SELECT size FROM files WHERE path = 'x'")).toMatch(/USING INDEX sqlite_autoindex_files/);
  });
  it('spectra of one file', () => {
    expect(plan('SELECT id FROM spectra WHERE file_id = 3 AND idx = 1')).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_spectra/,
    );
  });
  it('spectra inside an image frame', () => {
    expect(plan('SELECT id FROM spectra s WHERE s.x BETWEEN 0 AND 1 AND s.y BETWEEN 0 AND 1')).toMatch(
      /USING (COVERING )?INDEX spectra_xy/,
    );
  });
  it("an import run's files, filed as a session at its end", () => {
    expect(
      plan('SELECT id FROM files WHERE import_run_id = 3 AND id NOT IN (SELECT file_id FROM session_files)'),
    ).toMatch(/USING (COVERING )?INDEX files_import_run/);
  });
  it('spectra with a label', () => {
    expect(plan('SELECT spectrum_id FROM spectrum_labels WHERE label_id = 2')).toMatch(
      /USING (COVERING )?INDEX spectrum_labels_label/,
    );
  });
});
