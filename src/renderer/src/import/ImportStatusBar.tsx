// The import's progress and Cancel above the tabs, visible from every view while a run goes on,
// then a one-line outcome until dismissed.
import { useState } from 'react';
import type { ImportState } from './useAppImport.ts';

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export function ImportStatusBar({ state }: { state: ImportState }) {
  const { progress, running } = state;
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (!progress || (!running && dismissed === progress.runId)) return null;
  const { report } = progress;
  const fraction = progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : 0;
  return (
    <div className="import-status" data-testid="import-status" data-state={progress.state} role="status">
      <span className="import-status-title">Import</span>
      {running ? (
        <>
          <progress max={1} value={fraction} aria-label="Import progress" />
          {progress.waiting ? (
            // Another import (app, CLI or watcher) holds the library's write turn: say whose. The
            // folder is scanned only once the turn is ours, so there are no counts to show yet.
            <span className="import-status-waiting" data-testid="import-status-waiting">
              {progress.waiting}
            </span>
          ) : (
            <span>
              {progress.filesDone} / {progress.filesTotal} files · {megabytes(progress.bytesDone)} /{' '}
              {megabytes(progress.bytesTotal)} MB
              {progress.currentFile ? ` · ${progress.currentFile.split(/[\\/]/).pop()}` : ''}
            </span>
          )}
          <button className="secondary" data-testid="import-status-cancel" onClick={state.cancel}>
            Cancel import
          </button>
        </>
      ) : (
        <>
          <span data-testid="import-status-outcome">
            {progress.state}: {report.imported} imported, {report.unchanged} unchanged, {report.updated}{' '}
            updated, {report.skipped.length} skipped, {report.failed.length} failed · {report.spectra} spectra
            {progress.error ? ` · ${progress.error}` : ''}
          </span>
          <button
            className="link"
            aria-label="Dismiss the import outcome"
            onClick={() => setDismissed(progress.runId)}
          >
            dismiss
          </button>
        </>
      )}
    </div>
  );
}
