// The analysis run every sub-view shows: the newest stored run on opening, a new one on request
// (runAnalysis stores it with its recipe). `stale` when labels changed (the app's `version`)
// since the run was made; with `auto` on, a stale run is redone after a quiet second.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisRunView } from '../../../shared/api/contract.ts';
import type { RecipeOverrides } from '../../../shared/analysis/index.ts';
import type { AnalysisScope } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';

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
        const loaded = await getApi().getAnalysisRun({ runId: newest });
        if (current) setRun((existing) => existing ?? loaded);
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
      getApi()
        .runAnalysis({ recipe: overrides, ...(scopeRef.current ? { scope: scopeRef.current } : {}) })
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
