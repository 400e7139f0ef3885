// The library's series edits (split or joined by hand, stored by setSeriesEdit) for the Degradation
// view: the stored list, a save that shows at once and then takes the server's list, and the
// spectra changed since the shown run (the next run applies them).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SeriesEdit } from '../../../../shared/api/contract.ts';
import { getApi } from '../../api.ts';
import { errorText } from '../../data/libraryQueries.ts';
import { queryKeys, seriesEditsChanged } from '../../data/queryClient.ts';

const NO_EDITS: SeriesEdit[] = [];

export interface SeriesEdits {
  edits: SeriesEdit[];
  error: string | null;
  /** Spectra whose edit changed since the view opened (not yet in the shown run). */
  changed: number;
  save(spectrumId: number, action: SeriesEdit['action'] | 'clear', note: string): Promise<void>;
  /** The changes went into a new run. */
  applied(): void;
}

export function useSeriesEdits(): SeriesEdits {
  const queryClient = useQueryClient();
  const { data: edits = NO_EDITS, error: loadError } = useQuery({
    queryKey: queryKeys.seriesEdits(),
    queryFn: async () => (await getApi().listSeriesEdits({})).edits,
  });
  const [changed, setChanged] = useState<ReadonlySet<number>>(new Set());
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = (spectrumId: number, action: SeriesEdit['action'] | 'clear', note: string): Promise<void> => {
    setSaveError(null);
    // A fetch of the list already under way would answer with the list before this change.
    void queryClient.cancelQueries({ queryKey: queryKeys.seriesEdits() });
    queryClient.setQueryData<SeriesEdit[]>(queryKeys.seriesEdits(), (previous = []) => [
      ...previous.filter((e) => e.spectrumId !== spectrumId),
      ...(action === 'clear' ? [] : [{ spectrumId, action, note, updatedAt: new Date().toISOString() }]),
    ]);
    return getApi()
      .setSeriesEdit({ spectrumId, action, note })
      .then(
        ({ edits: saved }) => {
          queryClient.setQueryData(queryKeys.seriesEdits(), saved);
          setChanged((c) => new Set(c).add(spectrumId));
          seriesEditsChanged();
        },
        (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
      );
  };

  return {
    edits,
    error: saveError ?? errorText(loadError),
    changed: changed.size,
    save,
    applied: () => setChanged(new Set()),
  };
}
