// Vertical colour bar of the displayed range (top = high): plain round ticks and, beside them, the
// quantity's title with its one SI prefix and unit ("Z (nm)"), as a paper figure's colour bar.
import { colormapGradient } from '../lib/colormaps.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { colourBarTicks } from '../lib/axisKit.ts';
import './ColourBar.css';
import type { Range } from './contrastRange.ts';

export function ColourBar({
  range,
  quantity,
  unit,
  colormap,
  height,
  swatch,
  testId = 'topo-colour-bar',
}: {
  range: Range | null;
  /** What the colours show: the channel ("Z", "Current"), a map's name. */
  quantity: string;
  unit: string;
  colormap: ColormapName;
  /** CSS px. */
  height: number;
  /** A constant image's one colour (CSS), drawn instead of the colormap's gradient. */
  swatch?: string;
  testId?: string;
}) {
  if (!range) return null;
  const { ticks, title } = colourBarTicks(range, quantity, unit, Math.max(3, Math.round(height / 90)));
  const widest = Math.max(...ticks.map((t) => t.label.length));
  return (
    <div className="topo-colour-bar" data-testid={testId} style={{ height }}>
      <div className="gradient" style={{ background: swatch ?? colormapGradient(colormap) }} />
      <div className="ticks" style={{ width: `${widest + 1.5}ch` }}>
        {ticks.map((tick) => (
          <span key={tick.value} style={{ top: `${tick.fraction * 100}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
      <div className="title" data-testid={`${testId}-title`}>
        {title}
      </div>
    </div>
  );
}
