// The analysis run every sub-view shows: the newest stored run on opening, a new one on request
// (startAnalysis computes and stores it in the server's worker; its progress is polled). Runs are
// loaded as a summary and then their per-spectrum rows page by page (loadAnalysisRun.ts): the
// newest run is shown from its summary while its rows arrive; a run made here is shown whole.
// `stale` when labels changed (the app's `version`) since the run was made; with `auto` on, a
// stale run is redone after a quiet second.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisRunView } from '../../../shared/api/contract.ts';
import type { RecipeOverrides } from '../../../shared/analysis/index.ts';
import type { AnalysisScope } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { loadAnalysisRun } from './loadAnalysisRun.ts';

export interface AnalysisRunState {
  run: AnalysisRunView | null;
  /** ms since the epoch when the running analysis started, or null when idle. */
  busySince: number | null;
  error: string | null;
  /** No run stored yet (after the first look). */
  none: boolean;
  stale: boolean;
  start(recipe: RecipeOverrides): void;
}

const AUTO_DELAY = 1200; // ms of quiet after a label change before an automatic re-run
const PROGRESS_POLL = 150; // ms between progress questions while a run computes

/** Starts a stored run and waits for it in the server's worker; its id, or the run's error. */
async function runInWorker(recipe: RecipeOverrides, scope: AnalysisScope | null): Promise<number> {
  const api = getApi();
  let progress = await api.startAnalysis({ recipe, ...(scope ? { scope } : {}) });
  while (progress.state === 'running') {
    await new Promise((resolve) => window.setTimeout(resolve, PROGRESS_POLL));
    progress = await api.getAnalysisProgress({ jobId: progress.jobId });
  }
  if (progress.state === 'done' && progress.runId !== null) return progress.runId;
  throw new Error(progress.error ?? `analysis ${progress.state}`);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `scope`: what the next run analyses (sessions or spectra); null leaves it to the server. */
export function useAnalysisRun(
  version: number,
  auto: boolean,
  recipe: RecipeOverrides,
  scope: AnalysisScope | null,
): AnalysisRunState {
  const [run, setRun] = useState<AnalysisRunView | null>(null);
  const [busySince, setBusySince] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [none, setNone] = useState(false);
  const [runVersion, setRunVersion] = useState(version);
  const busy = useRef(false);
  const scopeRef = useRef(scope);
  useEffect(() => {
    scopeRef.current = scope;
  });

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const { rows } = await getApi().listAnalysisRuns({});
        const newest = rows.reduce<number | null>((m, r) => (m === null || r.runId > m ? r.runId : m), null);
        if (newest === null) {
          if (current) setNone(true);
          return;
        }
        // The summary is shown at once (the Spectra figure needs nothing else); the rows replace
        // it when all are in, unless another run was made meanwhile.
        let summary: AnalysisRunView | null = null;
        const loaded = await loadAnalysisRun(getApi(), newest, (s) => {
          summary = s;
          if (current) setRun((existing) => existing ?? s);
        });
        // A transition: React renders the views with 10,000 rows in slices, yielding to input.
        if (current)
          startTransition(() =>
            setRun((existing) => (existing === null || existing === summary ? loaded : existing)),
          );
      } catch (e) {
        if (current) setError(message(e));
      }
    })();
    return () => {
      current = false;
    };
  }, []);

  const start = useCallback(
    (overrides: RecipeOverrides) => {
      if (busy.current) return;
      busy.current = true;
      const startedFor = version;
      setBusySince(Date.now());
      setError(null);
      runInWorker(overrides, scopeRef.current)
        .then((runId) => loadAnalysisRun(getApi(), runId))
        .then(
          (made) => {
            setRun(made);
            setNone(false);
            setRunVersion(startedFor);
          },
          (e: unknown) => setError(message(e)),
        )
        .finally(() => {
          busy.current = false;
          setBusySince(null);
        });
    },
    [version],
  );

  const stale = run !== null && runVersion !== version;
  const recipeKey = JSON.stringify(recipe);
  useEffect(() => {
    if (!auto || !stale) return;
    const timer = window.setTimeout(() => start(JSON.parse(recipeKey) as RecipeOverrides), AUTO_DELAY);
    return () => window.clearTimeout(timer);
  }, [auto, stale, start, recipeKey]);

  return { run, busySince, error, none, stale, start };
}
