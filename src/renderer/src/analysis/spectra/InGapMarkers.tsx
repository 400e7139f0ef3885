// One group's in-gap states as open circles on its averaged curve (Spectra figure). A component of
// its own per group, memoised: when a 10,000-sweep run's per-spectrum rows arrive, interpolating
// and placing ~30k states was one 60–90 ms render of the whole figure; React now renders each
// group's markers as a step of its own (yielding between them), and the figure's other re-renders
// (a group hidden, the library's polls) do not redo them.
import { memo } from 'react';
import { interpolateAt } from '../runGroups.ts';
import { markerPath } from './inGapMarks.ts';

export const InGapMarkers = memo(function InGapMarkers({
  bias,
  y,
  biases,
  sx,
  sy,
  log,
  colour,
}: {
  /** The group's averaged curve: its grid (V) and the plotted quantity on it. */
  bias: Float64Array;
  y: Float64Array;
  /** V, ascending: the in-gap states of the group's counted spectra. */
  biases: Float64Array;
  sx: (bias: number) => number;
  sy: (value: number) => number;
  log: boolean;
  colour: string;
}) {
  // interpolateAt walks the grid once: the biases ascend.
  const { count, d } = markerPath(biases, interpolateAt(bias, y, biases), sx, sy, log);
  return (
    <g
      data-testid="in-gap-markers"
      data-count={count}
      fill="#fff"
      fillOpacity={0.6}
      stroke={colour}
      strokeWidth={1.3}
    >
      <path d={d} />
    </g>
  );
});
