// The user's exclusions in the library (migration 4): set, clear and list them, and fold them into
// a run's recipe. An exclusion given in the run's own recipe wins over the stored one.
import type { Database } from 'better-sqlite3';
import type { RecipeExclusion, RecipeOverrides } from '../../shared/analysis/index.ts';
import type { SpectrumExclusion } from '../../shared/api/contract.ts';
import { listSpectrumChoices, setSpectrumChoice } from './spectrumChoices.ts';

export function setSpectrumExclusion(
  db: Database,
  input: { spectrumId: number; action: SpectrumExclusion['action'] | 'clear'; note: string },
): { exclusions: SpectrumExclusion[] } {
  return { exclusions: setSpectrumChoice(db, 'spectrum_exclusions', input) };
}

export function listSpectrumExclusions(db: Database): SpectrumExclusion[] {
  return listSpectrumChoices(db, 'spectrum_exclusions');
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
