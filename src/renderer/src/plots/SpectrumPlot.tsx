// I(V) (or an extra channel, or a derived signal) of the selected spectra, overlaid, with
// SI-prefixed axes and a legend beside the plot that reads values under the cursor.
import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type uPlot from 'uplot';
import { siAxis, siAxisTitle } from '../lib/siAxis.ts';
import { alignCurves, valueAt } from './alignCurves.ts';
import { DEFAULT_RECIPE } from '../../../shared/analysis/recipe.ts';
import { DEFAULT_DELTA_V, DERIVED_SIGNALS } from './derivedSignals.ts';
import type { DerivativeSettings } from './derivedSignals.ts';
import { PALETTE } from './palette.ts';
import { NO_SPECTRUM_SELECTED } from './plotNotes.ts';
import { CURRENT, plotCurves } from './plotCurves.ts';
import type { PlottedCurve } from './plotCurves.ts';
import { SpectrumLegend } from './SpectrumLegend.tsx';
import { UPlotChart } from './UPlotChart.tsx';
import { queryKeys } from '../data/queryClient.ts';
import { errorText } from '../data/libraryQueries.ts';

/** "LockIn [00001] (V)" → "LockIn [00001]": the axis label adds the unit with its prefix. */
function channelQuantity(channel: string): string {
  return channel.replace(/\s*\([^)]*\)\s*$/, '');
}

/** "min max" of the shown curves' finite values (for tests and tools reading the page). */
function yRange(shown: PlottedCurve[]): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { curve } of shown)
    for (const v of curve.y)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  return lo <= hi ? `${lo} ${hi}` : '';
}

function seriesName({ spectrum }: PlottedCurve): string {
  const row = spectrum.row;
  const which = row.gridIndex !== null ? `px ${row.gridIndex}` : `sweep ${row.sweep}`;
  return `${row.fileName} · ${which} · ${row.direction === 'forward' ? 'fwd' : 'bwd'}`;
}

const NO_CURVES: PlottedCurve[] = [];

