// Degradation (Fig. 5): repeated sweeps on one spot. Stacked dI/dV of a chosen series with VBM/CBM
// per sweep, Eg and in-gap DOS against sweep for all series by label, metallic sweeps flagged. A
// series found wrongly (from tip position and time) is split at a sweep or joined to the series
// before it by hand (stored in the library: SeriesEditsPanel, useSeriesEdits).
import { useState } from 'react';
import { useAnalysis, useRunSpectra } from '../AnalysisContext.tsx';
import { FigurePanel } from '../export/FigurePanel.tsx';
import { fixed } from '../plot/units.ts';
import { inGapStatesById } from '../runGroups.ts';
import { SeriesEditsPanel } from './SeriesEditsPanel.tsx';
import { StackedSweepsFigure } from './StackedSweepsFigure.tsx';
import { SweepTrendFigure } from './SweepTrendFigure.tsx';
import { useSeriesEdits } from './useSeriesEdits.ts';
import { useSweepCurves } from './useSweepCurves.ts';

/** `onRerun`: runs the analysis again (with the edits made here). */
export function DegradationView({ onRerun }: { onRerun(): void }) {
  const { run, pool, colourOf } = useAnalysis();
  const spectra = useRunSpectra();
  const [index, setIndex] = useState(0);
  const seriesEdits = useSeriesEdits();
  const [note, setNote] = useState('');
  /** Whether a spectrum starts the run's first series (nothing before it to join). */
  const firstOfRun = (spectrumId: number): boolean =>
    run.spectra.find((r) => r.spectrumId === spectrumId)?.seriesIndex === 0;
  const editsPanel = (
    <SeriesEditsPanel run={run} seriesEdits={seriesEdits} note={note} onNote={setNote} onRerun={onRerun} />
  );
  const series = run.series[index] ?? null;
  const { curves, error } = useSweepCurves(pool, run, spectra, series);
  const states = inGapStatesById(run);
  // In-gap states of sweep k (the series' k-th spectrum): count and tallest height ÷ VB peak.
  const inGapOf = (ids: number[], k: number) => {
    const found = states.get(ids[k - 1]!) ?? [];
    return { count: found.length, tallest: found.length ? Math.max(...found.map((s) => s.height)) : null };
  };
  if (run.series.length === 0)
    return (
      <>
        <p className="empty">No spot was swept more than once in this run.</p>
        {editsPanel}
      </>
    );
  const name = (i: number): string => {
    const s = run.series[i]!;
    return `${s.label ?? 'unlabelled'} · ${s.files[0]}${s.files.length > 1 ? ` … ${s.files[s.files.length - 1]}` : ''} · ${s.sweeps.length} sweeps`;
  };
  const seriesRows = run.series.flatMap((s, i) =>
    s.sweeps.map((w) => [
      i + 1,
      s.label,
      s.files.join(' '),
      w.k,
      w.vbm,
      w.cbm,
      w.gap,
      w.deltaGap,
      w.inGap,
      w.atZero,
      w.metallic ? 'yes' : 'no',
      inGapOf(s.spectrumIds, w.k).count,
      inGapOf(s.spectrumIds, w.k).tallest,
    ]),
  );
  const header = [
    'series',
    'label',
    'files',
    'sweep',
    'vbm_eV',
    'cbm_eV',
    'gap_eV',
    'delta_gap_eV',
    'in_gap_V',
    'norm_didv_at_0V',
    'metallic',
    'in_gap_states',
    'tallest_in_gap_state_per_vb_peak',
  ];
  return (
    <>
      <FigurePanel
        title="dI/dV over repeated sweeps"
        testId="degradation-figure"
        controls={
          <>
            <select
              value={index}
              data-testid="series-select"
              onChange={(e) => setIndex(Number(e.target.value))}
            >
              {run.series.map((_, i) => (
                <option key={i} value={i}>
                  {name(i)}
                </option>
              ))}
            </select>
            {series && (
              <button
                className="secondary small"
                data-testid="series-join"
                disabled={firstOfRun(series.spectrumIds[0]!)}
                title="Make this series continue the one measured just before it (whatever the distance or time between them)"
                onClick={() => void seriesEdits.save(series.spectrumIds[0]!, 'join', note)}
              >
                Join to the series before
              </button>
            )}
          </>
        }
        spec={{
          run,
          name: `degradation-series${index + 1}`,
          view: { series: index + 1, files: series?.files },
          csv: () => ({
            header: ['sweep', 'bias_V', 'didv_A_per_V'],
            rows: curves.flatMap((c) => Array.from(c.bias, (v, i) => [c.k, v, c.didv[i]!])),
          }),
        }}
        caption="Each sweep's dI/dV (Savitzky–Golay, run recipe), shifted upwards by a constant per sweep; dotted lines are each sweep's zero. Ticks: VBM and CBM of that sweep. Metallic: no gap found, or normalised dI/dV at 0 V above the threshold."
      >
        {error && <p className="error">{error}</p>}
        {series && curves.length > 0 ? (
          <StackedSweepsFigure curves={curves} sweeps={series.sweeps} />
        ) : (
          <p className="empty">Differentiating the sweeps…</p>
        )}
        {series && (
          <table className="stats" data-testid="sweep-table">
            <thead>
              <tr>
                <th className="num">Sweep</th>
                <th className="num">VBM (eV)</th>
                <th className="num">CBM (eV)</th>
                <th className="num">Eg (eV)</th>
                <th className="num">ΔEg (eV)</th>
                <th className="num">In-gap ∫ (V)</th>
                <th className="num">In-gap states</th>
                <th className="num">Tallest ÷ VB peak</th>
                <th>State</th>
                <th>Series</th>
              </tr>
            </thead>
            <tbody>
              {series.sweeps.map((w) => (
                <tr key={w.k} data-metallic={w.metallic}>
                  <td className="num">{w.k}</td>
                  <td className="num">{fixed(w.vbm, 3)}</td>
                  <td className="num">{fixed(w.cbm, 3)}</td>
                  <td className="num">{fixed(w.gap, 3)}</td>
                  <td className="num">{fixed(w.deltaGap, 3)}</td>
                  <td className="num">{fixed(w.inGap, 3)}</td>
                  <td className="num" data-testid={`in-gap-count-${w.k}`}>
                    {inGapOf(series.spectrumIds, w.k).count}
                  </td>
                  <td className="num">{fixed(inGapOf(series.spectrumIds, w.k).tallest, 2)}</td>
                  <td className={w.metallic ? 'error' : undefined} data-testid={`sweep-state-${w.k}`}>
                    {w.metallic ? 'metallic' : 'semiconducting'}
                  </td>
                  <td>
                    {w.k > 1 && (
                      <button
                        className="secondary small"
                        data-testid={`series-split-${w.k}`}
                        title="Start a new series at this sweep"
                        onClick={() => void seriesEdits.save(series.spectrumIds[w.k - 1]!, 'split', note)}
                      >
                        Split here
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </FigurePanel>
      <FigurePanel
        title="Band gap and in-gap DOS against sweep"
        testId="degradation-trend-figure"
        spec={{ run, name: 'degradation-trends', view: {}, csv: () => ({ header, rows: seriesRows }) }}
        caption="All series of the run, coloured by label (bold: the series shown above). In-gap DOS: ∫ of dI/dV ÷ VB peak over the first sweep's gap [VBM₁, CBM₁]. Open markers: metallic sweeps."
      >
        <SweepTrendFigure series={run.series} colourOf={colourOf} selected={index} />
      </FigurePanel>
      {editsPanel}
    </>
  );
}
