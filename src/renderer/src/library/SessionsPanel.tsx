// Sessions: what each import brought in, with its date range, counts and labels. Rename, merge,
// delete, and analyse one (or the ticked ones) on the Analysis tab.
import { useState } from 'react';
import type { AnalysisScope, SessionRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { useSessions } from '../data/libraryQueries.ts';
import { libraryChanged } from '../data/queryClient.ts';

function day(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '—';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function SessionName({ session, onRenamed }: { session: SessionRow; onRenamed(): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null)
    return (
      <>
        <span className="session-name">{session.name}</span>{' '}
        <button
          className="link"
          data-testid={`session-rename-${session.id}`}
          aria-label={`Rename session ${session.name}`}
          onClick={() => setEditing(session.name)}
        >
          rename
        </button>
      </>
    );
  const save = (): void => {
    const name = editing.trim();
    if (!name || name === session.name) return setEditing(null);
    void getApi()
      .renameSession({ id: session.id, name })
      .then(() => {
        setEditing(null);
        onRenamed();
      });
  };
  return (
    <input
      autoFocus
      aria-label={`New name of session ${session.name}`}
      data-testid={`session-name-input-${session.id}`}
      value={editing}
      maxLength={200}
      onChange={(e) => setEditing(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') setEditing(null);
      }}
    />
  );
}

export function SessionsPanel({ onAnalyse }: { onAnalyse(scope: AnalysisScope): void }) {
  const { rows, error: loadError } = useSessions();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? loadError;
  /** Sessions renamed, merged or deleted: every list of the library reloads. */
  const changed = libraryChanged;
  const tickedIds = rows.filter((r) => ticked.has(r.id)).map((r) => r.id);
  const act = (promise: Promise<unknown>): void => {
    promise.then(
      () => {
        setTicked(new Set());
        setError(null);
        changed();
      },
      (e: unknown) => setError(message(e)),
    );
  };
  const remove = (session: SessionRow): void => {
    if (
      !window.confirm(
        `Delete session “${session.name}”: its ${session.files} files, their spectra and labels?`,
      )
    )
      return;
    act(getApi().deleteSession({ id: session.id }));
  };

  return (
    <section className="panel" aria-label="Sessions" data-testid="sessions-panel">
      <div className="table-head">
        <h2>Sessions</h2>
        <button
          className="secondary"
          data-testid="sessions-analyse"
          disabled={tickedIds.length === 0}
          onClick={() => onAnalyse({ sessionIds: tickedIds })}
        >
          Analyse ticked
        </button>
        <button
          className="secondary"
          data-testid="sessions-merge"
          disabled={tickedIds.length < 2}
          title="Move the files of the ticked sessions into the oldest of them"
          onClick={() => act(getApi().mergeSessions({ ids: tickedIds }))}
        >
          Merge ticked
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">No sessions yet: each import becomes one.</p>
      ) : (
        <div className="scroll">
          <table data-testid="sessions-table">
            <thead>
              <tr>
                <th aria-label="Tick" />
                <th>Session</th>
                <th>Acquired</th>
                <th className="num">Files</th>
                <th className="num">Spectra</th>
                <th>Labels</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} data-testid="session-row" data-session-id={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Tick session ${s.name}`}
                      data-testid={`session-tick-${s.id}`}
                      checked={ticked.has(s.id)}
                      onChange={(e) => {
                        const next = new Set(ticked);
                        if (e.target.checked) next.add(s.id);
                        else next.delete(s.id);
                        setTicked(next);
                      }}
                    />
                  </td>
                  <td>
                    <SessionName session={s} onRenamed={changed} />
                  </td>
                  <td>
                    {day(s.from)}
                    {s.to && s.to.slice(0, 16) !== s.from?.slice(0, 16) ? ` … ${day(s.to)}` : ''}
                  </td>
                  <td className="num">{s.files}</td>
                  <td className="num">{s.spectra}</td>
                  <td
                    className="labels-cell"
                    title={s.labels.map((l) => `${l.name}: ${l.spectra}`).join(', ')}
                  >
                    {s.labels.length === 0
                      ? 'unlabelled'
                      : s.labels.map((l) => (
                          <span key={l.name} className="label-chip">
                            <span className="swatch-dot" style={{ background: l.colour }} />
                            {l.name} {l.spectra}
                          </span>
                        ))}
                  </td>
                  <td>
                    <button
                      className="link"
                      data-testid={`session-analyse-${s.id}`}
                      onClick={() => onAnalyse({ sessionIds: [s.id] })}
                    >
                      analyse
                    </button>{' '}
                    <button
                      className="link danger"
                      data-testid={`session-delete-${s.id}`}
                      aria-label={`Delete session ${s.name}`}
                      onClick={() => remove(s)}
                    >
                      delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
