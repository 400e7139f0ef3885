// The Grid view: a .3ds grid of the library as maps — any channel at a bias (window-averaged),
// numerical dI/dV, and the per-pixel analysis maps (VBM, CBM, gap, deep trap, in-gap density,
// quality flags) computed in workers; hover for a pixel's spectrum, click to pin, drag for a line
// cut, a gap histogram, threshold regions into labels, exports with provenance.
import { useEffect, useMemo, useState } from 'react';
import { useWidthOf } from '../analysis/plot/figureWidth.ts';
import { resolveRecipe } from '../../../shared/analysis/recipe.ts';
import { parseColumnName } from '../../../shared/formats/columnName.ts';
import {
  chooseChannel,
  notBiasGrid,
  sweepRange,
  type AnalysedChannel,
} from '../../../shared/grid/gridChannel.ts';
import { pixelSpectrum } from '../../../shared/grid/pixelSpectrum.ts';
import { parameterMap } from '../../../shared/grid/parameterMap.ts';
import { getApi } from '../api.ts';
import { colormapTable, COLORMAP_NAMES, type ColormapName } from '../lib/colormaps.ts';
import { formatSi } from '../lib/axisKit.ts';
import { ColourBar } from '../topography/ColourBar.tsx';
import { finiteRange, lineCutPixels, PLOT_WIDTH } from './gridDisplay.ts';
import { GridHistogram } from './GridHistogram.tsx';
import { GridLineCut } from './GridLineCut.tsx';
import { GridMapSelect, type Shown } from './GridMapSelect.tsx';
import { GridMapCanvas, type GridDragTool, type Pixel } from './GridMapCanvas.tsx';
import { pixelsInside } from './gridRegion.ts';
import type { Point2 } from '../../../shared/image/pointInPolygon.ts';
import { GridRegionLabel } from './GridRegionLabel.tsx';
import { GridSpectrumPlot, type PlottedSpectrum } from './GridSpectrumPlot.tsx';
import { GridExportButtons } from './GridExportButtons.tsx';
import { useGridCube, useGridFiles, useGridMaps } from './useGridData.ts';
import { GridAnalysisStatus } from './GridAnalysisStatus.tsx';
import { useGridViewWorkers } from './useGridViewWorkers.ts';
import { useChannelSlice } from './useChannelSlice.ts';
import { mapCaption } from './mapCaption.ts';
import './grid.css';

const MAP_SIZE = 420;
const PIN_COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const RECIPE = resolveRecipe();

