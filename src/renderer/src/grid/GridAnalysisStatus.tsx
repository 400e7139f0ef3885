// The Grid status line's part about the per-pixel analysis maps: starting (the main process is
// still reading the grid, so there is no pixel count yet), progress with Cancel, where the shown
// maps come from (run, channel, app version, time: their provenance), or why there are none.
import type { MapsState } from './useGridData.ts';

export function GridAnalysisStatus({ analysis }: { analysis: MapsState }) {
  const { progress, maps, run, note } = analysis;
  return (
    <>
      {progress && !maps && !note && (
        <>
          {' '}
          · {progress.total === 0 ? 'analysis starting' : 'analysing'}{' '}
          {/* No value while the total is unknown: an indeterminate bar, not an empty one. */}
          <progress max={progress.total || 1} value={progress.total ? progress.done : undefined} />{' '}
          {progress.total > 0 && `${progress.done}/${progress.total} `}
          <button onClick={analysis.cancel}>Cancel</button>
        </>
      )}
      {maps && run && (
        <span data-testid="grid-analysis-done">
          {' '}
          · analysis maps {analysis.stored ? 'from the library' : 'computed and stored'} (run {run.runId},{' '}
          {run.channel}, app {run.appVersion}, {run.createdAt.slice(0, 16).replace('T', ' ')} UTC)
        </span>
      )}
      {note && <span className="note"> · {note}</span>}
    </>
  );
}
