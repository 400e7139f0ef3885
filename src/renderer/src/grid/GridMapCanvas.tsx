// One grid map drawn as pixels, rotated clockwise by the frame angle (row 0 at the bottom), with the
// hovered, pinned and line-cut pixels and a drawn region marked. Unmeasured pixels (NaN) stay
// empty. A click pins a pixel; a drag draws with the tool: a line cut, a box or a lasso region.
import { useEffect, useRef, useState } from 'react';
import type { Point2 } from '../../../shared/image/pointInPolygon.ts';
import { formatSi, niceLength } from '../lib/axisKit.ts';
import { colourise } from '../lib/contrast.ts';
import { pixelAt, pixelPointAt, screenBox } from './gridRegion.ts';

export type Pixel = { column: number; row: number };
export type GridDragTool = 'cut' | 'box' | 'lasso';

export function GridMapCanvas({
  values,
  width,
  height,
  angleDeg,
  frameWidth,
  range,
  table,
  size,
  pinned,
  cut,
  tool,
  region,
  onHover,
  onPin,
  onCut,
  onRegion,
}: {
  values: Float64Array;
  width: number;
  height: number;
  angleDeg: number;
  /** Width of the grid's frame (its `width` columns), m: for the scale bar. */
  frameWidth: number;
  range: { lo: number; hi: number } | null;
  table: Uint8Array;
  /** Longer side of the drawn map, CSS px. */
  size: number;
  pinned: number[];
  cut: { from: Pixel; to: Pixel } | null;
  /** What a drag draws. */
  tool: GridDragTool;
  /** The drawn region, in pixel coordinates (gridRegion.ts), or null. */
  region: Point2[] | null;
  onHover(pixel: Pixel | null): void;
  onPin(pixel: Pixel): void;
  onCut(cut: { from: Pixel; to: Pixel }): void;
  onRegion(polygon: Point2[]): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ from: Pixel | null; x: number; y: number; dx: number; dy: number } | null>(null);
  /** The box or lasso being drawn (pixel coordinates). */
  const [drawing, setDrawing] = useState<Point2[] | null>(null);
  const scale = size / Math.max(width, height);

  useEffect(() => {
    const c = canvas.current;
    const context = c?.getContext('2d');
    if (!c || !context) return;
    // Flip rows so row 0 is at the bottom (frame +y up).
    const flipped = new Float32Array(width * height);
    for (let r = 0; r < height; r++)
      for (let k = 0; k < width; k++) flipped[(height - 1 - r) * width + k] = values[r * width + k]!;
    const rgba = colourise(flipped, range ?? { lo: 0, hi: 1 }, table);
    context.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [values, width, height, range, table]);

  const fromCentre = (event: React.MouseEvent): { dx: number; dy: number } => {
    const box = event.currentTarget.getBoundingClientRect();
    return { dx: event.clientX - (box.left + box.width / 2), dy: event.clientY - (box.top + box.height / 2) };
  };
  const toPixel = (event: React.MouseEvent): Pixel | null => {
    const { dx, dy } = fromCentre(event);
    return pixelAt(dx, dy, width, height, scale, angleDeg);
  };
  const shapeTo = (event: React.MouseEvent): Point2[] | null => {
    const start = drag.current;
    if (!start) return null;
    const at = fromCentre(event);
    if (tool === 'box') return screenBox(start, at, width, height, scale, angleDeg);
    if (tool === 'lasso')
      return [...(drawing ?? []), pixelPointAt(at.dx, at.dy, width, height, scale, angleDeg)];
    return null;
  };
  /** Pixel coordinates → the unrotated drawing's CSS px (row 0 at the bottom). */
  const toCss = (points: readonly Point2[]): string =>
    points.map((p) => `${p.x * scale},${(height - p.y) * scale}`).join(' ');
  const marker = (pixel: number, className: string) => {
    const column = pixel % width;
    const row = Math.floor(pixel / width);
    return (
      <div
        key={`${className}-${pixel}`}
        className={className}
        style={{ left: column * scale, top: (height - 1 - row) * scale, width: scale, height: scale }}
      />
    );
  };
  const centre = (p: Pixel) => [(p.column + 0.5) * scale, (height - 0.5 - p.row) * scale] as const;
  // The rotated map's bounding box, so the rotated drawing does not overlap its neighbours.
  const a = (angleDeg * Math.PI) / 180;
  const w = width * scale;
  const h = height * scale;
  const boxW = Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a));
  const boxH = Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a));
  const scaleBar = niceLength(frameWidth);
  return (
    <div
      className="grid-map-box"
      data-testid="grid-map"
      style={{ width: boxW, height: boxH }}
      onMouseMove={(e) => {
        onHover(toPixel(e));
        if (drag.current && tool !== 'cut') setDrawing(shapeTo(e));
      }}
      onMouseLeave={() => onHover(null)}
      onMouseDown={(e) => {
        const at = fromCentre(e);
        drag.current = { from: toPixel(e), x: e.clientX, y: e.clientY, ...at };
        setDrawing(tool === 'lasso' ? [pixelPointAt(at.dx, at.dy, width, height, scale, angleDeg)] : null);
      }}
      onMouseUp={(e) => {
        const start = drag.current;
        const shape = shapeTo(e);
        drag.current = null;
        setDrawing(null);
        if (!start) return;
        const p = toPixel(e);
        const moved = Math.hypot(e.clientX - start.x, e.clientY - start.y) > 4;
        if (!moved) {
          if (p) onPin(p);
        } else if (tool === 'cut') {
          if (start.from && p) onCut({ from: start.from, to: p });
        } else if (shape && shape.length >= 3) onRegion(shape);
      }}
    >
      <div
        className="grid-map-frame"
        style={{ width: w, height: h, transform: `translate(-50%, -50%) rotate(${angleDeg}deg)` }}
      >
        <canvas ref={canvas} width={width} height={height} style={{ width: w, height: h }} />
        {pinned.map((p) => marker(p, 'grid-pin'))}
        <svg className="grid-cut" width={w} height={h}>
          {cut && (
            <line
              x1={centre(cut.from)[0]}
              y1={centre(cut.from)[1]}
              x2={centre(cut.to)[0]}
              y2={centre(cut.to)[1]}
            />
          )}
          {region && (
            <polygon className="grid-region" data-testid="grid-region-shape" points={toCss(region)} />
          )}
          {drawing && <polygon className="grid-region drawing" points={toCss(drawing)} />}
        </svg>
      </div>
      {scaleBar > 0 && (
        <div
          className="grid-scale-bar"
          data-testid="grid-scale-bar"
          style={{ width: (scaleBar / frameWidth) * w }}
        >
          <span>{formatSi(scaleBar, 'm', 2)}</span>
        </div>
      )}
    </div>
  );
}
