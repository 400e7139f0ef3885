// What the next analysis run is on: one or several sessions, or the spectra selected in the
// Library. Never the whole library by default: without a choice, the shown run's scope or
// defaultScope's session.
import type { AnalysisScope, SessionRow } from '../../../shared/model/library.ts';

/**
 * The scope offered when nothing was chosen and the shown run has none: the newest session with
 * labelled spectra (an analysis averages labelled groups: a newer unlabelled session, such as a
 * grid or a live session still being labelled, would give a run without groups), else the newest
 * session; null without sessions. `sessions` is newest first, as listSessions gives them.
 */
export function defaultScope(sessions: readonly SessionRow[]): AnalysisScope | null {
  const chosen = sessions.find((s) => s.labels.length > 0) ?? sessions[0];
  return chosen ? { sessionIds: [chosen.id] } : null;
}

export function scopeText(scope: AnalysisScope | undefined, sessions: readonly SessionRow[]): string {
  if (!scope) return 'the whole library';
  if ('spectrumIds' in scope) return `${scope.spectrumIds.length} spectra selected in the Library`;
  const names = scope.sessionIds.map((id) => sessions.find((s) => s.id === id)?.name ?? `session ${id}`);
  return `session${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
}

export function ScopePicker({
  scope,
  sessions,
  onScope,
}: {
  scope: AnalysisScope | null;
  sessions: readonly SessionRow[];
  onScope(scope: AnalysisScope): void;
}) {
  const ticked = new Set(scope && 'sessionIds' in scope ? scope.sessionIds : []);
  return (
    <fieldset className="scope-picker" data-testid="scope-picker">
      <legend>Analyse</legend>
      {scope && 'spectrumIds' in scope && (
        <label>
          <input type="radio" checked readOnly /> {scope.spectrumIds.length} spectra selected in the Library
        </label>
      )}
      {sessions.map((s) => (
        <label key={s.id} title={`${s.files} files · ${s.spectra} spectra`}>
          <input
            type="checkbox"
            data-testid={`scope-session-${s.id}`}
            checked={ticked.has(s.id)}
            onChange={(e) => {
              const next = new Set(ticked);
              if (e.target.checked) next.add(s.id);
              else next.delete(s.id);
              // At least one session stays ticked: an empty scope would mean nothing to analyse.
              if (next.size > 0)
                onScope({ sessionIds: sessions.filter((r) => next.has(r.id)).map((r) => r.id) });
            }}
          />{' '}
          {s.name} <span className="note">({s.spectra})</span>
        </label>
      ))}
      {sessions.length === 0 && <span className="note">no sessions yet</span>}
    </fieldset>
  );
}
