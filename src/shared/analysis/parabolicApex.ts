// Sub-sample position of a peak: the vertex of the parabola through the peak sample and its two
// neighbours (any spacing). With t = x − x[i], y = y[i] + b·t + a·t², the two neighbours give
//   a = ((y₊ − y)/h₊ − (y₋ − y)/h₋) / (h₊ − h₋),  b = (y₋ − y)/h₋ − a·h₋,  apex t = −b / (2a).
// A parabola that is not concave (a flat top) keeps x[i]; the apex is clamped to [x[i−1], x[i+1]].
import type { NumberArray } from './types.ts';

export function parabolicApex(x: NumberArray, y: NumberArray, i: number): number {
  if (i <= 0 || i >= x.length - 1) return x[i]!;
  const hMinus = x[i - 1]! - x[i]!;
  const hPlus = x[i + 1]! - x[i]!;
  const sMinus = (y[i - 1]! - y[i]!) / hMinus;
  const sPlus = (y[i + 1]! - y[i]!) / hPlus;
  const a = (sPlus - sMinus) / (hPlus - hMinus);
  if (!(a < 0)) return x[i]!;
  const b = sMinus - a * hMinus;
  const t = Math.min(Math.max(-b / (2 * a), hMinus), hPlus);
  return x[i]! + t;
}
