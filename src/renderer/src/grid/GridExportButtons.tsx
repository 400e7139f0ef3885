// PNG, SVG and CSV of the shown map, with provenance (grid, map, recipe, app version).
import { downloadBlob, fileStem } from '../analysis/export/download.ts';
import { withProvenance } from '../analysis/export/figureExport.ts';
import { colourise } from '../lib/contrast.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { exportCsv, gridMapSvg, gridProvenance, type GridProvenance } from './gridExport.ts';

/** The map as an upright PNG data URL (row 0 at the bottom), one image pixel per grid pixel × 4. */
function mapPng(
  values: Float64Array,
  width: number,
  height: number,
  range: { lo: number; hi: number },
  table: Uint8Array,
): HTMLCanvasElement {
  const flipped = new Float32Array(width * height);
  for (let r = 0; r < height; r++)
    for (let k = 0; k < width; k++) flipped[(height - 1 - r) * width + k] = values[r * width + k]!;
  const small = document.createElement('canvas');
  small.width = width;
  small.height = height;
  small.getContext('2d')!.putImageData(new ImageData(colourise(flipped, range, table), width, height), 0, 0);
  return small;
}

export function GridExportButtons({
  values,
  width,
  height,
  range,
  table,
  colormap,
  quantity,
  provenance,
}: {
  values: Float64Array;
  width: number;
  height: number;
  range: { lo: number; hi: number } | null;
  table: Uint8Array;
  colormap: ColormapName;
  /** What the map's colours show (the colour bar's title). */
  quantity: string;
  provenance(): {
    appVersion: string;
    grid: string;
    map: string;
    unit: string;
    view: Record<string, unknown>;
    run: GridProvenance['run'];
  };
}) {
  const full = () => {
    const p = provenance();
    return gridProvenance(p.appVersion, p.grid, p.map, p.unit, p.view, p.run);
  };
  const scale = Math.max(1, Math.floor(400 / Math.max(width, height)));
  const svgText = (): string | null => {
    if (!range) return null;
    return gridMapSvg(
      mapPng(values, width, height, range, table).toDataURL('image/png'),
      width * scale,
      height * scale,
      range,
      colormap,
      quantity,
      full(),
    );
  };
  return (
    <div className="grid-controls">
      <button data-testid="grid-export-csv" onClick={() => exportCsv(values, width, full())}>
        CSV
      </button>
      <button
        data-testid="grid-export-svg"
        disabled={!range}
        onClick={() => {
          const text = svgText();
          if (text)
            downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${fileStem(full().grid)}-map.svg`);
        }}
      >
        SVG
      </button>
      <button
        data-testid="grid-export-png"
        disabled={!range}
        onClick={() => {
          const text = svgText();
          if (!text) return;
          const image = new Image();
          image.onload = () => {
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d')!;
            context.fillStyle = '#fff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(image, 0, 0);
            canvas.toBlob(
              (blob) =>
                blob &&
                void withProvenance(blob, full()).then((png) =>
                  downloadBlob(png, `${fileStem(full().grid)}-map.png`),
                ),
              'image/png',
            );
          };
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
        }}
      >
        PNG
      </button>
    </div>
  );
}
