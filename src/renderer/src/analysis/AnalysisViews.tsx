// The Analysis tab: a recipe bar and one stored analysis run shared by five sub-views (Spectra,
// Band edges, Trap windows, Degradation, Band diagram). `version` changes when labels or the
// library change elsewhere; the run is then marked stale and redone on request or automatically.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { BandEdgesView } from './edges/BandEdgesView.tsx';
import { BandDiagramView } from './diagram/BandDiagramView.tsx';
import { DegradationView } from './degradation/DegradationView.tsx';
import { RecipeBar } from './RecipeBar.tsx';
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
] as const;
type SubtabName = (typeof SUBTABS)[number]['name'];

export function AnalysisViews({ version }: { version: number }) {
  const [form, setForm] = useState<RecipeForm>(formFromRecipe());
  const [auto, setAuto] = useState(false);
  const [tab, setTab] = useState<SubtabName>('spectra');
  const overrides = overridesOf(form);
  const state = useAnalysisRun(version, auto, overrides);
  const { run } = state;
  const inputs = useAnalysisInputs(version, run?.runId ?? null);

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
        stale={state.stale}
        auto={auto}
        onAuto={setAuto}
        runLabel={
          run
            ? `Run ${run.runId} · ${new Date(run.createdAt).toLocaleString()} · ${run.spectra.length} spectra · STS Workbench ${run.appVersion}`
            : null
        }
      />
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
