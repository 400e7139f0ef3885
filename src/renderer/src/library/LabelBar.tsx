// Labelling the Library's selection: the seed study's labels (keys 1, 2, 3), the user's own label,
// removal (key 0), undo and redo of the app's one label history, and a labels CSV.
import { useState } from 'react';
import type { LabelRow } from '../../../shared/model/library.ts';
import { CommonLabelButtons, RemoveLabelButton, UndoRedoButtons } from '../labels/LabelButtons.tsx';
import { COMMON_LABELS } from '../topography/labelColours.ts';

export function LabelBar({
  summary,
  count,
  labels,
  canUndo,
  canRedo,
  onLabel,
  onUndo,
  onRedo,
  onClear,
  onAnalyse,
}: {
  /** What is selected, in words. */
  summary: string;
  /** Spectra the selection stands for (0 disables labelling). */
  count: number;
  labels: readonly LabelRow[];
  canUndo: boolean;
  canRedo: boolean;
  onLabel(label: string | null): void;
  onUndo(): void;
  onRedo(): void;
  onClear(): void;
  /** Analyse just the selected spectra on the Analysis tab. */
  onAnalyse(): void;
}) {
  const [own, setOwn] = useState('');
  const none = count === 0;
  const name = own.trim();
  return (
    <div className="label-bar" data-testid="library-label-bar">
      <span className="note" data-testid="library-selection">
        {summary}
      </span>
      <CommonLabelButtons
        labels={labels}
        disabled={none}
        what="the selected spectra"
        testIdPrefix="library-"
        onLabel={onLabel}
      />
      <select
        aria-label="Apply another label to the selection"
        data-testid="library-label-menu"
        disabled={none}
        value=""
        onChange={(e) => e.target.value && onLabel(e.target.value)}
      >
        <option value="">Other label…</option>
        {labels
          .filter((l) => !COMMON_LABELS.some((c) => c.name === l.name))
          .map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
      </select>
      <input
        aria-label="New label name"
        data-testid="library-label-own"
        placeholder="New label"
        maxLength={80}
        value={own}
        onChange={(e) => setOwn(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && !none && name && onLabel(name)}
      />
      <button data-testid="library-label-own-apply" disabled={none || !name} onClick={() => onLabel(name)}>
        Apply
      </button>
      <RemoveLabelButton
        disabled={none}
        what="the selected spectra"
        testIdPrefix="library-"
        onRemove={() => onLabel(null)}
      />
      <button className="secondary" disabled={none} onClick={onClear} title="Clear the selection (Escape)">
        Clear
      </button>
      <button
        className="secondary"
        data-testid="library-analyse-selection"
        disabled={none}
        title="Run the analysis on the selected spectra only"
        onClick={onAnalyse}
      >
        Analyse selection
      </button>
      <UndoRedoButtons
        canUndo={canUndo}
        canRedo={canRedo}
        testIdPrefix="library-"
        onUndo={onUndo}
        onRedo={onRedo}
      />
    </div>
  );
}
