// The zoomable image: pixel-exact canvas, SVG overlay with markers, selection shapes and the
// profile line (all following zoom and pan), scale bar, marker tooltip and a cursor readout.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ImageFrame } from '../../../shared/formats/types.ts';
import type { Point2 } from '../../../shared/image/pointInPolygon.ts';
import type { LabelRow } from '../../../shared/model/library.ts';
import { formatSi, niceLength } from '../lib/axisKit.ts';
import type { Range } from './contrastRange.ts';
import { GestureShape } from './GestureShape.tsx';
import type { TopoMarker } from './markers.ts';
import { MarkerLayer } from './MarkerLayer.tsx';
import { MarkerTooltip } from './MarkerTooltip.tsx';
import { OutlineLayer } from './classify/OutlineLayer.tsx';
import type { Suggestions } from './classify/useSuggestions.ts';
import type { ProfileLine, SelectMode, TopoTool } from './tools.ts';
import { useGestures } from './useGestures.ts';
import { useImageCanvas } from './useImageCanvas.ts';
import type { ViewTransform, ViewportSize } from './viewTransform.ts';
import { IDENTITY, toFrame, toScreen, zoomAbout } from './viewTransform.ts';

/** Zoom factor per wheel notch (100 px of deltaY). */
const WHEEL_ZOOM = 1.25;
/** Deepest zoom: one scan pixel spans this many CSS px. */
const MAX_PIXEL_SIZE = 40;

export interface ViewportImage {
  data: Float32Array | null;
  /** Scan pixels. */
  width: number;
  height: number;
  frame: ImageFrame;
  unit: string;
}

