// The topography review: a scan image, levelled and colour-scaled, zoomable, with a marker at every
// tip position where a spectrum was taken; select markers and label them, draw height profiles.
import { useCallback, useMemo, useState } from 'react';
import type { Direction } from '../../../shared/formats/types.ts';
import { defaultLevelling, LEVELLING_METHODS } from '../../../shared/image/types.ts';
import type { LevellingMethod } from '../../../shared/image/types.ts';
import { colormapTable } from '../lib/colormaps.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { formatSi } from '../lib/axisKit.ts';
import { ColourBar } from './ColourBar.tsx';
import { contrastRange } from './contrastRange.ts';
import type { ContrastMode, Range } from './contrastRange.ts';
import { DisplayControls } from './DisplayControls.tsx';
import { ImagePicker } from './ImagePicker.tsx';
import { LabelLegend } from './LabelLegend.tsx';
import { LabelPanel } from './LabelPanel.tsx';
import { GridFrameLayer, useGridFrames } from '../grid/GridFrameLayer.tsx';
import { idsOfMarkers, spotsOf } from './markers.ts';
import { ProfilePlot } from './ProfilePlot.tsx';
import { ToolBar } from './ToolBar.tsx';
import { TOOLS } from './tools.ts';
import type { ProfileLine, SelectMode, TopoTool } from './tools.ts';
import { useLabelHistory } from '../labels/useLabelHistory.ts';
import { useLevelledImage } from './useLevelledImage.ts';
import { useMarkers } from './useMarkers.ts';
import { useScanImages } from './useScanImages.ts';
import { useLabelKeys } from '../labels/useLabelKeys.ts';
import { Viewport } from './Viewport.tsx';
import './topography.css';
import { TopographyExport } from './TopographyExport.tsx';
import { labelColour, UNLABELLED_COLOUR } from './labelColours.ts';
import { SuggestPanel } from './classify/SuggestPanel.tsx';
import { topographyOf, useSuggestions } from './classify/useSuggestions.ts';

/** Longer side of the image viewport, CSS px. */
const VIEW_SIZE = 640;
/** A constant image is drawn in this one grey (the colormap's middle would suggest a value). */
const CONSTANT_GREY = 160;
const GREY_TABLE = new Uint8Array(256 * 3).fill(CONSTANT_GREY);

