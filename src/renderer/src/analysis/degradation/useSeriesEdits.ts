// The library's series edits (split or joined by hand, stored by setSeriesEdit) for the Degradation
// view, as stored choices (useStoredChoices).
import type { SeriesEdit } from '../../../../shared/api/contract.ts';
import { getApi } from '../../api.ts';
import { queryKeys } from '../../data/queryClient.ts';
import { useStoredChoices } from '../choices/useStoredChoices.ts';
import type { ChoiceSource, StoredChoices } from '../choices/useStoredChoices.ts';

export type SeriesEdits = StoredChoices<SeriesEdit['action']>;

const SERIES_EDITS: ChoiceSource<SeriesEdit['action']> = {
  queryKey: queryKeys.seriesEdits(),
  list: async () => (await getApi().listSeriesEdits({})).edits,
  store: async (input) => (await getApi().setSeriesEdit(input)).edits,
};

export function useSeriesEdits(): SeriesEdits {
  return useStoredChoices(SERIES_EDITS);
}
