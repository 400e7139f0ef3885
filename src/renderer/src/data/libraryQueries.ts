// Query hooks for the lists every tab shares. Each names its cache key once (queryKeys) so the
// invalidations in queryClient.ts reach it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { LabelRow, SessionRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { analysisInputsRevision, queryKeys, subscribeAnalysisInputs } from './queryClient.ts';

const NONE: never[] = [];

export function errorText(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  return error instanceof Error ? error.message : String(error);
}

// Each query's key and function, for its hook and for prefetching (firstViewQueries.ts).
export const libraryInfoQuery = queryOptions({
  queryKey: queryKeys.libraryInfo(),
  queryFn: () => getApi().getLibraryInfo({}),
});
export const labelsQuery = queryOptions({
  queryKey: queryKeys.labels(),
  queryFn: async (): Promise<LabelRow[]> => (await getApi().listLabels({})).rows,
});
export const sessionsQuery = queryOptions({
  queryKey: queryKeys.sessions(),
  queryFn: async (): Promise<SessionRow[]> => (await getApi().listSessions({})).rows,
});

/** The library's path, counts and app version; `pollMs` also refetches it that often. */
export function useLibraryInfo(pollMs?: number) {
  return useQuery({ ...libraryInfoQuery, ...(pollMs ? { refetchInterval: pollMs } : {}) });
}

/** The library's labels (name, colour, count); empty while loading. */
export function useLabels(): LabelRow[] {
  const { data } = useQuery(labelsQuery);
  return data ?? NONE;
}

/** Sessions, newest first; empty while loading. */
export function useSessions(): { rows: SessionRow[]; error: string | null } {
  const { data, error } = useQuery(sessionsQuery);
  return { rows: data ?? NONE, error: errorText(error) };
}

/** Changes to what analysis runs read since the page loaded (see queryClient.ts). */
export function useAnalysisInputsRevision(): number {
  return useSyncExternalStore(subscribeAnalysisInputs, analysisInputsRevision);
}

/**
 * Why the library cannot take writes (opened read-only: a read-only disk), to disable what would
 * write and say so in its title; null when it can.
 */
export function useReadOnlyReason(what: string): string | null {
  const { data } = useLibraryInfo();
  return data?.readOnly
    ? `The library is read-only (${data.path}): ${what} needs write access. Copy it to a writable disk to change it.`
    : null;
}
