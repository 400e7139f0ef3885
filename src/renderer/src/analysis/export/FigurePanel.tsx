// A figure with its title, caption and export buttons: PNG (rasterised SVG, 3×), SVG, CSV of the
// plotted data. Each carries the provenance (run, app version, recipe JSON, view settings):
// PNG in a tEXt chunk, SVG in <metadata>, CSV as leading "# " comment lines.
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AnalysisRunView } from '../../../../shared/api/contract.ts';
import type { CsvTable } from './csv.ts';
import { toCsv } from './csv.ts';
import { downloadBlob, fileStem } from './download.ts';
import { standaloneSvg, svgToPng } from './figureExport.ts';
import { provenanceOf } from './provenance.ts';
import { FigureWidthContext, useElementWidth } from '../plot/figureWidth.ts';

export interface FigureExportSpec {
  run: AnalysisRunView;
  /** File-name stem, e.g. "band-edges-histograms". */
  name: string;
  /** The view's own settings, recorded beside the recipe. */
  view: Record<string, unknown>;
  csv: () => CsvTable;
}

export function FigurePanel({
  title,
  caption,
  testId,
  spec,
  children,
  controls,
}: {
  title: string;
  caption?: ReactNode;
  testId: string;
  spec: FigureExportSpec;
  children: ReactNode;
  controls?: ReactNode;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const holderWidth = useElementWidth(holder);
  const [measuredOnce, setMeasuredOnce] = useState(false);
  if (holderWidth !== null && !measuredOnce) setMeasuredOnce(true);
  const stem = fileStem(`${spec.name}-run${spec.run.runId}`);
  const provenance = () => provenanceOf(spec.run, title, spec.view);
  const svgElement = (): SVGSVGElement => {
    const svg = holder.current?.querySelector<SVGSVGElement>('svg[data-figure]');
    if (!svg) throw new Error('the figure is not drawn yet');
    return svg;
  };
  /** Runs an export from a click, its error shown under the figure. */
  const run = (work: () => Promise<void> | void): void => {
    setError(null);
    Promise.resolve()
      .then(work)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const exportSvg = (): void =>
    downloadBlob(
      new Blob([standaloneSvg(svgElement(), provenance())], { type: 'image/svg+xml' }),
      `${stem}.svg`,
    );
  const exportPng = async (): Promise<void> => {
    const p = provenance();
    downloadBlob(await svgToPng(standaloneSvg(svgElement(), p), p), `${stem}.png`);
  };
  const exportCsv = (): void =>
    downloadBlob(new Blob([toCsv(spec.csv(), provenance())], { type: 'text/csv' }), `${stem}.csv`);

  return (
    <section className="panel figure-panel" data-testid={testId}>
      <div className="figure-head">
        <h2>{title}</h2>
        {controls}
        <span className="figure-exports" title="Each file carries the run's recipe (JSON)">
          <button className="secondary small" data-testid="export-png" onClick={() => run(exportPng)}>
            PNG
          </button>
          <button className="secondary small" data-testid="export-svg" onClick={() => run(exportSvg)}>
            SVG
          </button>
          <button className="secondary small" data-testid="export-csv" onClick={() => run(exportCsv)}>
            CSV
          </button>
        </span>
      </div>
      <div ref={holder} className="figure-holder">
        {/* Drawn once the holder's width is first known: drawing first at the fallback width and
            again at the measured one doubled the first render of every figure (one long task).
            Afterwards always drawn (at the fallback width while the holder measures 0). */}
        {(measuredOnce || holderWidth !== null) && (
          <FigureWidthContext value={holderWidth}>{children}</FigureWidthContext>
        )}
      </div>
      {caption && <p className="caption">{caption}</p>}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
