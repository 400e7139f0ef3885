// Spectra inside the image's frame (both directions) and the library's labels, as queries that
// every label change invalidates (queryClient.ts); markers are derived from them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ImageRow, SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { errorText, useLabels } from '../data/libraryQueries.ts';
import { queryKeys } from '../data/queryClient.ts';
import { groupMarkers } from './markers.ts';

const NO_ROWS: SpectrumRow[] = [];

export function useMarkers(image: ImageRow | null) {
  const queryClient = useQueryClient();
  const labels = useLabels();
  const imageId = image?.id ?? null;
  const { data: rows = NO_ROWS, error } = useQuery({
    queryKey: queryKeys.spectraInFrame(imageId ?? 0),
    queryFn: async () => (await getApi().listSpectraInFrame({ imageId: imageId ?? 0 })).rows,
    enabled: imageId !== null,
  });

  const frame = image?.frame ?? null;
  const markers = useMemo(() => (frame ? groupMarkers(rows, frame) : []), [rows, frame]);

  /** Shows a label change at once, before the library answers (the invalidation then confirms it). */
  const assumeLabels = useCallback(
    (labelOf: ReadonlyMap<number, string | null>) => {
      if (imageId === null) return;
      queryClient.setQueryData<SpectrumRow[]>(queryKeys.spectraInFrame(imageId), (previous) =>
        previous?.map((row) => (labelOf.has(row.id) ? { ...row, label: labelOf.get(row.id) ?? null } : row)),
      );
    },
    [queryClient, imageId],
  );

  return { rows: imageId === null ? NO_ROWS : rows, labels, markers, error: errorText(error), assumeLabels };
}
