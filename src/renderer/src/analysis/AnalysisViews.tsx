// The Analysis tab: a recipe bar and one stored analysis run shared by six sub-views (Spectra,
// Band edges, Trap windows, Degradation, Band diagram, Quality & exclusions). `version` changes
// when labels or the library change elsewhere; the run is then marked stale and redone on request
// or automatically.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AnalysisScope, SessionRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { BandEdgesView } from './edges/BandEdgesView.tsx';
import { BandDiagramView } from './diagram/BandDiagramView.tsx';
import { DegradationView } from './degradation/DegradationView.tsx';
import { QualityView } from './quality/QualityView.tsx';
import { RecipeBar } from './RecipeBar.tsx';
import { ScopePicker, scopeText } from './ScopePicker.tsx';
import { formFromRecipe, overridesOf } from './recipeForm.ts';
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
  version,
  request,
  onScope,
}: {
  version: number;
  /** The scope the user chose (here or in the Library), null until then. */
  request: ScopeRequest | null;
  onScope(scope: AnalysisScope): void;
}) {
  const [form, setForm] = useState<RecipeForm>(formFromRecipe());
  const [auto, setAuto] = useState(false);
  const [tab, setTab] = useState<SubtabName>('spectra');
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  useEffect(() => {
    let current = true;
    void getApi()
      .listSessions({})
      .then(({ rows }) => current && setSessions(rows));
    return () => {
      current = false;
    };
  }, [version]);
  const overrides = overridesOf(form);
  const [runScope, setRunScope] = useState<AnalysisScope | null>(null);
  // Without a choice: the shown run's scope, else the newest session (never the whole library).
  const newest = sessions[0];
  const scope = request?.scope ?? runScope ?? (newest ? { sessionIds: [newest.id] } : null);
  const state = useAnalysisRun(version, auto, overrides, scope);
  const { run } = state;
  const runSpectrumIds = useMemo(() => (run ? run.spectra.map((s) => s.spectrumId) : []), [run]);
  const inputs = useAnalysisInputs(version, run?.runId ?? null, runSpectrumIds);
  useEffect(() => {
    if (run?.scope) setRunScope(run.scope);
  }, [run]);

  // The Library's "Analyse" runs at once on what it chose.
  const handled = useRef<number | null>(null);
  const { start } = state;
  const overridesKey = JSON.stringify(overrides);
  useEffect(() => {
    if (!request || handled.current === request.id) return;
    handled.current = request.id;
    if (request.run) start(JSON.parse(overridesKey) as typeof overrides);
  }, [request, start, overridesKey]);

  // The bar starts from the shown run's recipe (e.g. one made with the CLI).
  const shownRunId = run?.runId ?? null;
  useEffect(() => {
    if (run) setForm(formFromRecipe(run.recipe));
    // Only when another run is shown, not on every re-render (form deliberately left out).
  }, [shownRunId]);

  let body: ReactNode;
  if (!run)
    body = (
      <p className="empty">
        {state.none
          ? 'No analysis yet: label spectra in the Library, then Run analysis.'
          : 'Loading the newest analysis run…'}
      </p>
    );
  else if (run.groups.length === 0)
    body = <p className="empty">The run found no labelled spectra: label spectra in the Library first.</p>;
  else {
    const common = { run, colourOf: inputs.colourOf };
    body = (
      <div key={run.runId} className="subview" data-testid={`subview-${tab}`}>
        {tab === 'spectra' && <SpectraView {...common} spectra={inputs.spectra} pool={inputs.pool} />}
        {tab === 'band-edges' && <BandEdgesView {...common} spectra={inputs.spectra} />}
        {tab === 'trap-windows' && <TrapView {...common} spectra={inputs.spectra} pool={inputs.pool} />}
        {tab === 'degradation' && <DegradationView {...common} spectra={inputs.spectra} pool={inputs.pool} />}
        {tab === 'band-diagram' && <BandDiagramView {...common} />}
        {tab === 'quality' && <QualityView run={run} onRerun={() => state.start(overrides)} />}
      </div>
    );
  }

  return (
    <div className="analysis" data-testid="analysis-views">
      <RecipeBar
        form={form}
        onChange={setForm}
        onRun={() => state.start(overrides)}
        busySince={state.busySince}
        stale={state.stale || (run !== null && JSON.stringify(run.scope ?? null) !== JSON.stringify(scope))}
        auto={auto}
        onAuto={setAuto}
        runLabel={
          run
            ? `Run ${run.runId} on ${scopeText(run.scope, sessions)} · ${new Date(run.createdAt).toLocaleString()} · ${run.spectra.length} spectra · STS Workbench ${run.appVersion}`
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
