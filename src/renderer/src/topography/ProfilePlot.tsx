// Height along the drawn profile line (bilinear samples of the levelled image), distance in m,
// value in the channel's unit, both SI-prefixed.
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { ImageFrame } from '../../../shared/formats/types.ts';
import { sampleProfile } from '../../../shared/image/sampleProfile.ts';
import { formatSi } from '../lib/axisKit.ts';
import { siAxis } from '../lib/siAxis.ts';
import { UPlotChart } from '../plots/UPlotChart.tsx';
import type { ProfileLine } from './tools.ts';
import { downloadBlob } from '../analysis/export/download.ts';

export function ProfilePlot({
  data,
  width,
  height,
  frame,
  unit,
  channel,
  line,
}: {
  data: Float32Array;
  /** Scan pixels. */
  width: number;
  height: number;
  frame: ImageFrame;
  unit: string;
  channel: string;
  line: ProfileLine;
}) {
  const profile = useMemo(() => {
    // Frame units to pixel coordinates with pixel centres at integers.
    const toPixel = (p: { u: number; v: number }) => ({ x: p.u * width - 0.5, y: p.v * height - 0.5 });
    return sampleProfile({ data, width, height }, toPixel(line.start), toPixel(line.end), {
      pixelWidth: frame.width / width,
      pixelHeight: frame.height / height,
    });
  }, [data, width, height, frame, line]);

  const plotData = useMemo(
    () =>
      [
        profile.distance,
        Array.from(profile.value, (v) => (Number.isFinite(v) ? v : null)),
      ] as uPlot.AlignedData,
    [profile],
  );
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false } },
      axes: [
        // Plain tick numbers under titles naming the prefixed unit, as on every plot of the app.
        siAxis('x', 'Distance along A → B', 'm', 44),
        siAxis('y', channel === 'Z' ? 'Height Z' : channel, unit, 64),
      ],
      series: [{}, { stroke: '#1f77b4', width: 1.5, spanGaps: false, points: { show: false } }],
    }),
    [unit, channel],
  );

  let lo = Infinity;
  let hi = -Infinity;
  for (const v of profile.value) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const length = profile.distance[profile.distance.length - 1] ?? 0;
  return (
    <div
      data-testid="profile-plot"
      data-points={profile.value.length}
      data-length={length}
      data-peak-to-valley={lo <= hi ? hi - lo : ''}
    >
      <div className="row">
        <span className="note">
          Length {formatSi(length, 'm', 4)} · {profile.value.length} samples · peak-to-valley{' '}
          {lo <= hi ? formatSi(hi - lo, unit, 4) : '—'}
        </span>
        <button
          className="secondary"
          data-testid="profile-export-csv"
          onClick={() => {
            // Comment lines say where the line lies (frame units 0…1, from the top left).
            const header = [
              `# STS Workbench · height profile · ${channel} (${unit})`,
              `# line: ${JSON.stringify(line)}`,
              `distance_m,height_${unit || 'value'}`,
            ];
            const rows = Array.from(profile.distance, (d, i) => {
              const v = profile.value[i] as number;
              return `${d},${Number.isFinite(v) ? v : ''}`;
            });
            downloadBlob(
              new Blob([[...header, ...rows].join('\n') + '\n'], { type: 'text/csv' }),
              'height-profile.csv',
            );
          }}
        >
          CSV
        </button>
      </div>
      <UPlotChart options={options} data={plotData} />
    </div>
  );
}
