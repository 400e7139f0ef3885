// Follows the watched session on every tab: bumps the app's version when a batch changed the
// library (lists, markers and the analysis reload without a page reload) and shows a subtle notice
// per new, failed or missing file that fades after a few seconds.
import { useEffect, useRef, useState } from 'react';
import type { WatchEvent } from '../../../shared/model/watch.ts';
import { useWatchStatus } from './useWatchStatus.ts';
import './watch.css';

/** ms a notice stays. */
const NOTICE_MS = 6000;
/** Notices shown at once; older ones give way. */
const MAX_NOTICES = 4;

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

  useEffect(() => {
    if (notices.length === 0) return;
    const timer = window.setTimeout(() => setNotices((shown) => shown.slice(1)), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notices]);

  if (notices.length === 0) return null;
  return (
    <div className="watch-notices" role="status" aria-live="polite" data-testid="watch-notices">
      {notices.map((event) => (
        <div key={event.seq} className={`watch-notice ${event.kind}`} data-kind={event.kind}>
          {noticeText(event)}
        </div>
      ))}
    </div>
  );
}
