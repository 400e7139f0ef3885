// The recipe of the next run: smoothing, band-edge method, deep-trap window, sweep direction;
// "Run analysis" stores a new run with it. Shows the busy state and what changed since the shown run.
import { useEffect, useState } from 'react';
import type { RecipeForm } from './recipeForm.ts';
import { formProblem } from './recipeForm.ts';

function NumberField({
  label,
  value,
  step,
  onChange,
  testId,
  title,
}: {
  label: string;
  value: number;
  step: number;
  onChange(value: number): void;
  testId: string;
  title?: string;
}) {
  return (
    <label className="recipe-field" title={title}>
      {label}
      <input
        type="number"
        step={step}
        value={Number.isFinite(value) ? value : ''}
        data-testid={testId}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    </label>
  );
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return <span className="progress-text">{((now - since) / 1000).toFixed(1)} s</span>;
}

export function RecipeBar({
  form,
  onChange,
  onRun,
  busySince,
  staleReason,
  auto,
  onAuto,
  runLabel,
}: {
  form: RecipeForm;
  onChange(form: RecipeForm): void;
  onRun(): void;
  busySince: number | null;
  /** What differs between the shown run and the next one (runStaleness.ts), null when nothing. */
  staleReason: string | null;
  auto: boolean;
  onAuto(auto: boolean): void;
  runLabel: string | null;
}) {
  const problem = formProblem(form);
  const set =
    <K extends keyof RecipeForm>(key: K) =>
    (value: RecipeForm[K]) =>
      onChange({ ...form, [key]: value });
  return (
    <section className="panel recipe-bar" data-testid="recipe-bar">
      <div className="recipe-fields">
        <NumberField
          label="SG window (pts)"
          value={form.window}
          step={2}
          onChange={set('window')}
          testId="recipe-sg-window"
          title="Savitzky–Golay window, odd number of points"
        />
        <NumberField
          label="SG order"
          value={form.polyorder}
          step={1}
          onChange={set('polyorder')}
          testId="recipe-sg-order"
        />
        <label className="recipe-field">
          Band edges
          <select
            value={form.method}
            data-testid="recipe-method"
            onChange={(e) => set('method')(e.target.value as RecipeForm['method'])}
          >
            <option value="band">band (walk inward)</option>
            <option value="first-peak">first peak</option>
            <option value="onset">onset (5σ)</option>
          </select>
        </label>
        <NumberField
          label="Deep window from (V)"
          value={form.deepLo}
          step={0.05}
          onChange={set('deepLo')}
          testId="recipe-deep-lo"
        />
        <NumberField
          label="to (V)"
          value={form.deepHi}
          step={0.05}
          onChange={set('deepHi')}
          testId="recipe-deep-hi"
        />
        <label className="recipe-field">
          Direction
          <select
            value={form.direction}
            data-testid="recipe-direction"
            onChange={(e) => set('direction')(e.target.value as RecipeForm['direction'])}
          >
            <option value="forward">forward</option>
            <option value="backward">backward</option>
            <option value="mean">mean of both</option>
          </select>
        </label>
        <button data-testid="run-analysis" disabled={busySince !== null || problem !== null} onClick={onRun}>
          {busySince !== null ? 'Running…' : 'Run analysis'}
        </button>
        <label
          className="recipe-auto"
          title="Re-run automatically (after a second of quiet) when labels change"
        >
          <input type="checkbox" checked={auto} onChange={(e) => onAuto(e.target.checked)} /> re-run on label
          changes
        </label>
      </div>
      <div className="recipe-status" aria-live="polite">
        {busySince !== null && (
          <span className="busy" data-testid="analysis-busy">
            <progress /> Analysing the labelled spectra… <Elapsed since={busySince} />
          </span>
        )}
        {problem && <span className="error">{problem}</span>}
        {busySince === null && runLabel && (
          <span className="note" data-testid="run-label">
            {runLabel}
          </span>
        )}
        {staleReason && busySince === null && (
          <span className="stale" data-testid="analysis-stale">
            {staleReason}{' '}
            <button className="secondary small" onClick={onRun} disabled={problem !== null}>
              Re-run
            </button>
          </span>
        )}
      </div>
    </section>
  );
}
