// The answers the Library's first view shows (the title bar's counts, labels, sessions, the watch
// status, the tables' first pages) asked for while React DOM's code loads, each request started
// in a task of its own: the first commit's effects then find them in the cache or in flight.
// Started from those effects, the requests (with the API client's set-up and the page's first
// fetch) were one task of 70–96 ms on the 2-core bench machine at load ~4.
import { labelsQuery, libraryInfoQuery, sessionsQuery } from './libraryQueries.ts';
import { queryClient } from './queryClient.ts';
import { runOnePerTask } from '../lib/taskSteps.ts';
import { watchStatusQuery } from '../watch/useWatchStatus.ts';
import { filesPageQuery, spectraPageQuery } from '../library/listPages.ts';

// prefetchQuery never rejects: a failed request is the view's to show (its hook asks again).
const FIRST_VIEW: ReadonlyArray<() => Promise<void>> = [
  () => queryClient.prefetchQuery(libraryInfoQuery),
  () => queryClient.prefetchQuery(labelsQuery),
  () => queryClient.prefetchQuery(sessionsQuery),
  () => queryClient.prefetchQuery(watchStatusQuery),
  // The tables' first pages, unfiltered (as the tables open).
  () => queryClient.prefetchQuery(filesPageQuery({}, 0)),
  () => queryClient.prefetchQuery(spectraPageQuery({}, 0)),
];

/** Starts the first view's queries, one per task (a timeout apart). */
export function prefetchFirstView(): void {
  runOnePerTask(FIRST_VIEW.map((prefetch) => () => void prefetch()));
}
