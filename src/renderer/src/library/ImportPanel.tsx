// Import a session: a path field (browser mode has no file paths from the OS), a native dialog in
// Electron, drag and drop where the platform gives paths; progress with cancel, then the report.
import { useCallback, useState } from 'react';
import { getApi, isElectron } from '../api.ts';
import { useReadOnlyReason } from '../data/libraryQueries.ts';
import type { DroppedPaths } from './droppedPaths.ts';
import type { ImportState } from '../import/useAppImport.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { PathsField, pathsOf } from './PathsField.tsx';
import { useWindowDrop } from './useWindowDrop.ts';

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export function ImportPanel({
  state,
  onLabelsCsv,
}: {
  /** The app's import (its progress also shows above the tabs). */
  state: ImportState;
  /** Dropped .csv files (labels CSVs). */
  onLabelsCsv(files: File[]): void;
}) {
  const [pathText, setPathText] = useState('');
  const [dropNote, setDropNote] = useState<string | null>(null);
  const { progress, error, start, cancel, running } = state;
  const paths = pathsOf(pathText);
  const readOnly = useReadOnlyReason('importing');

  const chooseFolder = (): void => {
    void getApi()
      .chooseImportPaths({})
      .then(({ paths: chosen }) => {
        if (chosen.length) start(chosen);
      });
  };

  const onDrop = useCallback(
    ({ paths: dropped, hidden, labelFiles }: DroppedPaths) => {
      if (labelFiles.length > 0) onLabelsCsv(labelFiles);
      if (dropped.length === 0 && hidden.length === 0) return;
      if (dropped.length > 0) setPathText(dropped.join('\n'));
      if (hidden.length === 0) setDropNote(null);
      else if (dropped.length > 0)
        setDropNote(`${hidden.length} dropped item(s) had no path and were left out.`);
      else
        setDropNote(
          'This browser does not reveal where dropped files live: type the folder path above instead.',
        );
    },
    [onLabelsCsv],
  );
  const dragging = useWindowDrop(onDrop);

  const fraction = progress && progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : 0;
  return (
    <section className="panel" data-testid="import-panel">
      <h2>Import a session</h2>
      <PathsField
        label="Folders or files (one per line)"
        testId="import-path"
        rows={2}
        placeholder="/data/2026-11-21 CsPbBr3 platelets"
        value={pathText}
        onChange={setPathText}
      />
      <div className="row">
        <button
          data-testid="import-button"
          disabled={readOnly !== null || running || paths.length === 0}
          title={readOnly ?? undefined}
          onClick={() => start(paths)}
        >
          Import
        </button>
        {isElectron() && (
          <button
            data-testid="choose-folder"
            disabled={readOnly !== null || running}
            title={readOnly ?? undefined}
            onClick={chooseFolder}
          >
            Open folder…
          </button>
        )}
        {running && (
          <button data-testid="import-cancel" className="secondary" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {readOnly && (
        <p className="note" data-testid="import-read-only">
          Read-only library: import and watch are off.
        </p>
      )}
      {dropNote && (
        <p className="note" data-testid="import-drop-note">
          {dropNote}
        </p>
      )}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          Drop folders or files to import, or a labels .csv to label files
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {progress && !error && (
        <div data-testid="import-progress" className="progress" data-state={progress.state}>
          <progress max={1} value={fraction} />
          <div className="progress-text">
            {progress.filesDone} / {progress.filesTotal} files · {megabytes(progress.bytesDone)} /{' '}
            {megabytes(progress.bytesTotal)} MB
            {progress.currentFile && running ? ` · ${progress.currentFile.split('/').pop()}` : ''}
            {progress.state !== 'running' ? ` · ${progress.state}` : ''}
          </div>
        </div>
      )}
      {progress && !error && progress.state !== 'running' && (
        <ImportReportView progress={progress} paths={state.paths} />
      )}
    </section>
  );
}
