// The Analysis tab: a recipe bar and one stored analysis run shared by six sub-views (Spectra,
// Band edges, Trap windows, Degradation, Band diagram, Quality & exclusions), given to them by
// AnalysisContext. When labels, exclusions or the library change (on any tab) the run is marked
// stale and redone on request or automatically.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AnalysisScope } from '../../../shared/model/library.ts';
import { useAnalysisInputsRevision, useSessions } from '../data/libraryQueries.ts';
import { AnalysisContext } from './AnalysisContext.tsx';
import { BandEdgesView } from './edges/BandEdgesView.tsx';
import { BandDiagramView } from './diagram/BandDiagramView.tsx';
import { DegradationView } from './degradation/DegradationView.tsx';
import { QualityView } from './quality/QualityView.tsx';
import { RecipeBar } from './RecipeBar.tsx';
import { defaultScope, ScopePicker, scopeText } from './ScopePicker.tsx';
import { formFromRecipe, overridesOf } from './recipeForm.ts';
import { rowsLoaded } from './loadAnalysisRun.ts';
import { runStaleness } from './runStaleness.ts';
import type { RecipeForm } from './recipeForm.ts';
import { SpectraView } from './spectra/SpectraView.tsx';
import { TrapView } from './traps/TrapView.tsx';
import { useAnalysisInputs } from './useAnalysisInputs.ts';
import { useAnalysisRun } from './useAnalysisRun.ts';
import './analysis.css';

const SUBTABS = [
  { name: 'spectra', title: 'Spectra' },
  { name: 'band-edges', title: 'Band edges' },
  { name: 'trap-windows', title: 'Trap windows' },
  { name: 'degradation', title: 'Degradation' },
  { name: 'band-diagram', title: 'Band diagram' },
  { name: 'quality', title: 'Quality & exclusions' },
] as const;
type SubtabName = (typeof SUBTABS)[number]['name'];

/** A request from another tab (the Library's Analyse) to run on a scope; `id` tells requests apart. */
export interface ScopeRequest {
  id: number;
  scope: AnalysisScope;
  /** Run at once (the Library's Analyse) or just choose (the picker here). */
  run: boolean;
}

export function AnalysisViews({
  request,
  onScope,
}: {
  /** The scope the user chose (here or in the Library), null until then. */
  request: ScopeRequest | null;
  onScope(scope: AnalysisScope): void;
}) {
  const [form, setForm] = useState<RecipeForm>(formFromRecipe());
  const [auto, setAuto] = useState(false);
  const [tab, setTab] = useState<SubtabName>('spectra');
  const { rows: sessions } = useSessions();
  /** Changes to labels, exclusions and spectra: the analysis hooks mark the run stale on a new one. */
  const version = useAnalysisInputsRevision();
  const overrides = overridesOf(form);
  /** The scope of the last run shown that had one (a CLI run may have none). */
  const [runScope, setRunScope] = useState<AnalysisScope | null>(null);
  // Without a choice: the shown run's scope, else the newest labelled session (never the whole
  // library).
  const scope = request?.scope ?? runScope ?? defaultScope(sessions);
  const state = useAnalysisRun(version, auto, overrides, scope);
  const { run } = state;
  const inputs = useAnalysisInputs(version, run);
  // Another run shown: its scope becomes the default and the bar starts from its recipe (e.g. one
  // made with the CLI). Adjusted while rendering (React's pattern for state derived from a change).
  const [shownRun, setShownRun] = useState<typeof run>(null);
  if (run !== shownRun) {
    setShownRun(run);
    if (run?.scope) setRunScope(run.scope);
    if (run && run.runId !== shownRun?.runId) setForm(formFromRecipe(run.recipe));
  }

  // The Library's "Analyse" runs at once on what it chose.
  const handled = useRef<number | null>(null);
  const { start } = state;
  const overridesKey = JSON.stringify(overrides);
  useEffect(() => {
    if (!request || handled.current === request.id) return;
    handled.current = request.id;
    if (request.run) start(JSON.parse(overridesKey) as typeof overrides);
  }, [request, start, overridesKey]);

  let body: ReactNode;
  if (!run)
    body = (
      <p className="empty">
        {state.none
          ? 'No analysis yet: label spectra in the Library, then Run analysis.'
          : 'Loading the newest analysis run…'}
      </p>
    );
  else if (run.groups.length === 0 && tab !== 'quality')
    // Groups are labels; every spectrum's own findings are still in Quality & exclusions.
    body = (
      <p className="empty" data-testid="no-labelled-spectra">
        The run found no labelled spectra: label spectra in the Library first. Quality &amp; exclusions lists
        each spectrum&rsquo;s flags and in-gap states meanwhile.
      </p>
    );
  else {
    body = (
      <AnalysisContext
        value={{
          run,
          spectra: inputs.spectra,
          requestSpectra: inputs.requestSpectra,
          pool: inputs.pool,
          colourOf: inputs.colourOf,
        }}
      >
        <div key={run.runId} className="subview" data-testid={`subview-${tab}`}>
          {tab === 'spectra' && <SpectraView />}
          {tab !== 'spectra' && !rowsLoaded(run) && (
            <p className="empty" data-testid="results-loading">
              Loading the run’s {run.resultCount} per-spectrum results…
            </p>
          )}
          {!rowsLoaded(run) ? null : (
            <>
              {tab === 'band-edges' && <BandEdgesView />}
              {tab === 'trap-windows' && <TrapView />}
              {tab === 'degradation' && <DegradationView onRerun={() => state.start(overrides)} />}
              {tab === 'band-diagram' && <BandDiagramView />}
              {tab === 'quality' && <QualityView run={run} onRerun={() => state.start(overrides)} />}
            </>
          )}
        </div>
      </AnalysisContext>
    );
  }

  return (
    <div className="analysis" data-testid="analysis-views" data-curves={inputs.curves.state}>
      <RecipeBar
        form={form}
        onChange={setForm}
        onRun={() => state.start(overrides)}
        busySince={state.busySince}
        staleReason={run ? runStaleness(state.stale, run.scope, scope, sessions) : null}
        auto={auto}
        onAuto={setAuto}
        runLabel={
          run
            ? `Run ${run.runId} on ${scopeText(run.scope, sessions)} · ${new Date(run.createdAt).toLocaleString()} · ${run.resultCount} spectra · STS Workbench ${run.appVersion}`
            : null
        }
      />
      <section className="panel">
        <ScopePicker scope={scope} sessions={sessions} onScope={onScope} />
      </section>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {inputs.spectraError && <p className="error">{inputs.spectraError}</p>}
      {inputs.curves.state === 'loading' && (
        <p className="note" data-testid="curves-loading">
          Reading the run’s curves
          {inputs.curves.total === null
            ? '…'
            : `: ${inputs.curves.loaded.toLocaleString('en')} of ${inputs.curves.total.toLocaleString('en')} sweeps…`}
        </p>
      )}
      <nav className="subtabs" aria-label="Analysis views">
        {SUBTABS.map((t) => (
          <button
            key={t.name}
            className={t.name === tab ? 'subtab active' : 'subtab'}
            data-testid={`subtab-${t.name}`}
            onClick={() => setTab(t.name)}
          >
            {t.title}
          </button>
        ))}
      </nav>
      {body}
    </div>
  );
}
