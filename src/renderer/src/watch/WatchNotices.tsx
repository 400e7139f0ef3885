// Follows the watched session on every tab: bumps the app's version when a batch changed the
// library (lists, markers and the analysis reload without a page reload) and shows a subtle notice
// per new, failed or missing file that fades after a few seconds. A new sweep with a quality flag
// of its own (saturated, tip change, too few points) is named in its notice, which then stays
// until dismissed: the user should see it while still at the instrument.
import { useEffect, useRef, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { WatchEvent } from '../../../shared/model/watch.ts';
import { queryKeys } from '../data/queryClient.ts';
import { flaggedSweepText, flaggedSweepsOf } from './newFileFlags.ts';
import type { FlaggedSweep } from './newFileFlags.ts';
import { useWatchStatus } from './useWatchStatus.ts';
import './watch.css';

/** ms a notice stays. */
const NOTICE_MS = 6000;
/** Notices shown at once; older ones give way. */
const MAX_NOTICES = 4;
/** Files with more sweeps than this (grids) are not checked in the renderer: too long for a notice. */
const MAX_CHECKED_SWEEPS = 64;

/** Whether a notice's file is checked for flagged sweeps. */
function checked(event: WatchEvent): boolean {
  return (
    (event.kind === 'imported' || event.kind === 'updated') &&
    event.spectra > 0 &&
    event.spectra <= MAX_CHECKED_SWEEPS
  );
}

function noticeText(event: WatchEvent): string {
  const held = [
    event.spectra > 0 ? `${event.spectra} spectra` : '',
    event.images > 0 ? `${event.images} images` : '',
  ]
    .filter(Boolean)
    .join(', ');
  switch (event.kind) {
    case 'imported':
      return `New ${event.name}${held ? ` · ${held}` : ''}`;
    case 'updated':
      return `Updated ${event.name}${held ? ` · ${held}` : ''}`;
    case 'in-progress':
      return `${event.name} in progress${held ? ` · ${held} so far` : ''}`;
    case 'renamed':
      return `Renamed to ${event.name}`;
    case 'missing':
      return `${event.name} is gone from disk (kept, with its labels)`;
    case 'failed':
      return `${event.name} could not be read: ${event.detail}`;
  }
}

export function WatchNotices({ onChanged }: { onChanged: () => void }) {
  const [status] = useWatchStatus();
  const [notices, setNotices] = useState<WatchEvent[]>([]);
  const lastVersion = useRef<number | null>(null);
  const lastSeq = useRef<number | null>(null);

  useEffect(() => {
    if (!status) return;
    if (lastVersion.current !== null && status.version !== lastVersion.current) onChanged();
    lastVersion.current = status.version;
    const newest = status.events.at(-1)?.seq ?? 0;
    // Events from before this page loaded are history, not news.
    if (lastSeq.current !== null) {
      const fresh = status.events.filter((e) => e.seq > (lastSeq.current ?? 0));
      if (fresh.length > 0) setNotices((shown) => [...shown, ...fresh].slice(-MAX_NOTICES));
    }
    lastSeq.current = Math.max(lastSeq.current ?? 0, newest);
  }, [status, onChanged]);

  const flagged = useQueries({
    queries: notices.map((event) => ({
      queryKey: queryKeys.watchFlags(event.path, event.seq),
      queryFn: () => flaggedSweepsOf(event.path, event.name),
      enabled: checked(event),
    })),
  });
  /** The flagged sweeps of each notice (same order): null while unknown or not checked. */
  const flagsOf: Array<FlaggedSweep[] | null> = flagged.map((q) => q.data ?? null);
  // The oldest notice that may fade: not one with flagged sweeps, nor one still being checked.
  const fading = notices.findIndex(
    (event, i) =>
      !(flagsOf[i]?.length ?? 0) && !(checked(event) && flagsOf[i] === null && !flagged[i]?.isError),
  );
  const fadingSeq = fading >= 0 ? notices[fading]!.seq : null;

  useEffect(() => {
    if (fadingSeq === null) return;
    const timer = window.setTimeout(
      () => setNotices((shown) => shown.filter((e) => e.seq !== fadingSeq)),
      NOTICE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [fadingSeq]);

  if (notices.length === 0) return null;
  return (
    <div className="watch-notices" role="status" aria-live="polite" data-testid="watch-notices">
      {notices.map((event, i) => {
        const sweeps = flagsOf[i] ?? [];
        return (
          <div
            key={event.seq}
            className={`watch-notice ${event.kind}${sweeps.length > 0 ? ' flagged' : ''}`}
            data-kind={event.kind}
            data-testid={sweeps.length > 0 ? 'watch-notice-flagged' : undefined}
            data-check={
              !checked(event)
                ? 'none'
                : flagged[i]?.isError
                  ? `error: ${String(flagged[i]?.error)}`
                  : flagsOf[i] === null
                    ? 'pending'
                    : `${sweeps.length} flagged`
            }
          >
            {noticeText(event)}
            {sweeps.length > 0 && (
              <>
                {' · flagged: '}
                {sweeps.map(flaggedSweepText).join('; ')}
                <button
                  className="dismiss"
                  aria-label={`Dismiss the notice about ${event.name}`}
                  onClick={() => setNotices((shown) => shown.filter((e) => e.seq !== event.seq))}
                >
                  ×
                </button>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
