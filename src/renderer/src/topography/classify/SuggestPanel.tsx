// "Suggest labels": classify the scan's Z image, show how many markers each label was suggested
// for, and accept them all or the selected ones (one undoable change). Markers the user has
// labelled keep their label unless "Replace labels already set" is ticked; to change a suggestion,
// select the marker and label it by hand (keys 1/2/3), then accept the rest.
import { useState } from 'react';
import type { PositionSuggestion } from '../../../../shared/image/classifyPositions.ts';
import type { LabelRow } from '../../../../shared/model/library.ts';
import { labelColour } from '../labelColours.ts';
import type { TopoMarker } from '../markers.ts';
import type { Suggestions } from './useSuggestions.ts';

/** Spectrum ids → suggested label, for the markers given (all, or the selected ones). */
export function acceptedLabels(
  markers: readonly TopoMarker[],
  byMarker: ReadonlyMap<string, PositionSuggestion>,
  replace: boolean,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const marker of markers) {
    const label = byMarker.get(marker.key)?.label ?? null;
    if (label === null || label === marker.label) continue;
    if (marker.label !== null && !replace) continue;
    for (const id of marker.ids) out.set(id, label);
  }
  return out;
}

export function SuggestPanel({
  available,
  busy,
  error,
  suggestions,
  markers,
  selected,
  labels,
  onSuggest,
  onClear,
  onAccept,
}: {
  /** Why suggestions cannot be made here (no Z channel), or null. */
  available: string | null;
  busy: boolean;
  error: string | null;
  suggestions: Suggestions | null;
  markers: readonly TopoMarker[];
  selected: ReadonlySet<string>;
  labels: readonly LabelRow[];
  onSuggest(): void;
  onClear(): void;
  onAccept(labelOf: Map<number, string>): void;
}) {
  const [replace, setReplace] = useState(false);
  const byMarker = suggestions?.byMarker;
  const counts = new Map<string, number>();
  let keptHand = 0;
  for (const marker of markers) {
    const s = byMarker?.get(marker.key);
    if (!s) continue;
    const key = s.label ?? (s.reason === 'undecided' ? 'undecided (near an outline)' : 'none (substrate)');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (s.label !== null && marker.label !== null && marker.label !== s.label) keptHand++;
  }
  const all = byMarker ? acceptedLabels(markers, byMarker, replace) : new Map<number, string>();
  const ofSelection = byMarker
    ? acceptedLabels(
        markers.filter((m) => selected.has(m.key)),
        byMarker,
        replace,
      )
    : new Map<number, string>();
  return (
    <div className="topo-suggest" data-testid="suggest-panel">
      <div className="row">
        <button
          data-testid="suggest-labels"
          disabled={busy || available !== null}
          onClick={onSuggest}
          title={available ?? undefined}
        >
          {busy ? 'Suggesting…' : 'Suggest labels'}
        </button>
        {suggestions && (
          <button className="secondary" data-testid="suggest-clear" onClick={onClear}>
            Hide suggestions
          </button>
        )}
      </div>
      {available && <p className="note">{available}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {suggestions && (
        <>
          <p className="note" data-testid="suggest-summary">
            {suggestions.particles.filter((p) => p.kind === 'core-only').length} core-only and{' '}
            {suggestions.particles.filter((p) => p.kind === 'core-crown').length} core–crown platelets on{' '}
            {suggestions.imageName} (Z). Dashed rings: suggested, not yet accepted.
          </p>
          <div className="topo-suggest-counts">
            {[...counts].map(([name, n]) => (
              <span key={name} style={{ display: 'contents' }}>
                <span className="swatch-label">
                  <svg width="12" height="12" aria-hidden="true">
                    <circle
                      cx="6"
                      cy="6"
                      r="4.5"
                      fill="none"
                      strokeWidth="2"
                      strokeDasharray="3 2"
                      stroke={labelColour(name, labels)}
                    />
                  </svg>{' '}
                  {name}
                </span>
                <span data-testid={`suggest-count-${name.split(' ')[0]}`}>{n}</span>
              </span>
            ))}
          </div>
          <label className="note">
            <input
              type="checkbox"
              checked={replace}
              onChange={(e) => setReplace(e.target.checked)}
              data-testid="suggest-replace"
            />{' '}
            Replace labels already set{keptHand > 0 ? ` (${keptHand} markers differ)` : ''}
          </label>
          <div className="row">
            <button data-testid="suggest-accept-all" disabled={all.size === 0} onClick={() => onAccept(all)}>
              Accept all ({all.size} spectra)
            </button>
            <button
              className="secondary"
              data-testid="suggest-accept-selected"
              disabled={ofSelection.size === 0}
              onClick={() => onAccept(ofSelection)}
            >
              Accept selected ({ofSelection.size})
            </button>
          </div>
        </>
      )}
    </div>
  );
}
