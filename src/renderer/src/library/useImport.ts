// Starts an import and follows it by polling (the same on IPC and the HTTP bridge).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';

/** How often progress is asked for while an import runs, milliseconds. */
const POLL_MS = 200;

export interface ImportState {
  progress: ImportProgress | null;
  error: string | null;
  start(paths: string[]): void;
  cancel(): void;
}

export function useImport(onFinished: () => void): ImportState {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const stopPolling = (): void => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const follow = useCallback((runId: number) => {
    stopPolling();
    // Each poll asks only for the skipped/failed entries after those already held.
    let held: ImportProgress | null = null;
    timer.current = window.setInterval(() => {
      const since = held
        ? { skipped: held.report.skipped.length, failed: held.report.failed.length }
        : undefined;
      getApi()
        .getImportProgress({ runId, since })
        .then((delta) => {
          const next = mergeProgress(held, delta);
          held = next;
          setProgress(next);
          if (next.state !== 'running') {
            stopPolling();
            finished.current();
          }
        })
        .catch((e: unknown) => {
          stopPolling();
          setError(e instanceof Error ? e.message : String(e));
        });
    }, POLL_MS);
  }, []);

  const start = useCallback(
    (paths: string[]) => {
      setError(null);
      setProgress(null);
      getApi()
        .startImport({ paths })
        .then(({ runId }) => follow(runId))
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    },
    [follow],
  );

  const cancel = useCallback(() => {
    if (progress) void getApi().cancelImport({ runId: progress.runId });
  }, [progress]);

  return { progress, error, start, cancel };
}

/** The held progress with a poll's answer: its lists appended where they start (reportFrom). */
function mergeProgress(held: ImportProgress | null, delta: ImportProgress): ImportProgress {
  const from = delta.reportFrom ?? { skipped: 0, failed: 0 };
  const keep = held?.report ?? { skipped: [], failed: [] };
  return {
    ...delta,
    report: {
      ...delta.report,
      skipped: [...keep.skipped.slice(0, from.skipped), ...delta.report.skipped],
      failed: [...keep.failed.slice(0, from.failed), ...delta.report.failed],
    },
    reportFrom: { skipped: 0, failed: 0 },
  };
}
