// Regions by threshold and/or drawing: the pixels whose shown value lies in [min, max] (empty =
// unbounded) and, when a box or lasso is drawn, whose centres it encloses, get a label, so they join
// the group analysis like point spectra (each pixel a spot: its forward sweep in the library).
import { useMemo, useState } from 'react';
import type { ApiInput } from '../../../shared/api/contract.ts';
import type { FileRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';

/** Rows asked for per listSpectra call (the bridge's largest page). */
const SPECTRA_PAGE = 100_000;

/** A pixel with a value in [lo, hi] (empty: unbounded), inside the drawn region when there is one. */
function insideRegion(
  values: Float64Array,
  lo: string,
  hi: string,
  drawn: ReadonlySet<number> | null,
  pixel: number,
): boolean {
  const v = values[pixel]!;
  return (
    Number.isFinite(v) &&
    (lo === '' || v >= Number(lo)) &&
    (hi === '' || v <= Number(hi)) &&
    (drawn === null || drawn.has(pixel))
  );
}

export function GridRegionLabel({
  file,
  values,
  width,
  unit,
  drawn,
  onClearDrawn,
  onLabelled,
}: {
  /** The grid's file in the library: its pixels are labelled through its spectra rows. */
  file: FileRow | null;
  values: Float64Array;
  width: number;
  unit: string;
  /** Pixels inside the drawn box or lasso, or null when none is drawn. */
  drawn: ReadonlySet<number> | null;
  onClearDrawn(): void;
  onLabelled(): void;
}) {
  const [lo, setLo] = useState('');
  const [hi, setHi] = useState('');
  const [label, setLabel] = useState('core');
  const [message, setMessage] = useState<string | null>(null);
  const inside = (pixel: number): boolean => insideRegion(values, lo, hi, drawn, pixel);
  // Counted once per change of the map or the region, not at every render of the view (hover).
  const count = useMemo(() => {
    let n = 0;
    for (let p = 0; p < values.length; p++) if (insideRegion(values, lo, hi, drawn, p)) n++;
    return n;
  }, [values, lo, hi, drawn]);
  const apply = async () => {
    if (file === null) return;
    const fileId = file.id;
    // Every page of the grid's rows: a 256 × 256 grid has 131,072 (forward and backward).
    const ids: number[] = [];
    let after: ApiInput<'listSpectra'>['after'];
    do {
      const page = await getApi().listSpectra({ fileId, limit: SPECTRA_PAGE, after });
      for (const row of page.rows)
        if (row.gridIndex !== null && row.direction === 'forward' && !row.isAverage && inside(row.gridIndex))
          ids.push(row.id);
      after = page.next ?? undefined;
    } while (after);
    if (ids.length === 0) {
      // Z grids and grids too large for pixel rows are handled below (no Label button); a grid
      // whose stored rows carry no pixel index (imported by an older version) ends up here.
      setMessage(
        `none of this grid’s ${file.spectra.toLocaleString('en-US')} library spectra is a forward sweep of these pixels (stored without pixel indices by an older version: importing the folder with this version stores them)`,
      );
      return;
    }
    const { changed } = await getApi().setLabel({ spectrumIds: ids, label });
    setMessage(`${changed} pixels labelled ${label}`);
    onLabelled();
  };
  // A Z grid, or one too large for its pixels to be spectra rows: nothing to label (the reason is
  // the file's note, as the Library shows it).
  if (file !== null && file.spectra === 0)
    return (
      <p className="note" data-testid="grid-region-unavailable">
        Region labels need the pixels as library spectra; this grid has none
        {file.notIv || file.error ? `: ${file.notIv ?? file.error}` : '.'}
      </p>
    );
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
      {drawn ? (
        <span className="note" data-testid="grid-region-drawn">
          drawn region: {drawn.size} pixels <button onClick={onClearDrawn}>Clear</button>
        </span>
      ) : (
        <span className="note">(or drag a box or lasso on the map; {width} px per row)</span>
      )}
    </div>
  );
}
