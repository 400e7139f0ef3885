// One image channel of a scan with a colormap, percentile contrast, a colour bar titled with the
// channel and its unit, a scale bar in nm, and a marker at every tip position inside the frame
// where a spectrum was taken. The image fits the panel beside its colour bar.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { frameToLocal } from '../../../shared/geometry/frameToLocal.ts';
import type { ImageRow, SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { queryKeys } from '../data/queryClient.ts';
import { useWidthOf } from '../analysis/plot/figureWidth.ts';
import { colormapTable, COLORMAP_NAMES } from '../lib/colormaps.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { colourise, percentileRange } from '../lib/contrast.ts';
import { formatSi, niceLength } from '../lib/axisKit.ts';
import { ColourBar } from '../topography/ColourBar.tsx';

const NO_SPECTRA: SpectrumRow[] = [];

/** Largest displayed image side, CSS pixels (the canvas keeps the scan's own pixels). */
const DISPLAY_SIZE = 460;
/** Room the colour bar (gradient, ticks, title) and the gap before it take, CSS px. */
const COLOUR_BAR_ROOM = 120;

export function ImageView({
  images,
  onSelectSpectrum,
}: {
  images: ImageRow[];
  onSelectSpectrum?(spectrum: SpectrumRow): void;
}) {
  const [imageId, setImageId] = useState<number | null>(null);
  const [colormap, setColormap] = useState<ColormapName>('afmhot');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [holder, setHolder] = useState<HTMLDivElement | null>(null);
  const holderWidth = useWidthOf(holder);

  const preferred = images.find((i) => i.channel === 'Z' && i.direction === 'forward') ?? images[0];
  const selectedId = images.some((i) => i.id === imageId) ? imageId : (preferred?.id ?? null);

  const { data: pixels = null } = useQuery({
    queryKey: ['image', selectedId],
    queryFn: () => getApi().getImage({ id: selectedId ?? 0 }),
    enabled: selectedId !== null,
  });
  const { data: inFrame = NO_SPECTRA } = useQuery({
    queryKey: queryKeys.spectraInFrame(selectedId ?? 0),
    queryFn: async () => (await getApi().listSpectraInFrame({ imageId: selectedId ?? 0 })).rows,
    enabled: selectedId !== null,
  });
  // One marker per tip position and sweep: the backward sweep sits on the same spot.
  const markers = useMemo(() => inFrame.filter((r) => r.direction === 'forward'), [inFrame]);

  const range = useMemo(() => (pixels ? percentileRange(pixels.data) : null), [pixels]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !pixels) return;
    const { width, height } = pixels.row;
    element.width = width;
    element.height = height;
    const context = element.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, width, height);
    if (!range) return;
    const rgba = colourise(pixels.data, range, colormapTable(colormap));
    context.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [pixels, range, colormap]);

  if (images.length === 0) return <p className="empty">Select a file with images to view them.</p>;
  const row = pixels?.row;
  const aspect = row ? row.frame.height / row.frame.width : 1;
  // The longer side at most DISPLAY_SIZE, and the image and its colour bar within the panel.
  const side = Math.max(
    160,
    Math.min(DISPLAY_SIZE, (holderWidth ?? DISPLAY_SIZE + COLOUR_BAR_ROOM) - COLOUR_BAR_ROOM),
  );
  const displayWidth = aspect > 1 ? side / aspect : side;
  const displayHeight = displayWidth * aspect;
  const bar = row ? niceLength(row.frame.width) : 0;
  return (
    <div className="image-view" ref={setHolder}>
      <div className="row">
        <select
          data-testid="image-select"
          value={selectedId ?? ''}
          onChange={(e) => setImageId(Number(e.target.value))}
        >
          {images.map((image) => (
            <option key={image.id} value={image.id}>
              {image.channel} ({image.unit}) {image.direction === 'forward' ? 'fwd' : 'bwd'}
            </option>
          ))}
        </select>
        <select
          data-testid="colormap-select"
          value={colormap}
          onChange={(e) => setColormap(e.target.value as ColormapName)}
        >
          {COLORMAP_NAMES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        {row && (
          <span className="note">
            {row.width}×{row.height} px · {formatSi(row.frame.width, 'm')} × {formatSi(row.frame.height, 'm')}
            {row.frame.angleDeg ? ` · ${row.frame.angleDeg}°` : ''} · {markers.length} spectra in frame ·
            colours: 1–99 % of the values
          </span>
        )}
      </div>
      <div className="image-and-bar">
        <div className="image-frame" style={{ width: displayWidth, height: displayHeight }}>
          <canvas
            ref={canvas}
            data-testid="image-canvas"
            style={{ width: displayWidth, height: displayHeight }}
          />
          {row && !range && <div className="image-empty">every pixel is NaN (aborted scan)</div>}
          {row &&
            markers.map((spectrum) => {
              const { u, v } = frameToLocal(row.frame, spectrum.x ?? 0, spectrum.y ?? 0);
              return (
                <button
                  key={spectrum.id}
                  className="marker"
                  data-testid="spectrum-marker"
                  title={`${spectrum.fileName} · sweep ${spectrum.sweep} · ${spectrum.direction}${spectrum.label ? ` · ${spectrum.label}` : ''}`}
                  style={{ left: `${u * 100}%`, top: `${v * 100}%` }}
                  onClick={() => onSelectSpectrum?.(spectrum)}
                />
              );
            })}
          {row && (
            <div className="scale-bar" style={{ width: `${(bar / row.frame.width) * 100}%` }}>
              <span>{formatSi(bar, 'm', 2)}</span>
            </div>
          )}
        </div>
        {row && range && (
          <ColourBar
            range={range}
            quantity={row.channel}
            unit={row.unit}
            colormap={colormap}
            height={displayHeight}
            testId="colour-bar"
          />
        )}
      </div>
    </div>
  );
}
