// Band edges (Fig. 3c): VBM, CBM and Eg histograms per group at an adjustable bin width (the
// histograms are recomputed here from the run's per-spectrum edges: light work), the statistics
// table, and the spectra of a clicked bar.
import { useMemo, useState } from 'react';
import { histogram } from '../../../../shared/analysis/index.ts';
import type { Histogram } from '../../../../shared/analysis/index.ts';
import { useAnalysis, useRunSpectra } from '../AnalysisContext.tsx';
import { FigurePanel } from '../export/FigurePanel.tsx';
import { countedResults } from '../runGroups.ts';
import { BinSpectraTable } from './BinSpectraTable.tsx';
import { HistogramFigure } from './HistogramFigure.tsx';
import type { BinSelection, EdgeQuantity } from './quantities.ts';
import { EDGE_QUANTITIES, inBin, valueOf } from './quantities.ts';
import { StatsTable } from './StatsTable.tsx';

export function BandEdgesView() {
  const { run, colourOf } = useAnalysis();
  const recipeBin = 'binWidth' in run.recipe.histogram ? run.recipe.histogram.binWidth * 1000 : 20;
  const [binMv, setBinMv] = useState(recipeBin);
  const [bin, setBin] = useState<BinSelection | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // The sweeps (names and curves of a bar's spectra) only once a bar is clicked.
  const spectra = useRunSpectra(bin !== null);
  const binWidth = binMv > 0 && binMv <= 1000 ? binMv / 1000 : 0.02; // V
  const histograms = useMemo(() => {
    const out = new Map<string, Record<EdgeQuantity, Histogram>>();
    for (const g of run.groups) {
      const rows = countedResults(run, g.label);
      const h = (q: EdgeQuantity) =>
        histogram(
          rows.map((r) => valueOf(r, q) ?? Number.NaN),
          { binWidth },
        );
      out.set(g.label, { vbm: h('vbm'), cbm: h('cbm'), gap: h('gap') });
    }
    return out;
  }, [run, binWidth]);
  const binRows = bin
    ? countedResults(run, bin.label).filter((r) => inBin(valueOf(r, bin.quantity), bin))
    : [];

  return (
    <>
      <FigurePanel
        title="Band-edge distributions"
        testId="histogram-figure"
        controls={
          <label className="figure-controls">
            Bin width (mV){' '}
            <input
              className="narrow"
              type="number"
              min={1}
              step={5}
              value={binMv}
              data-testid="bin-width"
              onChange={(e) => setBinMv(e.target.valueAsNumber)}
            />
          </label>
        }
        spec={{
          run,
          name: 'band-edge-histograms',
          view: { binWidthV: binWidth },
          csv: () => ({
            header: ['group', 'quantity', 'bin_lo_eV', 'bin_hi_eV', 'count'],
            rows: run.groups.flatMap((g) =>
              EDGE_QUANTITIES.flatMap((q) => {
                const h = histograms.get(g.label)![q];
                return Array.from(h.counts, (c, i) => [g.label, q, h.edges[i]!, h.edges[i + 1]!, c]);
              }),
            ),
          }),
        }}
        caption={`One sweep per spot (the first of each series); bins of ${binMv} mV on whole multiples of the width. Dashed: the edge found on the group's averaged dI/dV. Click a bar to list its spectra.`}
      >
        <HistogramFigure
          groups={run.groups}
          histograms={histograms}
          colourOf={colourOf}
          selected={bin}
          onSelect={setBin}
        />
      </FigurePanel>
      <section className="panel">
        <h2>Statistics (one sweep per spot)</h2>
        <StatsTable groups={run.groups} colourOf={colourOf} />
      </section>
      <section className="panel">
        <h2>Spectra in the selected bin</h2>
        {bin ? (
          <BinSpectraTable
            bin={bin}
            rows={binRows}
            spectra={spectra}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        ) : (
          <p className="empty">Click a histogram bar.</p>
        )}
      </section>
    </>
  );
}
