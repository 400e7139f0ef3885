// Why the shown run is not what "Run analysis" would make now, in words for the run bar: the
// analysis inputs changed since the run (labels, exclusions, spectra), or the scope picked differs
// from the run's (e.g. a CLI run on the whole library shown while the picker holds one session).
// Null when the run is current.
import type { AnalysisScope, SessionRow } from '../../../shared/model/library.ts';
import { scopeText } from './ScopePicker.tsx';

/** Scopes are equal when they name the same sessions or spectra, in any order. */
function sameScope(a: AnalysisScope | null | undefined, b: AnalysisScope | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const idsOf = (scope: AnalysisScope): string =>
    'sessionIds' in scope
      ? `s:${[...scope.sessionIds].sort((x, y) => x - y).join(',')}`
      : `p:${[...scope.spectrumIds].sort((x, y) => x - y).join(',')}`;
  return idsOf(a) === idsOf(b);
}

export function runStaleness(
  /** Labels, exclusions or spectra changed since the run was made (useAnalysisRun's `stale`). */
  inputsChanged: boolean,
  /** The shown run's scope; undefined or null: the whole library (a CLI run). */
  runScope: AnalysisScope | null | undefined,
  /** The scope the next run would have (the picker's). */
  picked: AnalysisScope | null,
  sessions: readonly SessionRow[],
): string | null {
  const reasons: string[] = [];
  if (inputsChanged) reasons.push('Labels, exclusions or spectra changed since this run.');
  if (picked && !sameScope(runScope, picked))
    reasons.push(
      `This run is on ${scopeText(runScope ?? undefined, sessions)}; the next run will be on ${scopeText(picked, sessions)}.`,
    );
  return reasons.length > 0 ? reasons.join(' ') : null;
}
