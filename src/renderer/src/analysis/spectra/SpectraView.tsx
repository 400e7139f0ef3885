// Spectra: per-group averaged I–V, dI/dV or normalised dI/dV with their spread, band edges and
// gaps; smoothing adjustable here with live update (at the run's smoothing the run's stored curves,
// else recomputed in the worker pool from the sweeps, loaded then).
import { useCallback, useMemo, useState } from 'react';
import { useAnalysis, useRunSpectra } from '../AnalysisContext.tsx';
import { FigurePanel } from '../export/FigurePanel.tsx';
import { currentNoiseOf, narrowedWindowNote, noisyCurrentNote } from '../../../../shared/analysis/index.ts';
import { fixed } from '../plot/units.ts';
import { rowsLoaded } from '../loadAnalysisRun.ts';
import { inGapBiasesByGroup } from '../runGroups.ts';
import { SpectraFigure } from './SpectraFigure.tsx';
import type { SpectraMode } from './spectraModes.ts';
import { MODE_TITLES, columnsOf, siUnitOf } from './spectraModes.ts';
import { storedGroupCurves, useGroupCurves } from './useGroupCurves.ts';

/** Step of an average's uniform grid, V. */
const averageStep = (bias: Float64Array): number => (bias[bias.length - 1]! - bias[0]!) / (bias.length - 1);

/** No curves yet: one array, so what depends on the groups stays put until they come. */
const NO_GROUPS: never[] = [];

