// The user's exclusions in the library (migration 4): set, clear and list them, and fold them into
// a run's recipe. An exclusion given in the run's own recipe wins over the stored one.
import type { Database } from 'better-sqlite3';
import type { RecipeExclusion, RecipeOverrides } from '../../shared/analysis/index.ts';
import type { SpectrumExclusion } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';

export function setSpectrumExclusion(
  db: Database,
  input: { spectrumId: number; action: 'include' | 'exclude' | 'clear'; note: string },
): { exclusions: SpectrumExclusion[] } {
  const exists = db.prepare('SELECT 1 FROM spectra WHERE id = ?').get(input.spectrumId);
  if (!exists) throw new ApiError('not-found', `no spectrum ${input.spectrumId} in this library`);
  if (input.action === 'clear')
    db.prepare('DELETE FROM spectrum_exclusions WHERE spectrum_id = ?').run(input.spectrumId);
  else
    db.prepare(
      `INSERT INTO spectrum_exclusions (spectrum_id, action, note, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (spectrum_id) DO UPDATE SET action = excluded.action, note = excluded.note,
         updated_at = excluded.updated_at`,
    ).run(input.spectrumId, input.action, input.note, new Date().toISOString());
  return { exclusions: listSpectrumExclusions(db) };
}

export function listSpectrumExclusions(db: Database): SpectrumExclusion[] {
  const rows = db
    .prepare('SELECT spectrum_id, action, note, updated_at FROM spectrum_exclusions ORDER BY spectrum_id')
    .all() as Array<{ spectrum_id: number; action: 'include' | 'exclude'; note: string; updated_at: string }>;
  return rows.map((r) => ({
    spectrumId: r.spectrum_id,
    action: r.action,
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

/** The run's recipe with the library's exclusions added (the recipe's own entries win). */
export function withStoredExclusions(db: Database, overrides: RecipeOverrides): RecipeOverrides {
  const own = overrides.exclusions ?? [];
  const given = new Set(own.map((e) => String(e.id)));
  const stored: RecipeExclusion[] = listSpectrumExclusions(db)
    .filter((e) => !given.has(String(e.spectrumId)))
    .map((e) => ({ id: e.spectrumId, action: e.action, note: e.note }));
  return { ...overrides, exclusions: [...own, ...stored] };
}
