// Vertical colour bar of the displayed range with SI-prefixed ticks (top = high).
import { colormapGradient } from '../lib/colormaps.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { niceTicks, siTicks } from '../lib/axisKit.ts';
import type { Range } from './contrastRange.ts';

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
  const values = niceTicks(range.lo, range.hi, Math.max(3, Math.round(height / 90)));
  const labels = siTicks(values, unit);
  return (
    <div className="topo-colour-bar" data-testid="topo-colour-bar" style={{ height }}>
      <div className="gradient" style={{ background: colormapGradient(colormap) }} />
      <div className="ticks">
        {range.hi > range.lo ? (
          values.map((value, i) => (
            <span key={value} style={{ top: `${((range.hi - value) / (range.hi - range.lo)) * 100}%` }}>
              {labels[i]}
            </span>
          ))
        ) : (
          <span style={{ top: '50%' }}>constant {siTicks([range.lo], unit)[0]}</span>
        )}
      </div>
    </div>
  );
}
