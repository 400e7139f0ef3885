// What an import did: counts, then every skipped and failed file with its reason.
import type { ImportProgress } from '../../../shared/model/library.ts';

export function ImportReportView({ progress }: { progress: ImportProgress }) {
  const report = progress.report;
  return (
    <div data-testid="import-report" className="report">
      {progress.error && <p className="error">Import failed: {progress.error}</p>}
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
                <code>{file.split('/').pop()}</code> — {reason}
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
                <code>{file.split('/').pop()}</code> — {error}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
