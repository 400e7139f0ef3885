// Exports of the shown grid map: CSV (one row per pixel), PNG and SVG (map, colour bar, title),
// each carrying provenance: the grid file, the map, the app version, and for analysis maps the
// stored run (recipe, app version that made it, when).
import type { AnalysisRecipe } from '../../../shared/analysis/recipe.ts';
import { downloadBlob, fileStem } from '../analysis/export/download.ts';
import { colormapGradient, type ColormapName } from '../lib/colormaps.ts';
import { colourBarTicks } from '../lib/axisKit.ts';
import { writeCsv } from '../../../shared/csv/index.ts';

export interface GridProvenance {
  app: 'STS Workbench';
  appVersion: string;
  grid: string;
  map: string;
  unit: string;
  exportedAt: string;
  /** The stored run the analysis maps come from (its recipe, app version, when made), or null
   *  for a channel or dI/dV slice (no per-pixel analysis). */
  run: {
    runId: number;
    recipe: AnalysisRecipe;
    appVersion: string;
    createdAt: string;
    channel: string;
  } | null;
  view: Record<string, unknown>;
}

export function gridProvenance(
  appVersion: string,
  grid: string,
  map: string,
  unit: string,
  view: Record<string, unknown>,
  run: GridProvenance['run'],
): GridProvenance {
  return {
    app: 'STS Workbench',
    appVersion,
    grid,
    map,
    unit,
    exportedAt: new Date().toISOString(),
    run,
    view,
  };
}

export function gridMapCsv(values: Float64Array, width: number, provenance: GridProvenance): string {
  const rows = Array.from(values, (v, p) => [p % width, Math.floor(p / width), v]);
  return writeCsv(
    { header: ['x', 'y', `${provenance.map}${provenance.unit ? ` (${provenance.unit})` : ''}`], rows },
    [JSON.stringify(provenance)],
  );
}

export function exportCsv(values: Float64Array, width: number, provenance: GridProvenance): void {
  downloadBlob(
    new Blob([gridMapCsv(values, width, provenance)], { type: 'text/csv' }),
    `${fileStem(provenance.grid)}-${provenance.map}.csv`,
  );
}

/** SVG: the map as an embedded PNG, a colour bar with its range and unit, provenance in <desc>. */
export function gridMapSvg(
  mapPng: string,
  mapWidth: number,
  mapHeight: number,
  range: { lo: number; hi: number },
  colormap: ColormapName,
  /** What the colours show, the colour bar's title with the ticks' prefix and unit. */
  quantity: string,
  provenance: GridProvenance,
): string {
  const stops =
    /linear-gradient\(to top, (.*)\)/.exec(colormapGradient(colormap))?.[1]?.split(/,\s*(?=rgb)/) ?? [];
  const gradient = stops
    .map((stop) => {
      const [, colour, offset] = /^(rgb\([^)]*\)) ([\d.]+)%$/.exec(stop.trim()) ?? [];
      return colour ? `<stop offset="${offset}%" stop-color="${colour}"/>` : '';
    })
    .join('');
  const bar = colourBarTicks(range, quantity, provenance.unit, 6);
  // Tick text ~0.6 em per character at 12 px; the rotated title right of the widest tick.
  const titleX = mapWidth + 38 + Math.max(...bar.ticks.map((t) => t.label.length)) * 7.5 + 18;
  const w = Math.ceil(titleX + 12);
  const h = mapHeight + 40;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="12">
<desc>${esc(JSON.stringify(provenance))}</desc>
<defs><linearGradient id="bar" x1="0" y1="1" x2="0" y2="0">${gradient}</linearGradient></defs>
<text x="0" y="14">${esc(`${provenance.grid} — ${provenance.map}`)}</text>
<image x="0" y="24" width="${mapWidth}" height="${mapHeight}" href="${mapPng}"/>
<rect x="${mapWidth + 16}" y="24" width="16" height="${mapHeight}" fill="url(#bar)" stroke="#333"/>
${bar.ticks
  .map((t) => {
    const y = (24 + t.fraction * mapHeight).toFixed(1);
    return `<line x1="${mapWidth + 32}" y1="${y}" x2="${mapWidth + 36}" y2="${y}" stroke="#333"/><text class="bar-tick" x="${mapWidth + 38}" y="${(Number(y) + 4).toFixed(1)}">${esc(t.label)}</text>`;
  })
  .join('\n')}
<text class="bar-title" transform="translate(${titleX.toFixed(1)} ${(24 + mapHeight / 2).toFixed(1)}) rotate(-90)" text-anchor="middle">${esc(bar.title)}</text>
</svg>
`;
}
