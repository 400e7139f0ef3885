// I(V) (or an extra channel) of the selected spectra, overlaid, with SI-prefixed axes.
import { useEffect, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import type { SpectrumCurves } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { siAxis } from '../lib/siAxis.ts';
import { formatSi } from '../lib/axisKit.ts';
import { alignCurves, sortedCurve } from './alignCurves.ts';
import type { XYCurve } from './alignCurves.ts';
import { DERIVED_SIGNALS, derivedSignal } from './derivedSignals.ts';
import { PALETTE } from './palette.ts';
import { UPlotChart } from './UPlotChart.tsx';

const CURRENT = 'Current';

/** A channel's name without the direction, so forward and backward sweeps share one choice. */
function channelKey(name: string): string {
  return name.replace(/\s*\[bwd\]/, '');
}

function channelOf(spectrum: SpectrumCurves, channel: string): { values: Float64Array; unit: string } | null {
  if (channel === CURRENT) return { values: spectrum.current, unit: 'A' };
  const extra = spectrum.extra.find((e) => channelKey(e.name) === channel);
  return extra ? { values: extra.values, unit: extra.unit } : null;
}

/** "LockIn [00001] (V)" → "LockIn [00001]": the axis label adds the unit with its prefix. */
function channelQuantity(channel: string): string {
  return channel.replace(/\s*\([^)]*\)\s*$/, '');
}

export function SpectrumPlot({ spectrumIds }: { spectrumIds: number[] }) {
  const [spectra, setSpectra] = useState<SpectrumCurves[]>([]);
  const [channel, setChannel] = useState(CURRENT);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all(spectrumIds.map((id) => getApi().getSpectrum({ id }))).then(
      (loaded) => current && setSpectra(loaded),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [spectrumIds]);

  /** Derived signals (dI/dV ...) of the shown spectra, computed in a worker, keyed by id. */
  const [derived, setDerived] = useState<Map<number, XYCurve & { unit: string }>>(new Map());
  const isDerived = DERIVED_SIGNALS.includes(channel);
  useEffect(() => {
    if (!isDerived) return;
    let current = true;
    Promise.all(spectra.map((s) => derivedSignal(s, channel).then((d) => [s.row.id, d] as const))).then(
      (pairs) => {
        if (!current) return;
        const next = new Map<number, XYCurve & { unit: string }>();
        for (const [id, d] of pairs) if (d) next.set(id, d);
        setDerived(next);
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [spectra, channel, isDerived]);

  const channels = useMemo(
    () => [
      CURRENT,
      ...DERIVED_SIGNALS,
      ...new Set(spectra.flatMap((s) => s.extra.map((e) => channelKey(e.name)))),
    ],
    [spectra],
  );
  const shown = spectra.flatMap((s) => {
    if (isDerived) {
      const d = derived.get(s.row.id);
      return d ? [{ spectrum: s, curve: { x: d.x, y: d.y }, unit: d.unit }] : [];
    }
    const values = channelOf(s, channel);
    return values ? [{ spectrum: s, curve: sortedCurve(s.bias, values.values), unit: values.unit }] : [];
  });
  const unit = shown[0]?.unit ?? 'A';

  const data = useMemo(
    () => alignCurves(shown.map(({ curve }) => curve)) as uPlot.AlignedData,
    [spectra, channel, derived],
  );
  const seriesKey = shown.map(({ spectrum }) => spectrum.row.id).join(',') + channel;
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 380,
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false } },
      axes: [
        siAxis('x', 'Sample bias', 'V', 44),
        siAxis('y', channel === CURRENT ? 'Tunnelling current' : channelQuantity(channel), unit, 64),
      ],
      series: [
        { label: 'Bias', value: (_u, v) => formatSi(v, 'V', 4) },
        ...shown.map(({ spectrum }, i) => ({
          label: `${spectrum.row.fileName} · ${spectrum.row.gridIndex !== null ? `px ${spectrum.row.gridIndex}` : `sweep ${spectrum.row.sweep}`} · ${spectrum.row.direction === 'forward' ? 'fwd' : 'bwd'}`,
          stroke: PALETTE[i % PALETTE.length],
          width: 1.5,
          spanGaps: true,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => formatSi(v, unit, 4),
        })),
      ],
    }),
    [seriesKey, unit],
  );

  if (spectrumIds.length === 0) return <p className="empty">Select a spectrum to plot its I(V).</p>;
  return (
    <div data-testid="spectrum-plot" data-series={shown.length} data-unit={unit}>
      <div className="row">
        <label>
          Signal{' '}
          <select data-testid="channel-select" value={channel} onChange={(e) => setChannel(e.target.value)}>
            {channels.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <span className="note">
          Ctrl/Cmd-click adds a row, Shift-click a range · drag to zoom, double-click to reset.
        </span>
      </div>
      {error && <p className="error">{error}</p>}
      {shown.length > 0 && <UPlotChart options={options} data={data} />}
    </div>
  );
}