export function GridView({ version, onLabelsChanged }: { version: number; onLabelsChanged(): void }) {
  const files = useGridFiles(version);
  const [chosenFileId, setFileId] = useState<number | null>(null);
  // The first grid of the library until the user picks one.
  const fileId = chosenFileId ?? files[0]?.id ?? null;
  const { grid, error } = useGridCube(fileId);
  const cube = grid?.cube ?? null;
  const analysis = useGridMaps(grid, undefined);
  const [shown, setShown] = useState<Shown>({ kind: 'channel', index: 0 });
  const [biasIndex, setBiasIndex] = useState(0);
  const [windowMv, setWindowMv] = useState(20);
  const [colormap, setColormap] = useState<ColormapName>('viridis');
  const [hover, setHover] = useState<Pixel | null>(null);
  const [pinned, setPinned] = useState<number[]>([]);
  const [cut, setCut] = useState<{ from: Pixel; to: Pixel } | null>(null);
  const [dragTool, setDragTool] = useState<GridDragTool>('cut');
  const [region, setRegion] = useState<Point2[] | null>(null);
  const [appVersion, setAppVersion] = useState('');
  // The plots fill their column (at least the 420 px they were drawn for, at most 760 px).
  const [plotColumn, setPlotColumn] = useState<HTMLDivElement | null>(null);
  const columnWidth = useWidthOf(plotColumn);
  const plotWidth = Math.min(760, Math.max(PLOT_WIDTH, columnWidth ?? PLOT_WIDTH));
  useEffect(
    () =>
      void getApi()
        .getLibraryInfo({})
        .then((info) => setAppVersion(info.appVersion)),
    [],
  );
  // A new grid starts afresh: no pins, cut or region, its first channel a quarter into the sweep
  // (set while rendering, React's pattern for state that follows a prop).
  const [cubeShown, setCubeShown] = useState(cube);
  if (cube !== cubeShown) {
    setCubeShown(cube);
    setPinned([]);
    setCut(null);
    setRegion(null);
    setShown({ kind: 'channel', index: 0 });
    if (cube) setBiasIndex(Math.floor(cube.layout.points / 4));
  }

  // Spectra and dI/dV need a bias sweep (not a Z-spectroscopy grid) and a current channel.
  const channel: AnalysedChannel | null = useMemo(() => {
    if (!cube || notBiasGrid(cube) !== null) return null;
    try {
      return chooseChannel(cube);
    } catch {
      return null;
    }
  }, [cube]);
  // The bias axis of the first pixel, for the slider (V, sweep order).
  const biasAxis = useMemo(() => {
    if (!cube || cube.written === 0) return null;
    const [start, end] = sweepRange(cube)(0);
    return { start, end, points: cube.layout.points };
  }, [cube]);
  // The swept signal: the bias for I–V grids, Z (m) for Z-spectroscopy grids.
  const sweep = useMemo(() => parseColumnName(cube?.layout.sweepSignal ?? 'Bias (V)'), [cube]);
  const bias = biasAxis
    ? biasAxis.start + ((biasAxis.end - biasAxis.start) * biasIndex) / (biasAxis.points - 1)
    : 0;

  // The dI/dV map and the mean spectrum come from the view's workers; a map shown while the next
  // one computes says the bias it is for.
  const computed = useGridViewWorkers(
    cube,
    channel,
    shown.kind === 'didv' && channel ? { centre: bias, halfWidth: windowMv / 2000 } : null,
  );
  // A channel's map at the bias, a slice of pixels per task; the last one stays shown meanwhile.
  const sliced = useChannelSlice(
    cube,
    shown.kind === 'channel' ? { index: shown.index, centre: bias, halfWidth: windowMv / 2000 } : null,
  );
  // Only what the shown map is made of: maps or a dI/dV map arriving do not redo a channel's slice.
  const shownMaps = shown.kind === 'analysis' ? analysis.maps : null;
  const shownDidv = shown.kind === 'didv' ? computed.didv : null;
  const shownSlice = shown.kind === 'channel' ? sliced.slice : null;
  const shownValues = useMemo(() => {
    if (!cube) return null;
    if (shown.kind === 'channel') return shownSlice?.values ?? null;
    if (shown.kind === 'didv') return shownDidv?.values ?? null;
    if (shown.kind === 'parameter') return parameterMap(cube, shown.name);
    if (!shownMaps) return null;
    if (shown.name === 'flags')
      return Float64Array.from(shownMaps.flags, (f, p) => (p < shownMaps.written ? f : NaN));
    return shownMaps.maps[shown.name];
  }, [cube, shown, shownMaps, shownDidv, shownSlice]);
  // The map shown is for the bias its values were computed at (a map may lag the slider).
  const shownAt = shownDidv
    ? { value: shownDidv.centre, windowMv: shownDidv.halfWidth * 2000 }
    : shownSlice
      ? { value: shownSlice.centre, windowMv: shownSlice.halfWidth * 2000 }
      : { value: bias, windowMv };
  const { unit, quantity, title } = mapCaption(shown, cube, channel, shownAt);
  // Until a grid's first dI/dV map comes back, an empty map holds its place (no flicker).
  const blankMap = useMemo(
    () => (cube ? new Float64Array(cube.layout.pointsX * cube.layout.pointsY).fill(NaN) : null),
    [cube],
  );
  const mapComputing = shownValues === null && (computed.didvPending || sliced.pending);
  const mapValues = shownValues ?? (mapComputing ? blankMap : null);
  const range = useMemo(() => (shownValues ? finiteRange(shownValues) : null), [shownValues]);
  const table = useMemo(() => colormapTable(colormap), [colormap]);
  const { mean } = computed; // shown while no pixel is hovered or pinned: never an empty plot
  const curves: PlottedSpectrum[] = useMemo(() => {
    if (!cube || !channel || !grid) return [];
    const width = cube.layout.pointsX;
    const list: PlottedSpectrum[] = [];
    pinned.forEach((p, k) => {
      const s = pixelSpectrum(cube, p, channel, RECIPE);
      if (s)
        list.push({
          key: `pin${p}`,
          label: `pixel ${p % width}, ${Math.floor(p / width)}`,
          colour: PIN_COLOURS[k % PIN_COLOURS.length]!,
          spectrum: s,
        });
    });
    if (hover) {
      const p = hover.row * width + hover.column;
      const s = pixelSpectrum(cube, p, channel, RECIPE);
      if (s && !pinned.includes(p))
        list.push({
          key: 'hover',
          label: `hover ${hover.column}, ${hover.row}`,
          colour: '#444',
          spectrum: s,
        });
    }
    if (list.length === 0 && mean)
      list.push({
        key: 'mean',
        label: `mean of ${mean.pixels} pixels`,
        colour: '#777',
        spectrum: mean.spectrum,
      });
    return list;
  }, [cube, channel, grid, pinned, hover, mean]);

  const cutSpectra = useMemo(() => {
    if (!cube || !channel || !cut) return null;
    const pixels = lineCutPixels(cut.from, cut.to, cube.layout.pointsX);
    const pixelNm = (cube.layout.frame.width / cube.layout.pointsX) * 1e9;
    const lengthNm = Math.hypot(cut.to.column - cut.from.column, cut.to.row - cut.from.row) * pixelNm;
    return { spectra: pixels.map((p) => pixelSpectrum(cube, p, channel, RECIPE)), lengthNm };
  }, [cube, channel, cut]);

  const drawn = useMemo(
    () => (region && cube ? new Set(pixelsInside(region, cube.layout.pointsX, cube.layout.pointsY)) : null),
    [region, cube],
  );

  const hoverValue =
    hover && shownValues && cube ? shownValues[hover.row * cube.layout.pointsX + hover.column] : undefined;
  const didvUnit = channel?.signal === 'didv' ? (cube?.channels[channel.index]?.unit ?? '') : 'A/V';
  const frame = cube?.layout.frame;

  return (
    <section className="grid-view" data-testid="grid-view">
      <div className="grid-controls">
        <label>
          Grid{' '}
          <select
            data-testid="grid-file-select"
            value={fileId ?? ''}
            onChange={(e) => setFileId(Number(e.target.value))}
          >
            {files.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <GridMapSelect
          cube={cube}
          shown={shown}
          didvAvailable={channel !== null}
          analysisReady={analysis.maps !== null}
          onShow={setShown}
        />
        <label>
          Drag draws{' '}
          <select
            data-testid="grid-drag-tool"
            value={dragTool}
            onChange={(e) => setDragTool(e.target.value as GridDragTool)}
          >
            <option value="cut">a line cut</option>
            <option value="box">a box region</option>
            <option value="lasso">a lasso region</option>
          </select>
        </label>
        <label>
          Colours{' '}
          <select value={colormap} onChange={(e) => setColormap(e.target.value as ColormapName)}>
            {COLORMAP_NAMES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      {biasAxis && (shown.kind === 'channel' || shown.kind === 'didv') && (
        <div className="grid-controls">
          <label>
            {sweep.quantity} {formatSi(bias, sweep.unit)}{' '}
            <input
              data-testid="grid-bias-slider"
              type="range"
              min={0}
              max={biasAxis.points - 1}
              value={biasIndex}
              onChange={(e) => setBiasIndex(Number(e.target.value))}
            />
          </label>
          <label>
            Window (mV){' '}
            <input
              type="number"
              min={0}
              step={5}
              value={windowMv}
              onChange={(e) => setWindowMv(Math.max(0, Number(e.target.value)))}
              style={{ width: 64 }}
            />
          </label>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="grid-status" data-testid="grid-status">
        {cube &&
          `${cube.layout.pointsX} × ${cube.layout.pointsY} pixels, ${cube.written} measured, ${cube.layout.points} points, frame ${formatSi(frame?.width ?? NaN, 'm')} at ${frame?.angleDeg ?? 0}°`}
        <GridAnalysisStatus analysis={analysis} />
        {computed.didvPending && <span data-testid="grid-didv-pending"> · computing the dI/dV map…</span>}
        {computed.error && <span className="note"> · {computed.error}</span>}
      </div>
      {cube && mapValues && (
        <div className="grid-layout">
          <div>
            <h3 className="grid-title" data-testid="grid-map-title">
              {title}
            </h3>
            {!range && !mapComputing && (
              <p className="note" data-testid="grid-map-empty">
                No pixel of this map has a value
                {shown.kind === 'analysis' ? ': nothing was found in any pixel’s spectrum.' : '.'}
              </p>
            )}
            <div className="grid-map-row">
              <GridMapCanvas
                values={mapValues}
                width={cube.layout.pointsX}
                height={cube.layout.pointsY}
                angleDeg={frame?.angleDeg ?? 0}
                frameWidth={frame?.width ?? 0}
                range={range}
                table={table}
                size={MAP_SIZE}
                pinned={pinned}
                cut={cut}
                tool={dragTool}
                region={region}
                onRegion={setRegion}
                onHover={setHover}
                onPin={(p) => {
                  const index = p.row * cube.layout.pointsX + p.column;
                  setPinned((list) =>
                    list.includes(index) ? list.filter((x) => x !== index) : [...list, index],
                  );
                }}
                onCut={setCut}
              />
              <ColourBar
                range={range}
                quantity={quantity}
                unit={unit}
                colormap={colormap}
                height={MAP_SIZE * 0.8}
              />
            </div>
            <p className="note" data-testid="grid-hover">
              {hover
                ? `pixel (${hover.column}, ${hover.row}): ${formatSi(hoverValue ?? NaN, unit)}`
                : `Hover: spectrum · click: pin · drag: ${dragTool === 'cut' ? 'line cut' : `${dragTool} region`}`}
            </p>
            {shownValues && (
              <GridExportButtons
                values={shownValues}
                width={cube.layout.pointsX}
                height={cube.layout.pointsY}
                range={range}
                table={table}
                colormap={colormap}
                quantity={quantity}
                provenance={() => ({
                  appVersion,
                  grid: grid?.name ?? '',
                  map: title,
                  unit,
                  view:
                    shown.kind === 'channel' || shown.kind === 'didv'
                      ? { bias: shownAt.value, windowMv: shownAt.windowMv, colormap }
                      : { colormap },
                  run:
                    shown.kind === 'analysis' && analysis.run
                      ? {
                          runId: analysis.run.runId,
                          recipe: analysis.run.recipe,
                          appVersion: analysis.run.appVersion,
                          createdAt: analysis.run.createdAt,
                          channel: analysis.run.channel,
                        }
                      : null,
                })}
              />
            )}
            {shownValues && (
              <GridRegionLabel
                file={files.find((f) => f.id === fileId) ?? null}
                values={shownValues}
                width={cube.layout.pointsX}
                unit={unit}
                drawn={drawn}
                onClearDrawn={() => setRegion(null)}
                onLabelled={onLabelsChanged}
              />
            )}
          </div>
          <div ref={setPlotColumn}>
            <GridSpectrumPlot curves={curves} unit={didvUnit} width={plotWidth} noSpectra={!channel} />
            {cutSpectra && (
              <GridLineCut
                spectra={cutSpectra.spectra}
                lengthNm={cutSpectra.lengthNm}
                table={table}
                width={plotWidth}
              />
            )}
            {analysis.maps && <GridHistogram values={analysis.maps.maps.gap} width={plotWidth} />}
          </div>
        </div>
      )}
    </section>
  );
}
