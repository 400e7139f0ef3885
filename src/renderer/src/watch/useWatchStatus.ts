// Polls the library's watch status: cheap (a version number and at most 50 small events), so a
// short interval keeps the views within a second of each import batch.
import { useEffect, useState } from 'react';
import type { WatchStatus } from '../../../shared/model/watch.ts';
import { getApi } from '../api.ts';

/** ms between polls. */
const POLL_MS = 400;

export function useWatchStatus(): [WatchStatus | null, (next: WatchStatus) => void] {
  const [status, setStatus] = useState<WatchStatus | null>(null);
  useEffect(() => {
    let live = true;
    const poll = (): void => {
      void getApi()
        .getWatchStatus({})
        .then(
          (next) => live && setStatus(next),
          () => undefined, // a missed poll is retried on the next tick
        );
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return [status, setStatus];
}
