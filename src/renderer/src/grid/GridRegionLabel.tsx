// Regions by threshold: the pixels whose shown value lies in [min, max] get a label, so they join
// the group analysis like point spectra (each pixel a spot: its forward sweep in the library).
import { useState } from 'react';
import { getApi } from '../api.ts';
import { appLabelHistory } from '../labels/appLabelHistory.ts';

export function GridRegionLabel({
  fileId,
  values,
  width,
  unit,
}: {
  fileId: number | null;
  values: Float64Array;
  width: number;
  unit: string;
}) {
  const [lo, setLo] = useState('');
  const [hi, setHi] = useState('');
  const [label, setLabel] = useState('core');
  const [message, setMessage] = useState<string | null>(null);
  const inside = (v: number) =>
    Number.isFinite(v) && (lo === '' || v >= Number(lo)) && (hi === '' || v <= Number(hi));
  const count = values.reduce((n, v) => n + (inside(v) ? 1 : 0), 0);
  const apply = async () => {
    if (fileId === null) return;
    const page = await getApi().listSpectra({ fileId, limit: 100_000 });
    const rows = page.rows.filter(
      (row) =>
        row.gridIndex !== null &&
        row.direction === 'forward' &&
        !row.isAverage &&
        inside(values[row.gridIndex]!),
    );
    if (rows.length === 0) {
      setMessage('no library spectra for these pixels (is the grid imported as I–V spectra?)');
      return;
    }
    // Through the app's one label history: undo/redo on any tab, every view reloads.
    await appLabelHistory.apply(
      rows.map((row) => row.id),
      label,
      new Map(rows.map((row) => [row.id, row.label])),
    );
    setMessage(`${rows.length} pixels labelled ${label}`);
  };
  return (
    <div className="grid-controls" data-testid="grid-region">
      <span>Region</span>
      <label>
        min{' '}
        <input
          data-testid="grid-region-min"
          value={lo}
          onChange={(e) => setLo(e.target.value)}
          style={{ width: 80 }}
          placeholder={unit}
        />
      </label>
      <label>
        max{' '}
        <input
          data-testid="grid-region-max"
          value={hi}
          onChange={(e) => setHi(e.target.value)}
          style={{ width: 80 }}
          placeholder={unit}
        />
      </label>
      <label>
        label{' '}
        <input
          data-testid="grid-region-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          style={{ width: 100 }}
        />
      </label>
      <button
        data-testid="grid-region-apply"
        disabled={count === 0 || label.trim() === ''}
        onClick={() => void apply()}
      >
        Label {count} pixels
      </button>
      {message && (
        <span className="note" data-testid="grid-region-message">
          {message}
        </span>
      )}
      <span className="note">({width} px per row)</span>
    </div>
  );
}
