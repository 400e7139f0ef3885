// Series by hand (Degradation view): the edits stored in the library, each with its note and an
// Undo, the note the next edit takes, and the changes not yet in the shown run with a re-run. The
// split and join buttons themselves sit by the sweeps and the series they act on (DegradationView).
import type { AnalysisRunView, SeriesEdit } from '../../../../shared/api/contract.ts';
import { JoinSpotPicker } from './JoinSpotPicker.tsx';
import { ChoicesStatus } from '../choices/ChoicesStatus.tsx';
import type { SeriesEdits } from './useSeriesEdits.ts';

/** "file name, sweep k" of a spectrum of the run (its path as the title), or its id when the run does not hold it. */
function SpectrumCell({ run, spectrumId }: { run: AnalysisRunView; spectrumId: number }) {
  const q = run.quality.find((x) => x.spectrumId === spectrumId);
  if (!q) return <td>{`spectrum ${spectrumId} (not in run ${run.runId})`}</td>;
  return <td title={q.file}>{`${q.name}, sweep ${q.sweep}`}</td>;
}

const ACTION_TEXT: Record<SeriesEdit['action'], string> = {
  split: 'New series starts at',
  join: 'Joined to the series before:',
};

export function SeriesEditsPanel({
  run,
  seriesEdits,
  note,
  onNote,
  onRerun,
}: {
  run: AnalysisRunView;
  seriesEdits: SeriesEdits;
  /** The note the next split or join is stored with. */
  note: string;
  onNote(note: string): void;
  onRerun(): void;
}) {
  const { choices: edits, save } = seriesEdits;
  return (
    <section className="panel" data-testid="series-edits">
      <div className="figure-head">
        <h2>Series by hand</h2>
        <label className="figure-controls">
          Note for the next edit{' '}
          <input
            value={note}
            maxLength={2000}
            placeholder="why (stored with the edit)"
            data-testid="series-edit-note"
            onChange={(e) => onNote(e.target.value)}
          />
        </label>
      </div>
      <p className="note">
        A series is found from tip position and time. “Split here” starts a new series at a sweep (it then
        counts as a spot of its own); “Join to the series before” makes the shown series continue the one
        measured just before it, whatever the distance or time between them. Edits are stored in the library
        and copied into the recipe of every later run.
      </p>
      <JoinSpotPicker run={run} onJoin={(spectrumId) => void save(spectrumId, 'join', note)} />
      <ChoicesStatus choices={seriesEdits} runId={run.runId} testId="series-edits" onRerun={onRerun} />
      {edits.length === 0 ? (
        <p className="empty">No series edited by hand.</p>
      ) : (
        <table className="stats" data-testid="series-edits-table">
          <thead>
            <tr>
              <th>Edit</th>
              <th>Spectrum</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {edits.map((edit) => (
              <tr key={edit.spectrumId} data-testid={`series-edit-${edit.spectrumId}`}>
                <td>{ACTION_TEXT[edit.action]}</td>
                <SpectrumCell run={run} spectrumId={edit.spectrumId} />
                <td>{edit.note}</td>
                <td>
                  <button className="secondary small" onClick={() => void save(edit.spectrumId, 'clear', '')}>
                    Undo
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
