// SVG path data for curves and shaded bands; non-finite points break the line.
import type { Scale } from './scale.ts';

export function linePath(x: ArrayLike<number>, y: ArrayLike<number>, sx: Scale, sy: Scale): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < x.length; i++) {
    const px = sx(x[i]!);
    const py = sy(y[i]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(2)},${py.toFixed(2)}`;
    pen = true;
  }
  return d;
}

/** Closed area between lo and hi (both over x); segments split at non-finite points. */
export function bandPath(
  x: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  sx: Scale,
  sy: Scale,
): string {
  // Each point scaled once (the figure's first render draws three 512-point bands).
  let d = '';
  let top = '';
  let bottom: string[] = [];
  let points = 0;
  const flush = (): void => {
    if (points > 1) d += `M${top}L${bottom.reverse().join('L')}Z`;
    top = '';
    bottom = [];
    points = 0;
  };
  for (let i = 0; i < x.length; i++) {
    const px = sx(x[i]!);
    const pLo = sy(lo[i]!);
    const pHi = sy(hi[i]!);
    if (!Number.isFinite(px) || !Number.isFinite(pLo) || !Number.isFinite(pHi)) {
      flush();
      continue;
    }
    const at = px.toFixed(2);
    top += `${points > 0 ? 'L' : ''}${at},${pHi.toFixed(2)}`;
    bottom.push(`${at},${pLo.toFixed(2)}`);
    points++;
  }
  flush();
  return d;
}
