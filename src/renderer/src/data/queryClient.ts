// The renderer's data cache (TanStack Query): every read of the library goes through a query with
// a key from `queryKeys`, and every change the renderer makes (or sees: an import, a watched batch)
// invalidates the keys whose answers it changes. Nothing refetches on its own (only the watch
// status and, while asked, the library info are polled): data is fresh until a change says otherwise.
import { QueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false },
  },
});

/**
 * Cache keys. The first segment names what the answer depends on, so a change invalidates by
 * segment: 'library' answers change with imports and sessions, and the labelled ones (second
 * segment in LABELLED) with labels too; 'exclusions' with hand exclusions; 'seriesEdits' with series
 * split or joined by hand; 'runs' with analysis runs.
 */
export const queryKeys = {
  libraryInfo: () => ['library', 'info'] as const,
  files: (filter: object, page: number) => ['library', 'files', filter, page] as const,
  spectra: (filter: object, page: number) => ['library', 'spectra', filter, page] as const,
  labels: () => ['library', 'labels'] as const,
  sessions: () => ['library', 'sessions'] as const,
  images: (filter: object) => ['library', 'images', filter] as const,
  spectraInFrame: (imageId: number) => ['library', 'spectraInFrame', imageId] as const,
  spectrum: (id: number) => ['library', 'spectrum', id] as const,
  plotCurves: (ids: readonly number[], signal: string, settings: object) =>
    ['library', 'plotCurves', ids, signal, settings] as const,
  /** A watch event's flagged sweeps: fixed once found (the event names one batch's file). */
  watchFlags: (path: string, seq: number) => ['watchFlags', path, seq] as const,
  gridFrames: (imageId: number) => ['library', 'gridFrames', imageId] as const,
  /** The folder watch's state: polled (useWatchStatus), one query for every view showing it. */
  watchStatus: () => ['watchStatus'] as const,
  exclusions: () => ['exclusions'] as const,
  seriesEdits: () => ['seriesEdits'] as const,
  runs: () => ['runs'] as const,
};

/** Second key segments of the 'library' answers a label change alters (label columns and counts). */
const LABELLED = new Set(['spectra', 'labels', 'sessions', 'spectraInFrame']);

function isLabelled(query: Query): boolean {
  const [domain, what] = query.queryKey;
  return domain === 'library' && typeof what === 'string' && LABELLED.has(what);
}

/**
 * Counts changes to what an analysis run reads (labels, exclusions, series edits, spectra): the analysis hooks
 * compare it with the count their run was made at to mark the run stale.
 */
let analysisInputRevision = 0;
const revisionListeners = new Set<() => void>();
function bumpAnalysisInputs(): void {
  analysisInputRevision++;
  for (const listener of revisionListeners) listener();
}
export function subscribeAnalysisInputs(listener: () => void): () => void {
  revisionListeners.add(listener);
  return () => revisionListeners.delete(listener);
}
export function analysisInputsRevision(): number {
  return analysisInputRevision;
}

/** Labels were set, undone, redone or imported from a CSV. */
export function labelsChanged(): void {
  void queryClient.invalidateQueries({ predicate: isLabelled });
  bumpAnalysisInputs();
}

/** A stored choice per spectrum (a hand exclusion, a series edit) was set or cleared: its list is `queryKey`. */
export function storedChoicesChanged(queryKey: readonly unknown[]): void {
  void queryClient.invalidateQueries({ queryKey });
  bumpAnalysisInputs();
}

/** Files came or went (an import, a watched batch) or sessions were renamed, merged or deleted. */
export function libraryChanged(): void {
  void queryClient.invalidateQueries({ queryKey: ['library'] });
  bumpAnalysisInputs();
}

/** An analysis run was stored. */
export function runsChanged(): void {
  void queryClient.invalidateQueries({ queryKey: ['runs'] });
}
