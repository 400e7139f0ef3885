// The app shell: a title bar with the library's counts and the views' tabs.
import { useCallback, useEffect, useState } from 'react';
import type { LibraryInfo } from '../../shared/model/library.ts';
import { getApi } from './api.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ImportStatusBar } from './import/ImportStatusBar.tsx';
import { useAppImport } from './import/useAppImport.ts';
import { useLabelHistoryState } from './labels/appLabelHistory.ts';
import { AnalysisViews } from './analysis/AnalysisViews.tsx';
import { GridView } from './grid/GridView.tsx';
import type { ScopeRequest } from './analysis/AnalysisViews.tsx';
import type { AnalysisScope } from '../../shared/model/library.ts';
import { LibraryView } from './library/LibraryView.tsx';
import { TopographyView } from './topography/TopographyView.tsx';
import { WatchNotices } from './watch/WatchNotices.tsx';

type ViewName = 'library' | 'topography' | 'analysis' | 'grid';
const VIEWS: Array<{ name: ViewName; title: string }> = [
  { name: 'library', title: 'Library' },
  { name: 'topography', title: 'Topography' },
  { name: 'analysis', title: 'Analysis' },
  { name: 'grid', title: 'Grid' },
];

export function App() {
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<ViewName>('library');
  /** Bumped after each import so lists reload. */
  const [version, setVersion] = useState(0);
  /** Label changes (on any tab, undo and redo included) reload the views too. */
  const dataVersion = version + useLabelHistoryState().revision;
  const importState = useAppImport(() => setVersion((v) => v + 1));
  /** What the Analysis tab analyses, kept across tab switches. */
  const [scopeRequest, setScopeRequest] = useState<ScopeRequest | null>(null);
  const chooseScope = (scope: AnalysisScope, run: boolean): void =>
    setScopeRequest((previous) => ({ id: (previous?.id ?? 0) + 1, scope, run }));

  const refresh = useCallback(() => {
    getApi()
      .getLibraryInfo({})
      .then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(refresh, [refresh, version]);
  const bumpVersion = useCallback(() => setVersion((v) => v + 1), []);
  // An import may also have been started elsewhere (the demo session on first start, the CLI):
  // follow the counts and reload the lists when they change.
  useEffect(() => {
    const timer = window.setInterval(() => {
      void getApi()
        .getLibraryInfo({})
        .then((next) => {
          setInfo((previous) => {
            if (previous && (previous.files !== next.files || previous.spectra !== next.spectra))
              setVersion((v) => v + 1);
            return next;
          });
        });
    }, 2000);
    return () => window.clearInterval(timer);
  }, []);

  return (
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
          {error}
        </p>
      )}
      <main role="tabpanel" aria-label={VIEWS.find((v) => v.name === view)?.title}>
        <ErrorBoundary>
          {view === 'library' && (
            <LibraryView
              version={dataVersion}
              importState={importState}
              onImported={() => setVersion((v) => v + 1)}
              onAnalyse={(scope) => {
                chooseScope(scope, true);
                setView('analysis');
              }}
            />
          )}
          {view === 'topography' && (
            <TopographyView version={dataVersion} onLabelsChanged={() => setVersion((v) => v + 1)} />
          )}
          {view === 'analysis' && (
            <AnalysisViews
              version={dataVersion}
              request={scopeRequest}
              onScope={(scope) => chooseScope(scope, false)}
            />
          )}
          {view === 'grid' && (
            <GridView version={dataVersion} onLabelsChanged={() => setVersion((v) => v + 1)} />
          )}
        </ErrorBoundary>
      </main>
      <WatchNotices onChanged={bumpVersion} />
    </div>
  );
}
