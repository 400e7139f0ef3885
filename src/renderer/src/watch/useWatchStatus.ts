// Polls the library's watch status: cheap (a version number and at most 50 small events), so a
// short interval keeps the views within a second of each import batch. One query for every view
// that shows it (the panel and the notices share one poll).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { WatchStatus } from '../../../shared/model/watch.ts';
import { getApi } from '../api.ts';
import { queryClient, queryKeys } from '../data/queryClient.ts';

/** ms between polls. */
const POLL_MS = 400;

/** The status query's key and function, for the hook and for prefetching (firstViewQueries.ts). */
export const watchStatusQuery = queryOptions({
  queryKey: queryKeys.watchStatus(),
  queryFn: () => getApi().getWatchStatus({}),
});

/** The status (null until the first answer) and a setter for an answer a view got itself (start/stop). */
export function useWatchStatus(): [WatchStatus | null, (next: WatchStatus) => void] {
  const { data } = useQuery({
    ...watchStatusQuery,
    refetchInterval: POLL_MS,
    // A missed poll keeps the last status and is retried on the next tick.
    retry: false,
  });
  const set = useCallback((next: WatchStatus) => queryClient.setQueryData(queryKeys.watchStatus(), next), []);
  return [data ?? null, set];
}
