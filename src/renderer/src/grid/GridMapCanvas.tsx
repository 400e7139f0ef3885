// One grid map drawn as pixels, rotated clockwise by the frame angle (row 0 at the bottom), with the
// hovered, pinned and line-cut pixels marked. Unmeasured pixels (NaN) stay empty.
import { useEffect, useRef } from 'react';
import { colourise } from '../lib/contrast.ts';
import { pixelAt } from './gridDisplay.ts';

export type Pixel = { column: number; row: number };

export function GridMapCanvas({
  values,
  width,
  height,
  angleDeg,
  range,
  table,
  size,
  pinned,
  cut,
  onHover,
  onPin,
  onCut,
}: {
  values: Float64Array;
  width: number;
  height: number;
  angleDeg: number;
  range: { lo: number; hi: number } | null;
  table: Uint8Array;
  /** Longer side of the drawn map, CSS px. */
  size: number;
  pinned: number[];
  cut: { from: Pixel; to: Pixel } | null;
  onHover(pixel: Pixel | null): void;
  onPin(pixel: Pixel): void;
  onCut(cut: { from: Pixel; to: Pixel }): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ from: Pixel; x: number; y: number } | null>(null);
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

  const toPixel = (event: React.MouseEvent): Pixel | null => {
    const box = event.currentTarget.getBoundingClientRect();
    const dx = event.clientX - (box.left + box.width / 2);
    const dy = event.clientY - (box.top + box.height / 2);
    return pixelAt(dx, dy, width, height, scale, angleDeg);
  };
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
  return (
    <div
      className="grid-map-box"
      data-testid="grid-map"
      style={{ width: boxW, height: boxH }}
      onMouseMove={(e) => onHover(toPixel(e))}
      onMouseLeave={() => onHover(null)}
      onMouseDown={(e) => {
        const p = toPixel(e);
        if (p) drag.current = { from: p, x: e.clientX, y: e.clientY };
      }}
      onMouseUp={(e) => {
        const start = drag.current;
        drag.current = null;
        const p = toPixel(e);
        if (!start || !p) return;
        const moved = Math.hypot(e.clientX - start.x, e.clientY - start.y) > 4;
        if (moved) onCut({ from: start.from, to: p });
        else onPin(p);
      }}
    >
      <div
        className="grid-map-frame"
        style={{ width: w, height: h, transform: `translate(-50%, -50%) rotate(${angleDeg}deg)` }}
      >
        <canvas ref={canvas} width={width} height={height} style={{ width: w, height: h }} />
        {pinned.map((p) => marker(p, 'grid-pin'))}
        {cut && (
          <svg className="grid-cut" width={w} height={h}>
            <line
              x1={centre(cut.from)[0]}
              y1={centre(cut.from)[1]}
              x2={centre(cut.to)[0]}
              y2={centre(cut.to)[1]}
            />
          </svg>
        )}
      </div>
    </div>
  );
}