export function SpectraView() {
  const { run, pool, colourOf } = useAnalysis();
  const [mode, setMode] = useState<SpectraMode>('didv');
  const [log, setLog] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [smoothing, setSmoothing] = useState({
    window: run.recipe.derivative.window,
    polyorder: run.recipe.derivative.polyorder,
  });
  const valid =
    smoothing.window % 2 === 1 && smoothing.window >= smoothing.polyorder + 2 && smoothing.polyorder >= 0;
  const shownSmoothing = valid ? smoothing : run.recipe.derivative;
  const derivative = { ...run.recipe.derivative, ...shownSmoothing, method: 'savgol' as const };
  const stored = useMemo(
    () => storedGroupCurves(run, { window: shownSmoothing.window, polyorder: shownSmoothing.polyorder }),
    [run, shownSmoothing.window, shownSmoothing.polyorder],
  );
  // The sweeps only when the stored curves will not do (and then the run's rows too).
  const spectra = useRunSpectra(stored === null);
  const computed = useGroupCurves(pool, run, spectra, shownSmoothing, stored === null && rowsLoaded(run));
  const curves = stored ?? computed;
  const toggle = useCallback((key: string): void => {
    if (key.startsWith('__')) return;
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const groups = curves.state === 'ready' ? curves.groups : NO_GROUPS;
  // Where each averaged current is noisier than its quietest part: its edges and in-gap states were
  // judged against that noise there (noiseProfile.ts). Once per set of curves, not per render.
  const noiseNotes = useMemo(
    () => groups.map((g) => noisyCurrentNote(g.bias, currentNoiseOf(g.current))),
    [groups],
  );
  // Biases (V, ascending) of the in-gap states of each group's counted spectra, drawn on its
  // averaged curve; none until the run's per-spectrum rows are in.
  const inGapBiases = useMemo(() => inGapBiasesByGroup(run), [run]);
  const unit = siUnitOf(mode);

  const controls = (
    <span className="figure-controls">
      <span className="segmented" role="group" aria-label="Quantity">
        {(Object.keys(MODE_TITLES) as SpectraMode[]).map((m) => (
          <button
            key={m}
            className={m === mode ? 'small' : 'secondary small'}
            data-testid={`spectra-mode-${m}`}
            onClick={() => setMode(m)}
          >
            {MODE_TITLES[m]}
          </button>
        ))}
      </span>
      <label>
        <input
          type="checkbox"
          checked={log}
          data-testid="spectra-log"
          onChange={(e) => setLog(e.target.checked)}
        />{' '}
        log scale
      </label>
      <label title="Savitzky–Golay window, odd number of points">
        SG window{' '}
        <input
          className="narrow"
          type="number"
          step={2}
          min={3}
          value={smoothing.window}
          data-testid="spectra-sg-window"
          onChange={(e) => setSmoothing({ ...smoothing, window: e.target.valueAsNumber })}
        />
      </label>
      <label>
        order{' '}
        <input
          className="narrow"
          type="number"
          min={0}
          max={10}
          value={smoothing.polyorder}
          data-testid="spectra-sg-order"
          onChange={(e) => setSmoothing({ ...smoothing, polyorder: e.target.valueAsNumber })}
        />
      </label>
    </span>
  );

  return (
    <FigurePanel
      title="Averaged spectra per group"
      testId="spectra-figure"
      controls={controls}
      spec={{
        run,
        name: `spectra-${mode}${log ? '-log' : ''}`,
        view: {
          quantity: mode,
          log,
          savgol: smoothing,
          hidden: [...hidden],
          // Sweeps a group's average left out for their narrow bias range, and why.
          leftOutOfAverage: Object.fromEntries(
            groups.filter((g) => g.rangeNote).map((g) => [g.label, g.rangeNote]),
          ),
        },
        csv: () => ({
          header: [
            'group',
            'n',
            'bias_V',
            `${mode}${unit ? `_${unit.replace('/', 'per')}` : ''}`,
            'std',
            'vbm_V',
            'cbm_V',
          ],
          rows: groups.flatMap((g) => {
            const c = columnsOf(g, mode, false);
            return Array.from(g.bias, (v, i) => [
              g.label,
              g.n,
              v,
              c.y[i]!,
              c.std[i]!,
              g.edges.vbm,
              g.edges.cbm,
            ]);
          }),
        }),
      }}
      caption={
        <>
          Mean of each group’s first-of-series I(V) sweeps ({run.recipe.direction}), differentiated after
          averaging (Savitzky–Golay {smoothing.window} points, order {smoothing.polyorder}); shading ±1 s.d.
          of the member sweeps. Band edges ({run.recipe.edges.method}) of each averaged dI/dV:{' '}
          {groups.map((g) => `${g.label} ${fixed(g.edges.vbm, 2)} / ${fixed(g.edges.cbm, 2)} V`).join('; ')}.
          Open circles: in-gap states found in the group’s individual spectra, placed at their bias on the
          averaged curve.{' '}
          <span data-testid="spectra-source">
            {stored
              ? 'Curves as stored with the run.'
              : curves.state === 'ready'
                ? 'Recomputed from the member sweeps at this smoothing.'
                : 'Recomputing from the member sweeps…'}
          </span>{' '}
          Click legend entries to hide groups.
        </>
      }
    >
      {!valid && (
        <p className="error">The window must be odd and ≥ order + 2; showing the run’s smoothing.</p>
      )}
      {curves.state === 'loading' && <p className="empty">Averaging and differentiating in the workers…</p>}
      {curves.state === 'error' && <p className="error">{curves.message}</p>}
      {curves.state === 'ready' &&
        curves.failed.map((f) => (
          <p key={f.label} className="error">
            {f.label}: {f.reason}
          </p>
        ))}
      {groups
        .filter((g) => g.rangeNote)
        .map((g) => (
          <p key={g.label} className="note" data-testid={`range-note-${g.label}`}>
            {g.label}: {g.rangeNote}.
          </p>
        ))}
      {groups.map((g) => {
        // A coarse average differentiated with fewer points than the field says (maxSpan).
        const note = g.bias.length > 1 ? narrowedWindowNote(derivative, averageStep(g.bias)) : null;
        return (
          note && (
            <p key={g.label} className="note" data-testid={`window-note-${g.label}`}>
              {g.label}: {note}.
            </p>
          )
        );
      })}
      {groups.map((g, k) => {
        const note = noiseNotes[k];
        return (
          note && (
            <p key={g.label} className="note" data-testid={`noise-note-${g.label}`}>
              {g.label}: {note}.
            </p>
          )
        );
      })}
      {groups.length > 0 && (
        <SpectraFigure
          groups={groups}
          mode={mode}
          log={log}
          hidden={hidden}
          inGapBiases={inGapBiases}
          onToggle={toggle}
          colourOf={colourOf}
        />
      )}
    </FigurePanel>
  );
}
