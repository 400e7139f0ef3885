// One look for every analysis figure (sizes in SVG user units = CSS px at 1×): a paper's
// typography, black frame, outward ticks, no grid.

export const FONT = 'Helvetica, Arial, sans-serif';
export const TICK_FONT = 13;
export const LABEL_FONT = 15;
export const TITLE_FONT = 15;
export const TICK_LENGTH = 5;
export const AXIS_COLOUR = '#111';
export const MUTED = '#555';

/** The plotting area inside a figure, viewBox units. */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function frameFor(width: number, height: number, margin = { l: 78, r: 20, t: 30, b: 56 }): Frame {
  return {
    left: margin.l,
    top: margin.t,
    width: width - margin.l - margin.r,
    height: height - margin.t - margin.b,
  };
}

/** A colour with alpha, from #rrggbb. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
