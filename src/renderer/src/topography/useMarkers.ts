// Spectra inside the image's frame (both directions) and the library's labels, reloaded after
// every label change; markers are derived from them.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImageRow, LabelRow, SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { groupMarkers } from './markers.ts';

export function useMarkers(image: ImageRow | null, version: number) {
  const [rows, setRows] = useState<SpectrumRow[]>([]);
  const [labels, setLabels] = useState<LabelRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const imageId = image?.id ?? null;

  useEffect(() => {
    let current = true;
    const fail = (e: unknown): void => {
      if (current) setError(e instanceof Error ? e.message : String(e));
    };
    getApi()
      .listLabels({})
      .then(({ rows: next }) => current && setLabels(next), fail);
    if (imageId === null) setRows([]);
    else
      getApi()
        .listSpectraInFrame({ imageId })
        .then(({ rows: next }) => current && setRows(next), fail);
    return () => {
      current = false;
    };
  }, [imageId, version, reloads]);

  const frame = image?.frame ?? null;
  const markers = useMemo(() => (frame ? groupMarkers(rows, frame) : []), [rows, frame]);

  /** Shows a label change at once, before the library answers (reload() then confirms it). */
  const assumeLabels = useCallback((labelOf: ReadonlyMap<number, string | null>) => {
    setRows((previous) =>
      previous.map((row) => (labelOf.has(row.id) ? { ...row, label: labelOf.get(row.id) ?? null } : row)),
    );
  }, []);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { rows, labels, markers, error, assumeLabels, reload };
}
