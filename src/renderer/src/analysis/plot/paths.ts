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
  let d = '';
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 1) {
      const top = run.map((i) => `${sx(x[i]!).toFixed(2)},${sy(hi[i]!).toFixed(2)}`);
      const bottom = run.map((i) => `${sx(x[i]!).toFixed(2)},${sy(lo[i]!).toFixed(2)}`).reverse();
      d += `M${top.join('L')}L${bottom.join('L')}Z`;
    }
    run = [];
  };
  for (let i = 0; i < x.length; i++) {
    const ok = [sx(x[i]!), sy(lo[i]!), sy(hi[i]!)].every(Number.isFinite);
    if (ok) run.push(i);
    else flush();
  }
  flush();
  return d;
}
