// The label actions every labelling view shows the same way: the seed study's labels (keys 1, 2,
// 3), removal (key 0), and undo/redo of the app's one label history. The Library's selection bar
// and the Topography's label panel both use them; `testIdPrefix` keeps each view's test ids.
import type { LabelRow } from '../../../shared/model/library.ts';
import { COMMON_LABELS, labelColour } from '../topography/labelColours.ts';

export function CommonLabelButtons({
  labels,
  disabled,
  what,
  testIdPrefix = '',
  onLabel,
}: {
  labels: readonly LabelRow[];
  disabled: boolean;
  /** What a button labels, in words ("the selected spectra"). */
  what: string;
  testIdPrefix?: string;
  onLabel(label: string): void;
}) {
  return COMMON_LABELS.map((l) => (
    <button
      key={l.name}
      data-testid={`${testIdPrefix}${l.testId}`}
      className="label-button"
      disabled={disabled}
      title={`Label ${what} ${l.name} (key ${l.key})`}
      onClick={() => onLabel(l.name)}
    >
      <span className="swatch-dot" style={{ background: labelColour(l.name, labels) }} />
      {l.name} <kbd>{l.key}</kbd>
    </button>
  ));
}

export function RemoveLabelButton({
  disabled,
  what,
  testIdPrefix = '',
  onRemove,
}: {
  disabled: boolean;
  what: string;
  testIdPrefix?: string;
  onRemove(): void;
}) {
  return (
    <button
      data-testid={`${testIdPrefix}label-remove`}
      className="secondary"
      disabled={disabled}
      title={`Remove the label of ${what} (key 0)`}
      onClick={onRemove}
    >
      Remove label <kbd>0</kbd>
    </button>
  );
}

export function UndoRedoButtons({
  canUndo,
  canRedo,
  testIdPrefix = '',
  onUndo,
  onRedo,
}: {
  canUndo: boolean;
  canRedo: boolean;
  testIdPrefix?: string;
  onUndo(): void;
  onRedo(): void;
}) {
  return (
    <>
      <button
        data-testid={`${testIdPrefix}undo`}
        className="secondary"
        disabled={!canUndo}
        onClick={onUndo}
        title="Undo the last label change, on any tab (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        data-testid={`${testIdPrefix}redo`}
        className="secondary"
        disabled={!canRedo}
        onClick={onRedo}
        title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
      >
        Redo
      </button>
    </>
  );
}
