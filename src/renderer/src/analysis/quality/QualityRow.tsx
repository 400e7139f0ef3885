// One spectrum in the quality table: its flags with reasons, whether the run used it, and the
// user's stored choice (a "Use" box and a note; Reset returns to the flags' default).
import { useState } from 'react';
import type { AnalysisSpectrumQuality, SpectrumExclusion } from '../../../../shared/api/contract.ts';
import { fixed } from '../plot/units.ts';

export interface QualityRowData extends AnalysisSpectrumQuality {
  label: string | null;
  /** Counted, but left out of its group's averaged curve for its narrow bias range. */
  outOfAverage: boolean;
}

/** The run's use of a spectrum, as the status cell says it. */
function statusText(row: QualityRowData): string {
  if (row.excluded) return `excluded${row.exclusionReason ? `: ${row.exclusionReason}` : ''}`;
  return row.outOfAverage ? 'used; not in the group average (narrow bias range)' : 'used';
}

export function QualityRow({
  row,
  stored,
  onSave,
}: {
  row: QualityRowData;
  /** The user's stored choice for this spectrum, or null (the flags decide). */
  stored: SpectrumExclusion | null;
  /** Stores the choice; settles when the server has answered (either way). */
  onSave(spectrumId: number, action: 'include' | 'exclude' | 'clear', note: string): Promise<void>;
}) {
  // The box follows the click at once and keeps that state until the save is answered, whatever
  // list of choices a refetch brings meanwhile (a controlled box must never flick back).
  const [pendingUse, setPendingUse] = useState<boolean | null>(null);
  const [note, setNote] = useState(stored?.note ?? '');
  const [shownNote, setShownNote] = useState(stored?.note ?? '');
  // Follow the stored note when it changes elsewhere (a reload), without losing what is typed.
  if ((stored?.note ?? '') !== shownNote) {
    setShownNote(stored?.note ?? '');
    setNote(stored?.note ?? '');
  }
  const use = pendingUse ?? (stored ? stored.action === 'include' : !row.excluded);
  const id = row.spectrumId;
  const states = row.inGapStates.map((s) => `${fixed(s.bias, 2)} V (${fixed(s.height, 2)})`).join(', ');
  return (
    <tr data-testid={`quality-row-${id}`} className={row.excluded ? 'excluded' : undefined}>
      <td title={row.file}>{row.name}</td>
      <td className="num">{row.sweep}</td>
      <td>{row.label ?? '—'}</td>
      <td data-testid={`quality-flags-${id}`}>
        {row.flags.length === 0
          ? '—'
          : row.flags.map((f) => (
              <span key={f} className="flag">
                {f}
              </span>
            ))}
      </td>
      <td className="reason">{row.flagReasons.join('; ') || '—'}</td>
      <td className="num" title={states || undefined}>
        {row.inGapStates.length}
      </td>
      <td className="num" data-testid={`quality-noise-${id}`}>
        {row.currentNoiseRaise === null ? '—' : `${fixed(row.currentNoiseRaise, 1)}×`}
      </td>
      <td
        className="run-status"
        data-testid={`quality-status-${id}`}
        title={row.exclusionReason ?? undefined}
      >
        {statusText(row)}
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`Use ${row.name} sweep ${row.sweep} in group statistics`}
          data-testid={`quality-use-${id}`}
          checked={use}
          onChange={(e) => {
            const checked = e.target.checked;
            setPendingUse(checked);
            void onSave(id, checked ? 'include' : 'exclude', note).finally(() => setPendingUse(null));
          }}
        />
        {stored && (
          <button
            className="secondary small"
            data-testid={`quality-reset-${id}`}
            title="Forget the choice: the quality flags decide"
            onClick={() => void onSave(id, 'clear', '')}
          >
            Reset
          </button>
        )}
      </td>
      <td>
        <input
          type="text"
          className="note-field"
          aria-label={`Note for ${row.name} sweep ${row.sweep}`}
          data-testid={`quality-note-${id}`}
          placeholder="why"
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (stored && note !== stored.note) void onSave(id, stored.action, note);
          }}
        />
      </td>
    </tr>
  );
}
