// Import a session: a path field (browser mode has no file paths from the OS), a native dialog in
// Electron, drag and drop where the platform gives paths; progress with cancel, then the report.
import { useState } from 'react';
import type { DragEvent } from 'react';
import { getApi, isElectron } from '../api.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { useImport } from './useImport.ts';

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [pathText, setPathText] = useState('');
  const [dropNote, setDropNote] = useState<string | null>(null);
  const { progress, error, start, cancel } = useImport(onImported);
  const running = progress?.state === 'running';
  const paths = pathText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  const chooseFolder = (): void => {
    void getApi()
      .chooseImportPaths({})
      .then(({ paths: chosen }) => {
        if (chosen.length) start(chosen);
      });
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const dropped = [...event.dataTransfer.files].map(
      (file) => (file as File & { path?: string }).path ?? '',
    );
    if (dropped.every(Boolean) && dropped.length) {
      setPathText(dropped.join('\n'));
      setDropNote(null);
    } else {
      setDropNote('This browser does not reveal where dropped files live: type the folder path instead.');
    }
  };

  const fraction = progress && progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : 0;
  return (
    <section
      className="panel"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      data-testid="import-panel"
    >
      <h2>Import a session</h2>
      <label className="field">
        <span>Folders or files (one per line)</span>
        <textarea
          data-testid="import-path"
          rows={2}
          placeholder="/data/2026-11-21 CsPbBr3 platelets"
          value={pathText}
          onChange={(e) => setPathText(e.target.value)}
        />
      </label>
      <div className="row">
        <button
          data-testid="import-button"
          disabled={running || paths.length === 0}
          onClick={() => start(paths)}
        >
          Import
        </button>
        {isElectron() && (
          <button data-testid="choose-folder" disabled={running} onClick={chooseFolder}>
            Open folder…
          </button>
        )}
        {running && (
          <button data-testid="import-cancel" className="secondary" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {dropNote && <p className="note">{dropNote}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {progress && (
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
      {progress && progress.state !== 'running' && <ImportReportView progress={progress} />}
    </section>
  );
}
