// The user's series edits in the library (migration 13): set, clear and list them, and fold them
// into a run's recipe (series.split, series.join). A spectrum the run's own recipe already splits
// or joins keeps the recipe's choice.
import type { Database } from 'better-sqlite3';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { SeriesEdit } from '../../shared/api/contract.ts';
import { listSpectrumChoices, setSpectrumChoice } from './spectrumChoices.ts';

export function setSeriesEdit(
  db: Database,
  input: { spectrumId: number; action: SeriesEdit['action'] | 'clear'; note: string },
): { edits: SeriesEdit[] } {
  return { edits: setSpectrumChoice(db, 'series_edits', input) };
}

export function listSeriesEdits(db: Database): SeriesEdit[] {
  return listSpectrumChoices(db, 'series_edits');
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
