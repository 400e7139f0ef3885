// What an import did: counts, then every skipped and failed file with its reason.
import type { ImportProgress } from '../../../shared/model/library.ts';

export function ImportReportView({ progress, paths }: { progress: ImportProgress; paths: string[] }) {
  const report = progress.report;
  const nothing = progress.state === 'done' && report.files === 0 && report.failed.length === 0;
  return (
    <div data-testid="import-report" className="report">
      {progress.error && <p className="error">Import failed: {progress.error}</p>}
      {nothing && (
        <p className="error" data-testid="import-nothing">
          Found no files in {paths.length > 0 ? paths.join(', ') : 'the chosen folders'} (hidden files and
          folders are left out). Point the import at the folder the instrument wrote: .dat, .sxm, .3ds, .VERT,
          .sm4, .mtrx and text I–V files are read.
        </p>
      )}
      <dl className="counts">
        <div>
          <dt>files</dt>
          <dd data-testid="report-files">{report.files}</dd>
        </div>
        <div>
          <dt>imported</dt>
          <dd data-testid="report-imported">{report.imported}</dd>
        </div>
        <div>
          <dt>updated</dt>
          <dd>{report.updated}</dd>
        </div>
        <div>
          <dt>unchanged</dt>
          <dd data-testid="report-unchanged">{report.unchanged}</dd>
        </div>
        <div>
          <dt>spectra</dt>
          <dd data-testid="report-spectra">{report.spectra}</dd>
        </div>
        <div>
          <dt>images</dt>
          <dd data-testid="report-images">{report.images}</dd>
        </div>
      </dl>
      {report.skipped.length > 0 && (
        <details data-testid="report-skipped">
          <summary>{report.skipped.length} skipped</summary>
          <ul>
            {report.skipped.map(({ file, reason }) => (
              <li key={file}>
                <code title={file}>{file.split(/[\\/]/).pop()}</code> — {reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.failed.length > 0 && (
        <details data-testid="report-failed" open>
          <summary className="error">{report.failed.length} failed</summary>
          <ul>
            {report.failed.map(({ file, error }) => (
              <li key={file}>
                <code>{file}</code> — {error}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
