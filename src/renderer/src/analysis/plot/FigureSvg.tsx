// The root of every analysis figure: a viewBox laid out at the panel's width (useFigureWidth; the
// exported size, px at 1×), white background, the figures' font.
import type { ReactNode, Ref } from 'react';
import { FONT } from './theme.ts';

export function FigureSvg({
  width,
  height,
  children,
  svgRef,
  label,
}: {
  width: number;
  height: number;
  children: ReactNode;
  svgRef?: Ref<SVGSVGElement>;
  /** Accessible name of the figure. */
  label: string;
}) {
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      className="figure-svg"
      fontFamily={FONT}
      role="img"
      aria-label={label}
      data-figure=""
    >
      <rect width={width} height={height} fill="#fff" />
      {children}
    </svg>
  );
}

/** The figure position (viewBox units) of a pointer event: follows CSS scaling of the SVG. */
export function svgPoint(svg: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } {
  const matrix = svg.getScreenCTM();
  if (!matrix) return { x: 0, y: 0 };
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: p.x, y: p.y };
}
