// Trap windows (Fig. 3d): normalised dI/dV of the group averages with the deep window draggable;
// integrals of the averages update live (cheap, main thread), the per-spectrum integrals and the
// bootstrap CI of the reduction are recomputed in the worker pool for a new window.
import { useMemo, useState } from 'react';
import { trapWindows } from '../../../../shared/analysis/index.ts';
import { useAnalysis, useRunSpectra } from '../AnalysisContext.tsx';
import { FigurePanel } from '../export/FigurePanel.tsx';
import { fixed } from '../plot/units.ts';
import type { TrapCurve } from './TrapFigure.tsx';
import { TrapFigure } from './TrapFigure.tsx';
import { ReductionLine, TrapIntegralsTable } from './TrapTables.tsx';
import { useTrapStatistics } from './useTrapStatistics.ts';

function defaultPair(labels: string[]): [string, string] {
  if (labels.includes('core') && labels.includes('crown-centre')) return ['core', 'crown-centre'];
  return [labels[0] ?? '', labels[1] ?? labels[0] ?? ''];
}

export function TrapView() {
  const { run, pool, colourOf } = useAnalysis();
  const spectra = useRunSpectra();
  const [deep, setDeep] = useState<[number, number]>([...run.recipe.traps.deep]);
  const [zoom, setZoom] = useState<'gap' | 'full'>('gap');
  const labels = run.groups.map((g) => g.label);
  const [[a, b], setPair] = useState(defaultPair(labels));
  const curves = useMemo<TrapCurve[]>(
    () =>
      run.groups.flatMap((g) => {
        const c = run.curves[g.label];
        // Without a VB peak the stored column is all NaN: nothing to draw (noted below instead).
        if (!c?.didvByVbPeak || !g.average.ok || !Array.from(c.didvByVbPeak).some(Number.isFinite)) return [];
        return [
          {
            label: g.label,
            bias: c.bias,
            normalised: c.didvByVbPeak,
            vbm: g.average.edges.vbm,
            cbm: g.average.edges.cbm,
          },
        ];
      }),
    [run],
  );
  const averages = new Map(
    curves.map((c) => [c.label, trapWindows(c.bias, c.normalised, { vbm: c.vbm, cbm: c.cbm, deep })]),
  );
  const trap = useTrapStatistics(pool, run, spectra, deep);
  const sameWindow = trap.stats !== null && trap.stats.deep[0] === deep[0] && trap.stats.deep[1] === deep[1];
  const windowNote = trap.stats
    ? `${trap.stats.source === 'stored' ? 'stored run' : 'recomputed in the workers'}, window ${fixed(trap.stats.deep[0], 2)} … ${fixed(trap.stats.deep[1], 2)} V`
    : 'not available';
  const comparison = trap.stats?.comparisons.find((c) => c.a === a && c.b === b);
  const da = averages.get(a)?.deep ?? null;
  const db = averages.get(b)?.deep ?? null;
  const fromAverages = da !== null && db !== null && da !== 0 ? 1 - db / da : null;
  const noCurve = run.groups.filter((g) => !curves.some((c) => c.label === g.label));

  return (
    <>
      <FigurePanel
        title="In-gap states: trap windows"
        testId="trap-figure"
        controls={
          <span className="figure-controls">
            <label>
              Deep window{' '}
              <input
                className="narrow"
                type="number"
                step={0.05}
                value={deep[0]}
                data-testid="deep-lo-input"
                onChange={(e) =>
                  Number.isFinite(e.target.valueAsNumber) &&
                  e.target.valueAsNumber < deep[1] &&
                  setDeep([e.target.valueAsNumber, deep[1]])
                }
              />
            </label>
            <label>
              to{' '}
              <input
                className="narrow"
                type="number"
                step={0.05}
                value={deep[1]}
                data-testid="deep-hi-input"
                onChange={(e) =>
                  Number.isFinite(e.target.valueAsNumber) &&
                  e.target.valueAsNumber > deep[0] &&
                  setDeep([deep[0], e.target.valueAsNumber])
                }
              />{' '}
              V
            </label>
            <button className="secondary small" onClick={() => setDeep([...run.recipe.traps.deep])}>
              Reset to run
            </button>
            <select
              value={zoom}
              onChange={(e) => setZoom(e.target.value as 'gap' | 'full')}
              aria-label="Vertical range"
            >
              <option value="gap">in-gap detail</option>
              <option value="full">up to the VB peak</option>
            </select>
          </span>
        }
        spec={{
          run,
          name: 'trap-windows',
          view: { deepWindowV: deep, pair: [a, b] },
          csv: () => ({
            header: ['group', 'bias_V', 'didv_over_vb_peak', 'deep_lo_V', 'deep_hi_V', 'deep_integral_avg_V'],
            rows: curves.flatMap((c) =>
              Array.from(c.bias, (v, i) => [
                c.label,
                v,
                c.normalised[i]!,
                deep[0],
                deep[1],
                averages.get(c.label)?.deep ?? null,
              ]),
            ),
          }),
        }}
        caption="dI/dV of each group's averaged spectrum divided by its principal VB peak. Grey: deep-trap window (drag its bounds); bars along the top: each group's shallow windows [VBM, lower bound] and [upper bound, CBM]."
      >
        {curves.length > 0 ? (
          <TrapFigure curves={curves} deep={deep} onDeep={setDeep} colourOf={colourOf} zoom={zoom} />
        ) : (
          <p className="empty">No averaged spectrum with a VB peak.</p>
        )}
        {noCurve.map((g) => (
          <p key={g.label} className="note">
            {g.label}: no VB-peak-normalised average ({g.average.ok ? 'no VB peak' : g.average.reason}).
          </p>
        ))}
      </FigurePanel>
      <section className="panel">
        <h2>Integrals and reduction</h2>
        <TrapIntegralsTable
          rows={run.groups.map((g) => ({
            label: g.label,
            average: averages.get(g.label) ?? null,
            perSpectrum: sameWindow ? trap.stats?.deepStats.get(g.label) : undefined,
          }))}
          colourOf={colourOf}
          perSpectrumNote={windowNote}
        />
        <ReductionLine
          labels={labels}
          a={a}
          b={b}
          onPair={(x, y) => setPair([x, y])}
          comparison={sameWindow ? comparison : undefined}
          fromAverages={fromAverages}
          computing={trap.computing || !sameWindow}
          windowNote={windowNote}
        />
        {trap.error && <p className="error">{trap.error}</p>}
      </section>
    </>
  );
}
