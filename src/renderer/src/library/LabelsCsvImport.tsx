// A labels CSV (`file,label` per row) from a file picker or dropped on the window; the page reads
// the file itself (browsers give no paths) and reports matched files and unmatched rows.
import { useRef } from 'react';
import type { LabelsCsvOutcome } from '../../../shared/model/labelsCsv.ts';
import type { SessionRow } from '../../../shared/model/library.ts';

export interface LabelsCsvResult {
  name: string;
  /** The session the CSV was applied to, null for every session. */
  session: string | null;
  outcome: LabelsCsvOutcome | null;
  error: string | null;
}

export function LabelsCsvButton({ onFiles }: { onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        data-testid="labels-csv-button"
        className="secondary"
        title="Label files from a CSV of file,label rows (or drop the .csv on the window)"
        onClick={() => input.current?.click()}
      >
        Labels CSV…
      </button>
      <input
        ref={input}
        data-testid="labels-csv-input"
        aria-label="Labels CSV file"
        type="file"
        accept=".csv,text/csv"
        hidden
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </>
  );
}

/**
 * Which session a labels CSV applies to: a label set names files by name, and two sessions may
 * hold files of the same name (every Nanonis folder has a Bias-Spectroscopy002.dat).
 */
export function LabelsCsvSessionPicker({
  sessions,
  sessionId,
  onSession,
}: {
  sessions: readonly SessionRow[];
  sessionId: number | null;
  onSession(id: number | null): void;
}) {
  return (
    <label className="inline-field">
      CSV applies to{' '}
      <select
        data-testid="labels-csv-session"
        value={sessionId ?? ''}
        onChange={(e) => onSession(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">every session</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.files} files)
          </option>
        ))}
      </select>
    </label>
  );
}

/** Unmatched rows listed at most, so a wrong CSV of 10,000 rows stays readable. */
const SHOWN_ROWS = 20;

export function LabelsCsvReport({ result }: { result: LabelsCsvResult }) {
  const { outcome, error, name } = result;
  if (error || !outcome)
    return (
      <p role="alert" className="error" data-testid="labels-csv-report">
        {name}: {error}
      </p>
    );
  const { files, spectra, unmatched, problems } = outcome;
  return (
    <div className="report" data-testid="labels-csv-report">
      <p>
        {name}
        {result.session === null ? '' : ` → session ${result.session}`}:{' '}
        <strong data-testid="labels-csv-matched">{files}</strong> file{files === 1 ? '' : 's'} matched,{' '}
        <strong data-testid="labels-csv-spectra">{spectra}</strong> spectra labelled ·{' '}
        <strong data-testid="labels-csv-unmatched">{unmatched.length}</strong> row
        {unmatched.length === 1 ? '' : 's'} matched no imported file
        {problems.length > 0 ? ` · ${problems.length} unreadable row${problems.length === 1 ? '' : 's'}` : ''}
      </p>
      {(unmatched.length > 0 || problems.length > 0) && (
        <ul>
          {unmatched.slice(0, SHOWN_ROWS).map((u) => (
            <li key={`u${u.line}`}>
              line {u.line}: no imported file named {u.file}
            </li>
          ))}
          {problems.slice(0, SHOWN_ROWS).map((p) => (
            <li key={`p${p.line}`}>
              line {p.line}: {p.reason}
            </li>
          ))}
          {unmatched.length + problems.length > 2 * SHOWN_ROWS && <li>…</li>}
        </ul>
      )}
    </div>
  );
}