export function SpectrumPlot({ spectrumIds }: { spectrumIds: number[] }) {
  const [channel, setChannel] = useState(CURRENT);
  /** Savitzky–Golay window/order (from the analysis recipe) and Feenstra ΔV (V) of this view. */
  const [settings, setSettings] = useState<DerivativeSettings>({
    window: DEFAULT_RECIPE.derivative.window,
    order: DEFAULT_RECIPE.derivative.polyorder,
    deltaV: DEFAULT_DELTA_V,
  });
  const isDerived = DERIVED_SIGNALS.includes(channel);
  // Derivative settings only matter to derived signals: a recorded channel keeps its cache entry.
  const used = isDerived ? settings : null;
  const plotted = useQuery({
    queryKey: queryKeys.plotCurves(spectrumIds, channel, used ?? {}),
    queryFn: () => plotCurves(spectrumIds, channel, settings),
    enabled: spectrumIds.length > 0,
    // The previous curves stay on screen while the next signal or selection is computed.
    placeholderData: keepPreviousData,
  });
  const shown = plotted.data?.curves ?? NO_CURVES;
  const channels = plotted.data?.signals ?? [CURRENT];
  const shownSignal = plotted.data?.signal ?? channel;
  const unit = shown[0]?.unit ?? 'A';
  const quantity = shownSignal === CURRENT ? 'Tunnelling current' : channelQuantity(shownSignal);
  const error = errorText(plotted.error);

  const data = useMemo(() => alignCurves(shown.map(({ curve }) => curve)) as uPlot.AlignedData, [shown]);
  /** Row of `data` under the cursor, or null when the cursor is off the plot. */
  const [hoverIndex, setHoverIndex] = useState<number | null>(null);
  /** The y axis's title as uPlot last drew it (its prefix follows the data and the zoom). */
  const [yTitle, setYTitle] = useState<string | null>(null);
  // One note for all curves when they share it (the window narrowed on a common grid); each curve's
  // own, named as in the legend, when they differ (each sweep's noisy ranges).
  const distinctNotes = [...new Set(shown.flatMap(({ note }) => note ?? []))];
  const notes =
    distinctNotes.length <= 1
      ? distinctNotes
      : shown.flatMap((curve) => (curve.note ? [`${seriesName(curve)}: ${curve.note}`] : []));
  const setting =
    (key: keyof DerivativeSettings) =>
    (e: { target: { value: string } }): void => {
      const value = Number(e.target.value);
      const valid =
        key === 'deltaV'
          ? value > 0
          : key === 'window'
            ? Number.isInteger(value) && value >= 3 && value % 2 === 1
            : Number.isInteger(value) && value >= 0 && value < settings.window;
      if (valid) setSettings((s) => ({ ...s, [key]: value }));
    };
  const seriesCount = shown.length;
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 380,
      legend: { show: false },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false } },
      axes: [siAxis('x', 'Sample bias', 'V', 44, { prefixed: false }), siAxis('y', quantity, unit, 64)],
      series: [
        {},
        ...Array.from({ length: seriesCount }, (_, i) => ({
          stroke: PALETTE[i % PALETTE.length],
          width: 1.5,
          spanGaps: true,
          points: { show: false },
        })),
      ],
      hooks: {
        setCursor: [(u: uPlot) => setHoverIndex(u.cursor.idx ?? null)],
        setScale: [(u: uPlot, key: string) => key === 'y' && setYTitle(siAxisTitle(u, 'y', quantity, unit))],
      },
    }),
    [seriesCount, quantity, unit],
  );
  const xs = data[0];
  const hover =
    hoverIndex !== null && hoverIndex < xs.length
      ? {
          bias: xs[hoverIndex] as number,
          values: shown.map((_, i) => valueAt(xs, data[i + 1] as Array<number | null>, hoverIndex)),
        }
      : null;
  const legend = shown.map((c, i) => ({ name: seriesName(c), colour: PALETTE[i % PALETTE.length]! }));

  if (spectrumIds.length === 0) return <p className="empty">{NO_SPECTRUM_SELECTED}</p>;
  return (
    <div
      data-testid="spectrum-plot"
      data-series={shown.length}
      data-unit={unit}
      data-signal={shownSignal}
      data-state={plotted.isPlaceholderData || plotted.isFetching ? 'loading' : 'ready'}
      data-y-range={yRange(shown)}
    >
      <div className="row">
        <label>
          Signal{' '}
          <select data-testid="channel-select" value={channel} onChange={(e) => setChannel(e.target.value)}>
            {channels.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        {isDerived && (
          <span
            className="derivative-settings"
            data-testid="derivative-settings"
            style={{ display: 'inline-flex', gap: 12 }}
          >
            <label>
              SG window{' '}
              <input
                type="number"
                style={{ width: 64 }}
                step={2}
                min={3}
                defaultValue={settings.window}
                onChange={setting('window')}
                data-testid="library-sg-window"
                aria-label="Savitzky–Golay window (points, odd)"
              />
            </label>
            <label>
              order{' '}
              <input
                type="number"
                style={{ width: 64 }}
                min={0}
                defaultValue={settings.order}
                onChange={setting('order')}
                data-testid="library-sg-order"
                aria-label="Savitzky–Golay polynomial order"
              />
            </label>
            <label title="Width of the exponential kernel that broadens I/V (Feenstra & Mårtensson)">
              ΔV (V){' '}
              <input
                type="number"
                style={{ width: 64 }}
                step={0.05}
                min={0.01}
                defaultValue={settings.deltaV}
                onChange={setting('deltaV')}
                data-testid="library-delta-v"
                aria-label="Feenstra broadening width ΔV (V)"
              />
            </label>
          </span>
        )}
        <span className="note">
          Ctrl/Cmd-click adds a row, Shift-click a range · drag to zoom, double-click to reset.
        </span>
      </div>
      {notes.map((note) => (
        <p key={note} className="note" data-testid="derived-note">
          {note}
        </p>
      ))}
      {error && <p className="error">{error}</p>}
      {shown.length > 0 && (
        <>
          <UPlotChart options={options} data={data} />
          <SpectrumLegend
            entries={legend}
            quantity={quantity}
            unit={unit}
            axisTitle={yTitle ?? `${quantity} (${unit})`}
            hover={hover}
          />
        </>
      )}
    </div>
  );
}
