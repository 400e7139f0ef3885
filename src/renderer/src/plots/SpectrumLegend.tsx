// The spectrum view's legend, beside uPlot's canvas instead of uPlot's own table: one swatch and
// name per curve, wrapped in even rows, and the values under the cursor only while it is on the
// plot (uPlot's live legend shows "—" for every curve otherwise).
import { formatSi } from '../lib/axisKit.ts';

export interface LegendEntry {
  name: string;
  colour: string;
}

export function SpectrumLegend({
  entries,
  quantity,
  unit,
  axisTitle,
  hover,
}: {
  entries: LegendEntry[];
  /** What the y values are, with the unit the readout uses: "Tunnelling current". */
  quantity: string;
  unit: string;
  /** The y axis's title as drawn, its SI prefix included: "Tunnelling current (pA)". */
  axisTitle: string;
  /** The bias (V) under the cursor and each curve's value there (null: none), or null off the plot. */
  hover: { bias: number; values: Array<number | null> } | null;
}) {
  return (
    <div className="spectrum-legend" data-testid="spectrum-legend">
      <p className="readout" data-testid="spectrum-readout">
        {hover
          ? `${quantity} at sample bias ${formatSi(hover.bias, 'V', 4)}`
          : `${axisTitle} · hover the plot to read values`}
      </p>
      <ul>
        {entries.map((entry, i) => {
          const value = hover?.values[i];
          return (
            <li key={entry.name}>
              <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
              <span className="name" title={entry.name}>
                {entry.name}
              </span>
              {value !== undefined && value !== null && (
                <span className="value">{formatSi(value, unit, 4)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
