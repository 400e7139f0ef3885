// PNG and SVG of the topography figure as shown (levelling, colormap, contrast, labelled markers),
// with what made it (file, channel, levelling, range) in the SVG metadata and the PNG text chunk.
import { downloadBlob, fileStem } from '../analysis/export/download.ts';
import { svgToPng } from '../analysis/export/figureExport.ts';
import { topographySvg } from './topographySvg.ts';
import type { TopographyFigure } from './topographySvg.ts';

export function TopographyExport({
  ready,
  figure,
  settings,
}: {
  /** False while the image is being levelled (in a worker): there is nothing to export yet. */
  ready: boolean;
  figure: () => TopographyFigure | null;
  /** What produced the figure, for the provenance record. */
  settings: Record<string, unknown>;
}) {
  const provenance = (): Record<string, unknown> => ({
    app: 'STS Workbench',
    figure: 'topography',
    exportedAt: new Date().toISOString(),
    ...settings,
  });
  const svgText = (): string | null => {
    const f = figure();
    if (!f) return null;
    return topographySvg(f).replace(
      '<rect width="100%"',
      `<metadata>${JSON.stringify(provenance()).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</metadata>\n<rect width="100%"`,
    );
  };
  const stem = fileStem(`${String(settings.file ?? 'topography')}-${String(settings.channel ?? '')}`);
  return (
    <span className="topo-export">
      <button
        className="secondary"
        data-testid="topo-export-png"
        disabled={!ready}
        onClick={() => {
          const text = svgText();
          if (text) void svgToPng(text, provenance()).then((blob) => downloadBlob(blob, `${stem}.png`));
        }}
      >
        PNG
      </button>
      <button
        className="secondary"
        data-testid="topo-export-svg"
        disabled={!ready}
        onClick={() => {
          const text = svgText();
          if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${stem}.svg`);
        }}
      >
        SVG
      </button>
    </span>
  );
}
