// Assigning labels to the selected markers: the three common labels (keys 1, 2, 3), the user's
// own label with a colour, removal (key 0), undo and redo.
import { useState } from 'react';
import type { LabelRow } from '../../../shared/model/library.ts';
import { CommonLabelButtons, RemoveLabelButton, UndoRedoButtons } from '../labels/LabelButtons.tsx';
import { suggestColour } from './labelColours.ts';

export function LabelPanel({
  selectedCount,
  spectraCount,
  labels,
  canUndo,
  canRedo,
  onLabel,
  onUndo,
  onRedo,
}: {
  /** Selected markers, and the spectra (both directions) they stand for. */
  selectedCount: number;
  spectraCount: number;
  labels: readonly LabelRow[];
  canUndo: boolean;
  canRedo: boolean;
  onLabel(label: string | null, colour?: string): void;
  onUndo(): void;
  onRedo(): void;
}) {
  const [custom, setCustom] = useState('');
  const [colour, setColour] = useState<string | null>(null);
  const name = custom.trim();
  const existing = labels.find((l) => l.name === name);
  // The picker shows the label's colour until the user picks another.
  const shownColour = colour ?? (existing ? existing.colour : suggestColour(labels));
  const none = selectedCount === 0;

  const applyCustom = (): void => {
    if (none || name === '') return;
    onLabel(name, /^#[0-9a-f]{6}$/i.test(shownColour) ? shownColour : undefined);
  };

  return (
    <div className="topo-labels">
      <div className="note" data-testid="selection-count">
        {none
          ? 'No markers selected: click, drag a box or draw a lasso.'
          : `${selectedCount} marker${selectedCount === 1 ? '' : 's'} selected · ${spectraCount} spectra`}
      </div>
      <div className="row">
        <CommonLabelButtons labels={labels} disabled={none} what="the selection" onLabel={onLabel} />
        <RemoveLabelButton disabled={none} what="the selection" onRemove={() => onLabel(null)} />
      </div>
      <div className="row">
        <input
          data-testid="label-custom"
          placeholder="Own label, e.g. defect"
          list="topo-label-names"
          maxLength={80}
          value={custom}
          onChange={(e) => {
            setCustom(e.target.value);
            setColour(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && applyCustom()}
        />
        <datalist id="topo-label-names">
          {labels.map((l) => (
            <option key={l.name} value={l.name} />
          ))}
        </datalist>
        <input
          data-testid="label-custom-colour"
          type="color"
          title="Colour of this label"
          value={shownColour}
          onChange={(e) => setColour(e.target.value)}
        />
        <button data-testid="label-custom-apply" disabled={none || name === ''} onClick={applyCustom}>
          Apply
        </button>
        <span className="spacer" />
        <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={onUndo} onRedo={onRedo} />
      </div>
    </div>
  );
}