export function TopographyView() {
  const scans = useScanImages();
  const image = scans.image;
  // Levelling per channel: the user's choice for this channel, else the channel kind's default.
  const [levellingChoice, setLevellingChoice] = useState<{ channel: string; method: LevellingMethod } | null>(
    null,
  );
  const levelling =
    image && levellingChoice?.channel === image.channel
      ? levellingChoice.method
      : image
        ? defaultLevelling(image.channel, image.unit)
        : 'none';
  const setLevelling = (method: LevellingMethod): void => {
    if (image) setLevellingChoice({ channel: image.channel, method });
  };
  const [colormap, setColormap] = useState<ColormapName>('afmhot');
  const [contrast, setContrast] = useState<ContrastMode>('auto');
  const [manual, setManual] = useState<Range | null>(null);
  const [tool, setTool] = useState<TopoTool>('select');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [profile, setProfile] = useState<ProfileLine | null>(null);

  const { levelled, busy, error: imageError } = useLevelledImage(image?.id ?? null, levelling);
  const { rows, labels, markers, error: markerError, assumeLabels } = useMarkers(image);
  const history = useLabelHistory({ rows, assumeLabels });
  const topography = useMemo(
    () => topographyOf(scans.scan?.images ?? [], image?.direction ?? null),
    [scans.scan, image?.direction],
  );
  const suggest = useSuggestions(topography, markers);
  const legend = useMemo(() => {
    const counts = new Map<string | null, number>();
    for (const m of markers) counts.set(m.label, (counts.get(m.label) ?? 0) + 1);
    return [...counts]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([name, count]) => ({
        name: name ?? 'unlabelled',
        colour: name === null ? UNLABELLED_COLOUR : labelColour(name, labels),
        count,
      }));
  }, [markers, labels]);
  const levellingName = LEVELLING_METHODS.find((m) => m.method === levelling)?.figureName ?? levelling;

  const data = levelled?.data ?? null;
  const autoRange = useMemo(() => (data ? contrastRange(data, contrast, null) : null), [data, contrast]);
  const range = contrast === 'manual' ? (manual ?? autoRange) : autoRange;
  const colourTable = useMemo(() => colormapTable(colormap), [colormap]);
  // Every pixel the same (constant-height scans record a flat Z): uniform grey with a note.
  const constant = image !== null && image.min !== null && image.min === image.max;
  const table = constant ? GREY_TABLE : colourTable;
  // Its colour bar: the one value as recorded (levelling makes it 0, as the note would not say).
  const barRange = constant && image.min !== null ? { lo: image.min, hi: image.min } : range;

  const select = useCallback((keys: string[], mode: SelectMode) => {
    setSelected((previous) => {
      if (mode === 'replace') return new Set(keys);
      const next = new Set(previous);
      // Toggling a spot: all its markers off when all were on, else all on.
      const remove = mode === 'toggle' && keys.every((key) => previous.has(key));
      for (const key of keys) {
        if (remove) next.delete(key);
        else next.add(key);
      }
      return next;
    });
  }, []);
  const spots = useMemo(() => spotsOf(markers), [markers]);
  const selectedIds = useMemo(() => idsOfMarkers(markers, selected), [markers, selected]);
  const label = (name: string | null, colour?: string): void => history.apply(selectedIds, name, colour);

  useLabelKeys({
    label: (name) => label(name),
    undo: history.undo,
    redo: history.redo,
    clearSelection: () => setSelected(new Set()),
  });

  const frame = image?.frame;
  const gridFrames = useGridFrames(image?.id ?? null);
  const aspect = frame && frame.width > 0 ? frame.height / frame.width : 1;
  const size =
    aspect > 1
      ? { width: Math.round(VIEW_SIZE / aspect), height: VIEW_SIZE }
      : { width: VIEW_SIZE, height: Math.round(VIEW_SIZE * aspect) };
  const error = scans.error ?? imageError ?? markerError ?? history.error;

  if (scans.scans.length === 0)
    return (
      <div className="topography" data-testid="topography-view">
        <p className="empty">No scan images in the library yet: import .sxm files on the Library tab.</p>
      </div>
    );

  return (
    <div className="topography" data-testid="topography-view">
      <section className="panel topo-main">
        <ImagePicker
          scans={scans.scans}
          scan={scans.scan}
          channels={scans.channels}
          channel={scans.channel}
          directions={scans.directions}
          direction={image?.direction ?? null}
          onScan={(id) => {
            scans.selectScan(id);
            setSelected(new Set());
            setProfile(null);
          }}
          onChannel={scans.selectChannel}
          onDirection={(d: Direction) => scans.selectDirection(d)}
        />
        <DisplayControls
          levelling={levelling}
          colormap={colormap}
          contrast={contrast}
          range={range}
          unit={image?.unit ?? ''}
          busy={busy}
          onLevelling={setLevelling}
          onColormap={setColormap}
          onContrast={(mode) => {
            if (mode === 'manual') setManual(range);
            setContrast(mode);
          }}
          onManualRange={setManual}
        />
        <div className="row">
          <ToolBar tool={tool} onTool={setTool} />
          <span className="note topo-hint">{TOOLS.find((t) => t.tool === tool)?.hint}</span>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {image && frame && (
          <>
            <div className="topo-image-row">
              <Viewport
                image={{ data, width: image.width, height: image.height, frame, unit: image.unit }}
                size={size}
                range={range}
                table={table}
                tool={tool}
                markers={markers}
                spots={spots}
                labels={labels}
                selected={selected}
                suggestions={suggest.suggestions}
                note={
                  constant
                    ? `Constant image: every pixel is ${formatSi(image.min, image.unit, 4)} (a constant-height scan?)`
                    : null
                }
                profile={profile}
                underlay={(project) => (
                  <GridFrameLayer grids={gridFrames} imageFrame={frame} project={project} />
                )}
                onSelect={select}
                onProfile={setProfile}
              />
              <ColourBar
                range={barRange}
                swatch={constant ? `rgb(${CONSTANT_GREY}, ${CONSTANT_GREY}, ${CONSTANT_GREY})` : undefined}
                quantity={image.channel}
                unit={image.unit}
                colormap={colormap}
                height={size.height}
              />
            </div>
            <TopographyExport
              ready={data !== null && range !== null}
              figure={() =>
                data && range
                  ? {
                      data,
                      width: image.width,
                      height: image.height,
                      frame,
                      unit: image.unit,
                      quantity: image.channel,
                      title: `${image.fileName} · ${image.channel} (${image.direction}) · ${levellingName}`,
                      legend,
                      outlines: suggest.suggestions
                        ? {
                            width: suggest.suggestions.width,
                            height: suggest.suggestions.height,
                            particles: suggest.suggestions.particles,
                          }
                        : null,
                      range,
                      barRange: barRange ?? range,
                      table,
                      markers: markers.map((m) => ({
                        u: m.u,
                        v: m.v,
                        colour: labelColour(m.label, labels),
                        title: `${m.row.fileName} · sweep ${m.row.sweep}${m.label ? ` · ${m.label}` : ''}`,
                      })),
                    }
                  : null
              }
              settings={{
                file: image.fileName,
                channel: image.channel,
                direction: image.direction,
                levelling,
                colormap,
                range,
                unit: image.unit,
              }}
            />
            <div className="note" data-testid="topo-info">
              {image.width}×{image.height} px · {formatSi(frame.width, 'm')} × {formatSi(frame.height, 'm')}
              {frame.angleDeg ? ` · scan angle ${frame.angleDeg}° (clockwise)` : ''} · {markers.length}{' '}
              spectrum positions in frame
            </div>
          </>
        )}
      </section>
      <div className="column topo-side">
        <section className="panel">
          <h2>Labels</h2>
          <LabelPanel
            selectedCount={selected.size}
            spectraCount={selectedIds.length}
            labels={labels}
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            onLabel={label}
            onUndo={history.undo}
            onRedo={history.redo}
          />
          <SuggestPanel
            available={topography ? null : 'Suggestions read the Z (height) channel; this scan has none.'}
            busy={suggest.busy}
            error={suggest.error}
            suggestions={suggest.suggestions}
            markers={markers}
            selected={selected}
            labels={labels}
            onSuggest={() => void suggest.suggest()}
            onClear={suggest.clear}
            onAccept={(labelOf) =>
              history.applyMany(
                labelOf,
                suggest.suggestions
                  ? { imageId: suggest.suggestions.imageId, params: suggest.suggestions.params }
                  : undefined,
              )
            }
          />
          <LabelLegend
            markers={markers}
            labels={labels}
            onSelectLabel={(name) =>
              setSelected(new Set(markers.filter((m) => m.label === name).map((m) => m.key)))
            }
          />
        </section>
        <section className="panel">
          <h2>Height profile</h2>
          {profile && data && image && frame ? (
            <ProfilePlot
              data={data}
              width={image.width}
              height={image.height}
              frame={frame}
              unit={image.unit}
              channel={image.channel}
              line={profile}
            />
          ) : (
            <p className="empty">Choose the Profile tool and drag a line across the image.</p>
          )}
        </section>
      </div>
    </div>
  );
}
