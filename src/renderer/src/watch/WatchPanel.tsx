// The Watch toggle of the import area: watch session folders so each new file is imported as the
// instrument finishes it. Polling is an option for network shares, where file events do not arrive.
import { useState } from 'react';
import { getApi } from '../api.ts';
import { useReadOnlyReason } from '../data/libraryQueries.ts';
import { PathsField, pathsOf } from '../library/PathsField.tsx';
import { useWatchStatus } from './useWatchStatus.ts';
import './watch.css';

export function WatchPanel() {
  const [status, setStatus] = useWatchStatus();
  const [folderText, setFolderText] = useState('');
  const [polling, setPolling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const watching = status?.watching ?? false;
  const folders = pathsOf(folderText);
  const readOnly = useReadOnlyReason('watching a folder (each new file is imported)');

  const toggle = (): void => {
    setBusy(true);
    setError(null);
    const call = watching ? getApi().stopWatch({}) : getApi().startWatch({ folders, polling });
    call
      .then(setStatus, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  const newFiles = status?.events.filter((e) => e.kind === 'imported').length ?? 0;
  return (
    <section className="panel watch-panel" data-testid="watch-panel">
      <div className="watch-head">
        <h2>Watch a session folder</h2>
        <button
          role="switch"
          aria-checked={watching}
          data-testid="watch-toggle"
          className={watching ? 'watch-switch on' : 'watch-switch'}
          disabled={busy || (!watching && (readOnly !== null || folders.length === 0))}
          title={!watching ? (readOnly ?? undefined) : undefined}
          onClick={toggle}
        >
          {busy ? (watching ? 'Stopping…' : 'Starting…') : watching ? 'Watching' : 'Watch'}
        </button>
      </div>
      {watching ? (
        <p className="note" data-testid="watch-state">
          <span className="watch-dot" aria-hidden="true" /> {status?.folders.join(', ')}
          {status?.polling ? ' · polling' : ''} · new files are imported as they complete
          {newFiles > 0 ? ` · ${newFiles} new` : ''}
        </p>
      ) : (
        <>
          <PathsField
            label="Folders to watch (one per line)"
            testId="watch-path"
            rows={1}
            placeholder="/data/live session"
            value={folderText}
            onChange={setFolderText}
          />
          <label className="watch-option">
            <input type="checkbox" checked={polling} onChange={(e) => setPolling(e.target.checked)} /> Poll
            for changes (network shares)
          </label>
        </>
      )}
      {(error ?? status?.error) && (
        <p role="alert" className="error">
          {error ?? status?.error}
        </p>
      )}
    </section>
  );
}
