// The app shell: a title bar with the library's counts and the views' tabs.
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { errorText, useLibraryInfo } from './data/libraryQueries.ts';
import {
  analysisInputsRevision,
  labelsChanged,
  libraryChanged,
  subscribeAnalysisInputs,
} from './data/queryClient.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { runInIdleSteps } from './lib/idleSteps.ts';
import { warmUpIntl } from './lib/intlWarmUp.ts';
import { StageProvider, Staged, useStagedMount, useSwitchedView } from './lib/stagedMount.tsx';
import { FIRST_RENDER_STAGES, STAGE_POLLS } from './firstRenderStages.ts';
import { ImportStatusBar } from './import/ImportStatusBar.tsx';
import { useAppImport } from './import/useAppImport.ts';
import type { ScopeRequest } from './analysis/AnalysisViews.tsx';
import type { AnalysisScope } from '../../shared/model/library.ts';
import { LibraryView } from './library/LibraryView.tsx';
import { WatchNotices } from './watch/WatchNotices.tsx';

// The views behind the other tabs are loaded when first opened: evaluating the whole bundle at
// page load was one long task (~185 ms on the bench machine).
const loadAnalysisViews = () => import('./analysis/AnalysisViews.tsx');
const AnalysisViews = lazy(() => loadAnalysisViews().then((m) => ({ default: m.AnalysisViews })));
const GridView = lazy(() => import('./grid/GridView.tsx').then((m) => ({ default: m.GridView })));
const TopographyView = lazy(() =>
  import('./topography/TopographyView.tsx').then((m) => ({ default: m.TopographyView })),
);

type ViewName = 'library' | 'topography' | 'analysis' | 'grid';
const VIEWS: Array<{ name: ViewName; title: string }> = [
  { name: 'library', title: 'Library' },
  { name: 'topography', title: 'Topography' },
  { name: 'analysis', title: 'Analysis' },
  { name: 'grid', title: 'Grid' },
];

/** The library's counts are asked for this often: an import started elsewhere (the demo on first
 * start, the CLI) shows up, and the lists reload when its counts change. */
const INFO_POLL_MS = 2000;

export function App() {
  const { chosen: view, shown, choose: setView } = useSwitchedView<ViewName>('library');
  // The plots' and the Analysis views' code is fetched and evaluated once the page is idle, so
  // the tab's first click does not wait for it, in steps that are each a short task (together
  // they were one task of 170–360 ms). First the ICU data of the Intl formatters (uPlot makes one
  // when its module is evaluated: 40–90 ms at once, ~20 ms a piece on the page), loaded by a worker
  // (ICU's caches are the process's: the page's formatters then take < 1 ms), then zod, the
  // recipe's schemas, uPlot, the Library's plot, the Analysis views.
  useEffect(
    () =>
      runInIdleSteps([
        warmUpIntl,
        () => new Intl.Collator(),
        () => new Intl.DateTimeFormat().resolvedOptions(),
        () => new Intl.NumberFormat(navigator.language).format(1),
        () => import('zod'),
        () => import('../../shared/analysis/recipe.ts'),
        () => import('./plots/UPlotChart.tsx'),
        () => import('./plots/SpectrumPlot.tsx'),
        loadAnalysisViews,
      ]),
    [],
  );
  const stage = useStagedMount(FIRST_RENDER_STAGES);
  const importState = useAppImport(libraryChanged, stage >= STAGE_POLLS);
  /** What the Analysis tab analyses, kept across tab switches. */
  const [scopeRequest, setScopeRequest] = useState<ScopeRequest | null>(null);
  const chooseScope = (scope: AnalysisScope, run: boolean): void =>
    setScopeRequest((previous) => ({ id: (previous?.id ?? 0) + 1, scope, run }));

  // The grid view still reloads its file list by a revision number (it predates the query hooks).
  const inputsRevision = useSyncExternalStore(subscribeAnalysisInputs, analysisInputsRevision);
  const { data: info, error } = useLibraryInfo(INFO_POLL_MS);
  const counts = info ? `${info.files}/${info.spectra}/${info.images}` : null;
  const seenCounts = useRef<string | null>(null);
  useEffect(() => {
    if (counts === null) return;
    if (seenCounts.current !== null && seenCounts.current !== counts) libraryChanged();
    seenCounts.current = counts;
  }, [counts]);

  return (
    <StageProvider value={stage}>
      <div className="app">
        <header className="title-bar">
          <h1>STS Workbench</h1>
          <nav role="tablist" aria-label="Views">
            {VIEWS.map((v) => (
              <button
                key={v.name}
                role="tab"
                aria-selected={v.name === view}
                data-testid={`tab-${v.name}`}
                className={v.name === view ? 'tab active' : 'tab'}
                // A transition (the next view renders in slices), mounted after the old view's
                // removal is painted (useSwitchedView): a tab switch was one long task.
                onClick={() => setView(v.name)}
              >
                {v.title}
              </button>
            ))}
          </nav>
          {info && (
            <span className="counts" data-testid="library-counts" title={info.path}>
              {info.files} files · {info.spectra} spectra · {info.images} images
            </span>
          )}
        </header>
        <ImportStatusBar state={importState} />
        {error && (
          <p role="alert" className="error">
            {errorText(error)}
          </p>
        )}
        <main role="tabpanel" aria-label={VIEWS.find((v) => v.name === view)?.title}>
          <ErrorBoundary>
            <Suspense fallback={<p className="empty">Loading the view…</p>}>
              {shown === 'library' && (
                <LibraryView
                  importState={importState}
                  onAnalyse={(scope) => {
                    chooseScope(scope, true);
                    setView('analysis');
                  }}
                />
              )}
              {shown === 'topography' && <TopographyView />}
              {shown === 'analysis' && (
                <AnalysisViews request={scopeRequest} onScope={(scope) => chooseScope(scope, false)} />
              )}
              {shown === 'grid' && <GridView version={inputsRevision} onLabelsChanged={labelsChanged} />}
            </Suspense>
          </ErrorBoundary>
        </main>
        <Staged stage={STAGE_POLLS}>
          <WatchNotices onChanged={libraryChanged} />
        </Staged>
      </div>
    </StageProvider>
  );
}
