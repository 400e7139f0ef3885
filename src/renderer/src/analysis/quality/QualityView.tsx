// Quality & exclusions: every spectrum of the run with its quality flags and why, and whether the
// run used it in its group statistics. The user includes a flagged spectrum back or excludes any
// other one with a note (stored in the library by setSpectrumExclusion); the next run applies it.
import { useMemo, useState } from 'react';
import type { AnalysisRunView, SpectrumExclusion } from '../../../../shared/api/contract.ts';
import { getApi } from '../../api.ts';
import { queryKeys } from '../../data/queryClient.ts';
import { ChoicesStatus } from '../choices/ChoicesStatus.tsx';
import { useStoredChoices } from '../choices/useStoredChoices.ts';
import type { ChoiceSource } from '../choices/useStoredChoices.ts';
import { QualityRow } from './QualityRow.tsx';
import type { QualityRowData } from './QualityRow.tsx';

const PAGE = 50; // rows per page: runs on a large library hold thousands of spectra

type Filter = 'all' | 'flagged' | 'excluded';

const EXCLUSIONS: ChoiceSource<SpectrumExclusion['action']> = {
  queryKey: queryKeys.exclusions(),
  list: async () => (await getApi().listSpectrumExclusions({})).exclusions,
  store: async (input) => (await getApi().setSpectrumExclusion(input)).exclusions,
};

/** The run's spectra joined with their label and usability, in file and sweep order. */
function rowsOf(run: AnalysisRunView): QualityRowData[] {
  const results = new Map(run.spectra.map((r) => [r.spectrumId, r]));
  const outOfAverage = new Set(run.groups.flatMap((g) => g.leftOutOfAverage ?? []));
  return (run.quality ?? [])
    .map((q) => ({
      ...q,
      label: results.get(q.spectrumId)?.label ?? null,
      outOfAverage: outOfAverage.has(q.spectrumId),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.sweep - b.sweep);
}

export function QualityView({ run, onRerun }: { run: AnalysisRunView; onRerun(): void }) {
  const exclusionChoices = useStoredChoices(EXCLUSIONS);
  const { choices: exclusions, save } = exclusionChoices;
  const stored = useMemo(() => new Map(exclusions.map((e) => [e.spectrumId, e])), [exclusions]);
  const [filter, setFilter] = useState<Filter>('flagged');
  const [page, setPage] = useState(0);

  const all = useMemo(() => rowsOf(run), [run]);
  const rows = all.filter((r) =>
    filter === 'flagged' ? r.flags.length > 0 : filter === 'excluded' ? r.excluded : true,
  );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shownPage = Math.min(page, pages - 1);
  const flagged = all.filter((r) => r.flags.length > 0).length;
  const excluded = all.filter((r) => r.excluded).length;

  return (
    <section className="panel" data-testid="quality-view">
      <div className="figure-head">
        <h2>Quality flags and exclusions</h2>
        <div className="figure-controls">
          <div className="segmented" role="radiogroup" aria-label="Show spectra">
            {(['flagged', 'excluded', 'all'] as const).map((f) => (
              <button
                key={f}
                role="radio"
                aria-checked={filter === f}
                className={filter === f ? 'small' : 'secondary small'}
                data-testid={`quality-filter-${f}`}
                onClick={() => {
                  setFilter(f);
                  setPage(0);
                }}
              >
                {f === 'flagged'
                  ? `Flagged (${flagged})`
                  : f === 'excluded'
                    ? `Excluded (${excluded})`
                    : `All (${all.length})`}
              </button>
            ))}
          </div>
        </div>
      </div>
      <p className="note">
        Flagged spectra are left out of group statistics by default, each with its reason. Untick “Use” to
        exclude a spectrum by hand (say why in the note); tick a flagged one to include it back. Choices are
        stored in the library and copied into the recipe of every later run.
      </p>
      <ChoicesStatus choices={exclusionChoices} runId={run.runId} testId="quality" onRerun={onRerun} />
      <div className="scroll quality-scroll">
        <table data-testid="quality-table">
          <thead>
            <tr>
              <th>File</th>
              <th className="num">Sweep</th>
              <th>Group</th>
              <th>Flags</th>
              <th>Reason</th>
              <th className="num">In-gap states</th>
              <th
                className="num"
                title="The current's noise in the sweep's noisiest part over its quietest part's, where band edges and in-gap states were judged against that noise (— : no part was 2× noisier)"
              >
                Current noise
              </th>
              <th>In run {run.runId}</th>
              <th>Use</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(shownPage * PAGE, (shownPage + 1) * PAGE).map((r) => (
              <QualityRow
                key={r.spectrumId}
                row={r}
                stored={stored.get(r.spectrumId) ?? null}
                onSave={save}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && (
        <p className="empty">{filter === 'flagged' ? 'No spectrum of this run is flagged.' : 'None.'}</p>
      )}
      {pages > 1 && (
        <p className="note">
          <button className="small" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
            Previous
          </button>{' '}
          page {shownPage + 1} of {pages} ({rows.length} spectra){' '}
          <button className="small" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)}>
            Next
          </button>
        </p>
      )}
    </section>
  );
}