export function Viewport({
  image,
  size,
  range,
  table,
  tool,
  markers,
  spots,
  labels,
  selected,
  suggestions,
  note,
  profile,
  underlay,
  onSelect,
  onProfile,
}: {
  image: ViewportImage;
  size: ViewportSize;
  range: Range | null;
  table: Uint8Array;
  tool: TopoTool;
  markers: readonly TopoMarker[];
  spots: ReadonlyMap<string, readonly TopoMarker[]>;
  labels: readonly LabelRow[];
  selected: ReadonlySet<string>;
  suggestions: Suggestions | null;
  /** Shown over the image, e.g. that it is constant. */
  note: string | null;
  profile: ProfileLine | null;
  /** Drawn under the markers, following zoom and pan (e.g. grid frames): gets frame → screen. */
  underlay?: (project: (u: number, v: number) => { x: number; y: number }) => ReactNode;
  onSelect(keys: string[], mode: SelectMode): void;
  onProfile(line: ProfileLine): void;
}) {
  const [transform, setTransform] = useState<ViewTransform>(IDENTITY);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [cursor, setCursor] = useState<Point2 | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const maxScale = Math.max(4, (MAX_PIXEL_SIZE * image.width) / size.width);

  // A new scan (another frame) starts unzoomed.
  const frameKey = `${JSON.stringify(image.frame)} ${image.width} ${size.width}x${size.height}`;
  const [transformFor, setTransformFor] = useState(frameKey);
  if (transformFor !== frameKey) {
    setTransformFor(frameKey);
    setTransform(IDENTITY);
  }

  // Wheel zoom about the cursor; a native listener, because React's wheel listener is passive.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = WHEEL_ZOOM ** (-e.deltaY / 100);
      setTransform((t) => zoomAbout(t, factor, e.clientX - box.left, e.clientY - box.top, size, maxScale));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [size, maxScale]);

  const canvas = useImageCanvas({ ...image, range, table, transform, size });

  const points = useMemo(
    () => markers.map((marker) => ({ marker, ...toScreen(transform, size, marker.u, marker.v) })),
    [markers, transform, size],
  );
  const markerPoints = useMemo(() => points.map((p) => ({ key: p.marker.key, x: p.x, y: p.y })), [points]);

  const { gesture, handlers } = useGestures({
    tool,
    size,
    transform,
    maxScale,
    markerPoints,
    onTransform: setTransform,
    onSelect,
    onProfile,
    onHover: setCursor,
  });

  const bar = niceLength(image.frame.width / transform.scale);
  const barPx = (bar / image.frame.width) * size.width * transform.scale;
  const hovered = hoverKey === null ? undefined : points.find((p) => p.marker.key === hoverKey);
  const profilePoints = profile && {
    a: toScreen(transform, size, profile.start.u, profile.start.v),
    b: toScreen(transform, size, profile.end.u, profile.end.v),
  };

  return (
    <div className="topo-viewport-wrap">
      <div
        ref={container}
        className={`topo-viewport tool-${tool}`}
        style={{ width: size.width, height: size.height }}
        data-testid="topo-viewport"
        data-scale={transform.scale.toFixed(3)}
      >
        <canvas ref={canvas} data-testid="topo-canvas" style={{ width: size.width, height: size.height }} />
        {image.data && !range && <div className="image-empty">every pixel is NaN (aborted scan)</div>}
        {note && (
          <div className="image-empty" data-testid="topo-image-note">
            {note}
          </div>
        )}
        <svg width={size.width} height={size.height} className="topo-overlay" {...handlers}>
          {profilePoints && (
            <g className="topo-profile-line" data-testid="profile-line">
              <line
                x1={profilePoints.a.x}
                y1={profilePoints.a.y}
                x2={profilePoints.b.x}
                y2={profilePoints.b.y}
              />
              <circle cx={profilePoints.a.x} cy={profilePoints.a.y} r={4} />
              <circle cx={profilePoints.b.x} cy={profilePoints.b.y} r={4} />
              <text x={profilePoints.a.x + 7} y={profilePoints.a.y - 7}>
                A
              </text>
              <text x={profilePoints.b.x + 7} y={profilePoints.b.y - 7}>
                B
              </text>
            </g>
          )}
          {underlay?.((u, v) => toScreen(transform, size, u, v))}
          {suggestions && <OutlineLayer suggestions={suggestions} transform={transform} size={size} />}
          <MarkerLayer
            points={points}
            suggested={suggestions?.byMarker ?? null}
            spots={spots}
            labels={labels}
            selected={selected}
            interactive={tool === 'pan' || tool === 'select' || tool === 'box'}
            onPick={(key, toggle) =>
              onSelect(
                (spots.get(key) ?? []).map((m) => m.key),
                toggle ? 'toggle' : 'replace',
              )
            }
            onHover={setHoverKey}
          />
          {gesture && <GestureShape gesture={gesture} />}
        </svg>
        <div className="scale-bar" style={{ width: barPx }} data-testid="topo-scale-bar">
          <span>{formatSi(bar, 'm', 2)}</span>
        </div>
        <button
          className="secondary topo-reset"
          data-testid="zoom-reset"
          disabled={transform.scale === 1}
          onClick={() => setTransform(IDENTITY)}
          title="Show the whole frame"
        >
          Reset zoom {transform.scale > 1 ? `(${transform.scale.toFixed(1)}×)` : ''}
        </button>
        {hovered && !gesture && (
          <MarkerTooltip
            marker={hovered.marker}
            spot={spots.get(hovered.marker.key) ?? [hovered.marker]}
            x={hovered.x}
            y={hovered.y}
            size={size}
            frame={image.frame}
          />
        )}
      </div>
      <CursorReadout image={image} size={size} transform={transform} cursor={cursor} />
    </div>
  );
}

function CursorReadout({
  image,
  size,
  transform,
  cursor,
}: {
  image: ViewportImage;
  size: ViewportSize;
  transform: ViewTransform;
  cursor: Point2 | null;
}) {
  if (!cursor) return <div className="topo-readout note">&nbsp;</div>;
  const { u, v } = toFrame(transform, size, cursor.x, cursor.y);
  const column = Math.floor(u * image.width);
  const row = Math.floor(v * image.height);
  const inside = column >= 0 && column < image.width && row >= 0 && row < image.height;
  const value = inside && image.data ? image.data[row * image.width + column] : undefined;
  return (
    <div className="topo-readout note" data-testid="topo-readout">
      x {formatSi(u * image.frame.width, 'm', 4)} · y {formatSi(v * image.frame.height, 'm', 4)} (from top
      left)
      {inside && ` · px (${column}, ${row}) · ${formatSi(value ?? Number.NaN, image.unit, 4)}`}
    </div>
  );
}
