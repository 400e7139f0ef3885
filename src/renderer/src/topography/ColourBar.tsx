// Vertical colour bar of the displayed range with SI-prefixed ticks (top = high).
import { colormapGradient } from '../lib/colormaps.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { siTicks } from '../lib/siFormat.ts';
import type { Range } from './contrastRange.ts';

/** Ticks on the bar, ends included. */
const TICKS = 5;

export function ColourBar({
  range,
  unit,
  colormap,
  height,
}: {
  range: Range | null;
  unit: string;
  colormap: ColormapName;
  /** CSS px. */
  height: number;
}) {
  if (!range) return null;
  const values = Array.from(
    { length: TICKS },
    (_, i) => range.hi - ((range.hi - range.lo) * i) / (TICKS - 1),
  );
  const labels = range.hi > range.lo ? siTicks(values, unit) : [];
  return (
    <div className="topo-colour-bar" data-testid="topo-colour-bar" style={{ height }}>
      <div className="gradient" style={{ background: colormapGradient(colormap) }} />
      <div className="ticks">
        {range.hi > range.lo ? (
          labels.map((label, i) => (
            <span key={i} style={{ top: `${(i / (TICKS - 1)) * 100}%` }}>
              {label}
            </span>
          ))
        ) : (
          <span style={{ top: '50%' }}>constant</span>
        )}
      </div>
    </div>
  );
}
