// A draggable bound of the deep-trap window: a vertical line with a wide invisible grip. Drags
// in figure coordinates (follows the SVG's CSS scaling), snapped to 10 mV; arrow keys step 10 mV.
import type { KeyboardEvent, PointerEvent } from 'react';
import { svgPoint } from '../plot/FigureSvg.tsx';
import type { Scale } from '../plot/scale.ts';
import type { Frame } from '../plot/theme.ts';

const SNAP = 0.01; // V

export function WindowHandle({
  value,
  sx,
  frame,
  onChange,
  testId,
  label,
}: {
  value: number;
  sx: Scale;
  frame: Frame;
  onChange(value: number): void;
  testId: string;
  label: string;
}) {
  const x = sx(value);
  const move = (e: PointerEvent<SVGRectElement>): void => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return;
    onChange(Math.round(sx.invert(svgPoint(svg, e.clientX, e.clientY).x) / SNAP) * SNAP);
  };
  const key = (e: KeyboardEvent<SVGRectElement>): void => {
    if (e.key === 'ArrowLeft') onChange(Math.round((value - SNAP) / SNAP) * SNAP);
    if (e.key === 'ArrowRight') onChange(Math.round((value + SNAP) / SNAP) * SNAP);
  };
  return (
    <g>
      <line x1={x} x2={x} y1={frame.top} y2={frame.top + frame.height} stroke="#333" strokeWidth={1.5} />
      <g data-export="skip">
        <path d={`M${x - 6},${frame.top}h12l-6,8z`} fill="#333" />
        <rect
          x={x - 8}
          y={frame.top}
          width={16}
          height={frame.height}
          fill="transparent"
          style={{ cursor: 'ew-resize', touchAction: 'none' }}
          tabIndex={0}
          role="slider"
          aria-label={label}
          aria-valuenow={value}
          data-testid={testId}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            e.preventDefault();
          }}
          onPointerMove={move}
          onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
          onKeyDown={key}
        >
          <title>{label}: drag (or arrow keys)</title>
        </rect>
      </g>
    </g>
  );
}
