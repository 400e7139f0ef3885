// Join a spot by name (Series by hand): every spectrum that starts a series of the run, the first
// excepted, can be joined to the series measured just before it, including spots swept only once,
// which the series list above does not show (e.g. a spot measured again after the time limit).
// The user types part of a file name; at most MAX_SHOWN matches are offered, so a run of 10,000
// spots never renders 10,000 buttons.
import { useMemo, useState } from 'react';
import type { AnalysisRunView } from '../../../../shared/api/contract.ts';

const MAX_SHOWN = 8;

interface Candidate {
  spectrumId: number;
  /** File name (and sweep, for a series starting inside a file). */
  text: string;
  label: string | null;
}

/** Spectra that start a series other than the run's first one, in series (time) order. */
function candidatesOf(run: AnalysisRunView): Candidate[] {
  const quality = new Map(run.quality.map((q) => [q.spectrumId, q]));
  return run.spectra
    .filter((r) => r.sweepInSeries === 1 && r.seriesIndex > 0)
    .sort((a, b) => a.seriesIndex - b.seriesIndex)
    .map((r) => {
      const q = quality.get(r.spectrumId);
      const name = q ? (q.sweep > 1 ? `${q.name}, sweep ${q.sweep}` : q.name) : `spectrum ${r.spectrumId}`;
      return { spectrumId: r.spectrumId, text: name, label: r.label };
    });
}

export function JoinSpotPicker({ run, onJoin }: { run: AnalysisRunView; onJoin(spectrumId: number): void }) {
  const [query, setQuery] = useState('');
  const candidates = useMemo(() => candidatesOf(run), [run]);
  const wanted = query.trim().toLowerCase();
  const matches = wanted === '' ? [] : candidates.filter((c) => c.text.toLowerCase().includes(wanted));
  return (
    <div className="join-spot" data-testid="join-spot">
      <label>
        Join a spot to the series before it{' '}
        <input
          value={query}
          placeholder="file name…"
          data-testid="join-spot-query"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {wanted !== '' && matches.length === 0 && <span className="note"> no spot of this run starts so</span>}
      {matches.slice(0, MAX_SHOWN).map((c) => (
        <button
          key={c.spectrumId}
          className="secondary small"
          data-testid={`join-spot-${c.spectrumId}`}
          title="Make this spot continue the series measured just before it"
          onClick={() => onJoin(c.spectrumId)}
        >
          {c.text}
          {c.label ? ` (${c.label})` : ''}
        </button>
      ))}
      {matches.length > MAX_SHOWN && (
        <span className="note"> and {matches.length - MAX_SHOWN} more: type more of the name</span>
      )}
    </div>
  );
}
