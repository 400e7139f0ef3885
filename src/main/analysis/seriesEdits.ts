// The user's series edits in the library (migration 13): set, clear and list them, and fold them
// into a run's recipe (series.split, series.join). A spectrum the run's own recipe already splits
// or joins keeps the recipe's choice.
import type { Database } from 'better-sqlite3';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { SeriesEdit } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';

export function setSeriesEdit(
  db: Database,
  input: { spectrumId: number; action: SeriesEdit['action'] | 'clear'; note: string },
): { edits: SeriesEdit[] } {
  const exists = db.prepare('SELECT 1 FROM spectra WHERE id = ?').get(input.spectrumId);
  if (!exists) throw new ApiError('not-found', `no spectrum ${input.spectrumId} in this library`);
  if (input.action === 'clear')
    db.prepare('DELETE FROM series_edits WHERE spectrum_id = ?').run(input.spectrumId);
  else
    db.prepare(
      `INSERT INTO series_edits (spectrum_id, action, note, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (spectrum_id) DO UPDATE SET action = excluded.action, note = excluded.note,
         updated_at = excluded.updated_at`,
    ).run(input.spectrumId, input.action, input.note, new Date().toISOString());
  return { edits: listSeriesEdits(db) };
}

export function listSeriesEdits(db: Database): SeriesEdit[] {
  const rows = db
    .prepare('SELECT spectrum_id, action, note, updated_at FROM series_edits ORDER BY spectrum_id')
    .all() as Array<{ spectrum_id: number; action: SeriesEdit['action']; note: string; updated_at: string }>;
  return rows.map((r) => ({
    spectrumId: r.spectrum_id,
    action: r.action,
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

/** The run's recipe with the library's series edits added (the recipe's own splits and joins win). */
export function withStoredSeriesEdits(db: Database, overrides: RecipeOverrides): RecipeOverrides {
  const stored = listSeriesEdits(db);
  if (stored.length === 0) return overrides;
  const split = [...(overrides.series?.split ?? [])];
  const join = [...(overrides.series?.join ?? [])];
  const given = new Set([...split, ...join].map(String));
  for (const edit of stored) {
    if (given.has(String(edit.spectrumId))) continue;
    (edit.action === 'split' ? split : join).push(edit.spectrumId);
  }
  return { ...overrides, series: { ...overrides.series, split, join } };
}
