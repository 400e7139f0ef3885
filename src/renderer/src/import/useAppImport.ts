// The app's import state, above the tabs: start an import, follow it by polling the server's run
// (the same on IPC and the HTTP bridge), cancel it from any tab. On load it asks the server for the
// running import, so progress and Cancel survive tab switches and page reloads — and an import
// started elsewhere (the demo on first start, another window) shows too.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { mergeProgress } from './mergeProgress.ts';

/** How often progress is asked for while an import runs, and otherwise, milliseconds. */
const RUNNING_POLL_MS = 250;
const IDLE_POLL_MS = 2000;

export interface ImportState {
  progress: ImportProgress | null;
  /** The paths the shown run imports. */
  paths: string[];
  error: string | null;
  running: boolean;
  start(paths: string[]): void;
  cancel(): void;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `polling`: false until the page's first render is done (App.tsx stages), then true. */
export function useAppImport(onFinished: () => void, polling = true): ImportState {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [paths, setPaths] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });
  const running = progress?.state === 'running';
  /** The run whose end was already announced, so onFinished fires once per run. */
  const announced = useRef<number | null>(null);

  /** The progress held so far: a running run's polls ask only for what is new. */
  const held = useRef<ImportProgress | null>(null);
  const poll = useCallback(() => {
    const known = held.current;
    const request =
      running && known
        ? getApi()
            .getImportProgress({
              runId: known.runId,
              since: { skipped: known.report.skipped.length, failed: known.report.failed.length },
            })
            .then((delta) => ({ progress: mergeProgress(known, delta), paths: null }))
        : getApi().getCurrentImport({});
    request.then(
      (current) => {
        const next = current.progress;
        held.current = next;
        setProgress(next);
        if (current.paths) setPaths(current.paths);
        if (next && next.state !== 'running' && announced.current !== next.runId) {
          // The first look after a reload finds an old finished run: nothing new to reload.
          if (announced.current !== null || running) finished.current();
          announced.current = next.runId;
        }
      },
      (e: unknown) => setError(message(e)),
    );
  }, [running]);

  useEffect(() => {
    if (!polling) return;
    poll();
    const timer = window.setInterval(poll, running ? RUNNING_POLL_MS : IDLE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [poll, running, polling]);

  const start = useCallback(
    (chosen: string[]) => {
      setError(null);
      getApi()
        .startImport({ paths: chosen })
        .then(
          () => {
            announced.current = -1; // the new run's end must be announced
            poll();
          },
          (e: unknown) => setError(message(e)),
        );
    },
    [poll],
  );

  const cancel = useCallback(() => {
    if (progress) void getApi().cancelImport({ runId: progress.runId }).then(poll);
  }, [progress, poll]);

  return { progress, paths, error, running, start, cancel };
}
