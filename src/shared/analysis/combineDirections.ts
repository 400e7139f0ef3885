// STS-ANALYSIS.md step 1, direction: forward (default), backward, or the mean of both. For the
// mean the backward sweep is resampled (linearly) onto the forward sweep's bias points and the two
// currents are averaged point by point. Forward points outside the backward sweep's range are
// left out rather than extrapolated, so the mean covers the overlap of the two sweeps.
import { resampleLinear } from './resampleLinear.ts';
import type { Curve, Outcome } from './types.ts';

export type DirectionMode = 'forward' | 'backward' | 'mean';

/** Both arguments are tidy sweeps (see tidySweep); either may be missing. */
export function combineDirections(
  forward: Curve | null,
  backward: Curve | null,
  mode: DirectionMode = 'forward',
): Outcome<Curve> {
  if (mode === 'forward') {
    return forward ? { ok: true, ...forward } : { ok: false, reason: 'no forward sweep' };
  }
  if (mode === 'backward') {
    return backward ? { ok: true, ...backward } : { ok: false, reason: 'no backward sweep' };
  }
  if (!forward || !backward) {
    return {
      ok: false,
      reason: `the mean of both directions needs both (missing ${forward ? 'backward' : 'forward'})`,
    };
  }
  const lo = backward.bias[0]!;
  const hi = backward.bias[backward.bias.length - 1]!;
  let start = 0;
  while (start < forward.bias.length && forward.bias[start]! < lo) start++;
  let end = forward.bias.length;
  while (end > start && forward.bias[end - 1]! > hi) end--;
  if (end - start < 2) return { ok: false, reason: 'the forward and backward sweeps do not overlap' };
  const bias = forward.bias.slice(start, end);
  const current = resampleLinear(backward.bias, backward.current, bias);
  for (let i = 0; i < bias.length; i++) current[i] = (current[i]! + forward.current[start + i]!) / 2;
  return { ok: true, bias, current };
}
