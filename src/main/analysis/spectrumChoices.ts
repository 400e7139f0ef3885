// The choices a user stores in the library per spectrum, each with a note: hand exclusions
// (spectrum_exclusions, migration 4) and series edits (series_edits, migration 13). One row per
// spectrum and kind, replaced by a new choice or cleared; a spectrum's rows go with it (ON DELETE
// CASCADE). Every analysis run copies them into its recipe (exclusions.ts, seriesEdits.ts).
import type { Database } from 'better-sqlite3';
import type { SpectrumChoice } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';

/** The tables holding such choices (never a name from outside: they go into the SQL text). */
export type ChoiceTable = 'spectrum_exclusions' | 'series_edits';

export function listSpectrumChoices<Action extends string>(
  db: Database,
  table: ChoiceTable,
): Array<SpectrumChoice<Action>> {
  const rows = db
    .prepare(`SELECT spectrum_id, action, note, updated_at FROM ${table} ORDER BY spectrum_id`)
    .all() as Array<{ spectrum_id: number; action: Action; note: string; updated_at: string }>;
  return rows.map((r) => ({
    spectrumId: r.spectrum_id,
    action: r.action,
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

/** Stores (or with 'clear' forgets) one spectrum's choice; the table's choices after it. */
export function setSpectrumChoice<Action extends string>(
  db: Database,
  table: ChoiceTable,
  input: { spectrumId: number; action: Action | 'clear'; note: string },
): Array<SpectrumChoice<Action>> {
  const exists = db.prepare('SELECT 1 FROM spectra WHERE id = ?').get(input.spectrumId);
  if (!exists) throw new ApiError('not-found', `no spectrum ${input.spectrumId} in this library`);
  if (input.action === 'clear')
    db.prepare(`DELETE FROM ${table} WHERE spectrum_id = ?`).run(input.spectrumId);
  else
    db.prepare(
      `INSERT INTO ${table} (spectrum_id, action, note, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (spectrum_id) DO UPDATE SET action = excluded.action, note = excluded.note,
         updated_at = excluded.updated_at`,
    ).run(input.spectrumId, input.action, input.note, new Date().toISOString());
  return listSpectrumChoices<Action>(db, table);
}
